import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  docmBytes,
  docxBytes,
  multipartBody,
  pdfBytes,
  pngBytes,
  postDocument,
  scopedHeaderAuthModule,
  zipBytes,
} from '../../../test/documents-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser } from '../../../test/test-principal.js';
import { modules } from '../index.js';
import { can } from './documents.catalogue.js';
import { documentsErrors } from './documents.errors.js';

const aliceId = '019a0000-0000-7000-8000-0000000000a1';
const bobId = '019a0000-0000-7000-8000-0000000000b2';
const all = Object.values(can);
const alice = asUser(aliceId, all);
const bob = asUser(bobId, all);

let t: TestApp;
const db = () => t.database.db;
const upload = (
  headers: Record<string, string>,
  fields: Record<string, string>,
  file?: Parameters<typeof multipartBody>[1],
) => postDocument(t, headers, fields, file);
const meta = (extra: Record<string, string> = {}) => ({
  category: 'contract',
  entity_type: 'contract',
  entity_id: 'C-1',
  contract_number: 'HT-2026-001',
  tags: 'signed, 2026',
  ...extra,
});
const storedFiles = async () =>
  (await readdir(join(t.dataDir, 'storage'), { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile() && !e.parentPath.includes('.tmp'))
    .map((e) => e.name);
const counts = async () => ({
  documents: (await db().selectFrom('documents').selectAll().execute()).length,
  versions: (await db().selectFrom('document_versions').selectAll().execute()).length,
  objects: (await db().selectFrom('storage_objects').selectAll().execute()).length,
  files: (await storedFiles()).length,
});

beforeAll(async () => {
  t = await createTestApp({
    env: { UPLOAD_LIMIT_BYTES: '65536' },
    build: { modules: [...modules, scopedHeaderAuthModule] },
  });
});
afterAll(() => t.close());
beforeEach(async () => {
  await db().deleteFrom('document_versions').execute();
  await db().deleteFrom('documents').execute();
  await db().deleteFrom('storage_objects').execute();
  await rm(join(t.dataDir, 'storage'), { recursive: true, force: true });
});

describe('uploading documents', () => {
  it('files a PDF on a contract with its SHA-256, metadata and an audit event; lists it by contract number', async () => {
    const res = await upload(alice, meta({ title: '供货合同' }), { name: '合同.pdf', bytes: pdfBytes() });
    expect(res.statusCode).toBe(201);
    const { document, version } = res.json().data;
    expect(document).toMatchObject({
      title: '供货合同',
      category: 'contract',
      tags: ['signed', '2026'],
      current_version: 1,
    });
    expect(version).toMatchObject({
      version: 1,
      kind: 'pdf',
      media_type: 'application/pdf',
      file_name: '合同.pdf',
      previewable: true,
    });
    expect(version.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await counts()).toEqual({ documents: 1, versions: 1, objects: 1, files: 1 });
    const listed = await t.app.inject({
      url: '/api/v1/documents?contract_number=HT-2026-001',
      headers: alice,
    });
    expect(listed.json().data.items.map((d: { id: string }) => d.id)).toEqual([document.id]);
    const other = await t.app.inject({
      url: '/api/v1/documents?contract_number=HT-2026-002',
      headers: alice,
    });
    expect(other.json().data.total).toBe(0);
    const audit = await db()
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('action', '=', 'documents.document.created')
      .execute();
    expect(audit).toContainEqual({ action: 'documents.document.created', entity_id: document.id });
  });

  it('keeps another user’s documents out of a caller’s own scope (404, absent from lists)', async () => {
    const { document } = (await upload(alice, meta(), { name: 'a.pdf', bytes: pdfBytes() })).json().data;
    expect((await t.app.inject({ url: `/api/v1/documents/${document.id}`, headers: bob })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ url: '/api/v1/documents', headers: bob })).json().data.total).toBe(0);
    const admin = { ...bob, 'x-test-scope': 'all' };
    expect((await t.app.inject({ url: `/api/v1/documents/${document.id}`, headers: admin })).statusCode).toBe(
      200,
    );
  });

  it('accepts DOCX and PNG by content, and a macro DOCM only as an inert file', async () => {
    const docx = (await upload(alice, meta(), { name: 'spec.docx', bytes: docxBytes() })).json().data.version;
    expect(docx).toMatchObject({ kind: 'docx', inert: false });
    const png = (await upload(alice, meta(), { name: 'photo.bin', bytes: pngBytes() })).json().data.version;
    expect(png).toMatchObject({ kind: 'png', media_type: 'image/png', previewable: true });
    const docm = (await upload(alice, meta(), { name: 'macro.docm', bytes: docmBytes() })).json().data
      .version;
    expect(docm).toMatchObject({ kind: 'docm', inert: true, previewable: false });
    const vba = (
      await upload(alice, meta(), { name: 'x.docx', bytes: docxBytes({ 'word/vbaProject.bin': 'vba' }) })
    ).json();
    expect(vba.data.version.inert).toBe(true);
  });

  const refusals: [string, () => { name: string; bytes: Buffer }, number, number][] = [
    [
      'a 0-byte file',
      () => ({ name: 'empty.pdf', bytes: Buffer.alloc(0) }),
      400,
      documentsErrors.DOCUMENT_EMPTY.api,
    ],
    [
      'a PDF that is really HTML',
      () => ({ name: 'invoice.pdf', bytes: Buffer.from('<!DOCTYPE html><script>alert(1)</script>') }),
      415,
      documentsErrors.DOCUMENT_TYPE_REFUSED.api,
    ],
    [
      'an SVG with script',
      () => ({ name: 'logo.svg', bytes: Buffer.from('<svg onload="alert(1)"></svg>') }),
      415,
      documentsErrors.DOCUMENT_TYPE_REFUSED.api,
    ],
    [
      'an executable',
      () => ({ name: 'setup.pdf', bytes: Buffer.from('MZ\x90\x00rest of a program') }),
      415,
      documentsErrors.DOCUMENT_TYPE_REFUSED.api,
    ],
    [
      'a ../ file name',
      () => ({ name: '../../etc/passwd.pdf', bytes: pdfBytes() }),
      400,
      documentsErrors.DOCUMENT_FILE_NAME_INVALID.api,
    ],
    [
      'a control character in the name',
      () => ({ name: 'a\u0007b.pdf', bytes: pdfBytes() }),
      400,
      documentsErrors.DOCUMENT_FILE_NAME_INVALID.api,
    ],
    [
      'a bidi override in the name',
      () => ({ name: 'invoice\u202Efdp.exe', bytes: pdfBytes() }),
      400,
      documentsErrors.DOCUMENT_FILE_NAME_INVALID.api,
    ],
    [
      'a zip bomb DOCX (declared 1 GB)',
      () => ({ name: 'bomb.docx', bytes: docxBytesLying() }),
      415,
      documentsErrors.DOCUMENT_ARCHIVE_BOMB.api,
    ],
    [
      'a file over the upload limit',
      () => ({ name: 'big.pdf', bytes: Buffer.concat([pdfBytes(), Buffer.alloc(70_000)]) }),
      413,
      41301,
    ],
  ];
  it.each(refusals)('refuses %s with a clear error and files nothing', async (_label, file, status, code) => {
    const res = await upload(alice, meta(), file());
    expect([res.statusCode, res.json().code]).toEqual([status, code]);
    expect(res.json().message.length).toBeGreaterThan(10);
    expect(await counts()).toEqual({ documents: 0, versions: 0, objects: 0, files: 0 });
  });

  it('refuses bad metadata and a missing file part before storing anything', async () => {
    const bad = await upload(alice, meta({ category: 'secret' }), { name: 'a.pdf', bytes: pdfBytes() });
    expect(bad.statusCode).toBe(400);
    const missing = await upload(alice, meta());
    expect([missing.statusCode, missing.json().code]).toEqual([
      400,
      documentsErrors.DOCUMENT_FILE_MISSING.api,
    ]);
    const unknown = await upload(alice, meta({ owner_id: bobId }), { name: 'a.pdf', bytes: pdfBytes() });
    expect(unknown.statusCode).toBe(400);
    expect(await counts()).toEqual({ documents: 0, versions: 0, objects: 0, files: 0 });
  });

  it('makes staged bytes collectable when filing fails after staging (missing or trashed document)', async () => {
    const addVersion = (id: string, bytes: Buffer) => {
      const body = multipartBody({}, { name: 'v2.pdf', bytes });
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/documents/${id}/versions`,
        headers: { ...alice, ...body.headers },
        payload: body.payload,
      });
    };
    const orphan = pdfBytes('orphan');
    const missing = await addVersion('019a0000-0000-7000-8000-00000000ffff', orphan);
    expect(missing.statusCode).toBe(404);
    const objects = await db().selectFrom('storage_objects').selectAll().execute();
    expect(objects).toHaveLength(1);
    expect(objects[0]).toMatchObject({ ref_count: 0 });
    expect(objects[0]?.released_at).not.toBeNull();
    expect(await counts()).toMatchObject({ documents: 0, versions: 0 });

    // The same bytes already filed elsewhere keep their reference: a failure never lowers a count.
    const filed = await upload(alice, meta({ title: 'kept' }), { name: 'k.pdf', bytes: pdfBytes('kept') });
    const keptKey = filed.json().data.version.sha256 as string;
    const trashed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/documents/${filed.json().data.document.id}/trash`,
      headers: alice,
    });
    expect(trashed.statusCode).toBe(200);
    const refused = await addVersion(filed.json().data.document.id, pdfBytes('kept'));
    expect([refused.statusCode, refused.json().code]).toEqual([409, documentsErrors.DOCUMENT_TRASHED.api]);
    const kept = await db().selectFrom('storage_objects').selectAll().where('key', '=', keptKey).execute();
    expect(kept.map((o) => [o.ref_count, o.released_at])).toEqual([[1, null]]);
    expect(await counts()).toMatchObject({ documents: 1, versions: 1 });
  });

  it('refuses callers without the upload permission (403) and anonymous ones (401)', async () => {
    const reader = asUser(bobId, [can['documents.document.read']]);
    expect((await upload(reader, meta(), { name: 'a.pdf', bytes: pdfBytes() })).statusCode).toBe(403);
    expect((await upload({}, meta(), { name: 'a.pdf', bytes: pdfBytes() })).statusCode).toBe(401);
    expect(await counts()).toEqual({ documents: 0, versions: 0, objects: 0, files: 0 });
  });
});

function docxBytesLying(): Buffer {
  const big = zipBytes(
    { '[Content_Types].xml': '<Types/>', 'word/document.xml': Buffer.alloc(1000) },
    1_000_000_000,
  );
  return big;
}
