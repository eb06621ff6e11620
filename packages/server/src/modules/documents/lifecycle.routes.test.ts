import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { multipartBody, pdfBytes, scopedHeaderAuthModule } from '../../../test/documents-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser } from '../../../test/test-principal.js';
import { modules } from '../index.js';
import { can } from './documents.catalogue.js';
import { documentsDeps } from './documents.deps.js';
import { documentsErrors } from './documents.errors.js';
import { runPurge } from './documents.jobs.js';

const aliceId = '019a0000-0000-7000-8000-0000000000a1';
// Every permission and every row: the administrator WORM must still refuse.
const admin = { ...asUser(aliceId, Object.values(can)), 'x-test-scope': 'all' };

let t: TestApp;
const db = () => t.database.db;
const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, headers = admin) =>
  t.app.inject({ method, url: `/api/v1/documents${url}`, headers, ...(payload ? { payload } : {}) });
async function upload(file: { name: string; bytes: Buffer }, url = '', category = 'contract') {
  const body = multipartBody(
    url ? {} : { category, entity_type: 'contract', entity_id: 'C-7', contract_number: 'HT-7' },
    file,
  );
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/documents${url}`,
    headers: { ...admin, ...body.headers },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data as { document: { id: string }; version: { version: number; sha256: string } };
}
const storedFiles = async () =>
  (await readdir(join(t.dataDir, 'storage'), { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile() && !e.parentPath.includes('.tmp'))
    .map((e) => join(e.parentPath, e.name));

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, scopedHeaderAuthModule] } });
});
afterAll(() => t.close());
beforeEach(async () => {
  await db().deleteFrom('document_versions').execute();
  await db().deleteFrom('documents').execute();
  await db().deleteFrom('storage_objects').execute();
  await db().updateTable('document_retention_policies').set({ keep_years: 0, worm: 0 }).execute();
  await rm(join(t.dataDir, 'storage'), { recursive: true, force: true });
});

describe('versions and downloads', () => {
  it('adds versions, lists history with metadata, restores an old one as a new version', async () => {
    const first = await upload({ name: 'v1.pdf', bytes: pdfBytes('one') });
    const id = first.document.id;
    await api('PATCH', `/${id}`, { title: 'Renamed', tags: ['final'] });
    const second = await upload({ name: 'v2.pdf', bytes: pdfBytes('two') }, `/${id}/versions`);
    expect(second.version.version).toBe(2);
    const restored = await api('POST', `/${id}/versions/1/restore`);
    expect(restored.json().data.version).toMatchObject({
      version: 3,
      restored_from: 1,
      sha256: first.version.sha256,
    });
    const history = (await api('GET', `/${id}/versions`)).json().data;
    expect(history.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(history[1].metadata).toMatchObject({ title: 'Renamed', tags: ['final'] });
    expect(history[2].metadata).toMatchObject({ title: 'v1.pdf', tags: [] });
    // One object shared by versions 1 and 3, counted twice.
    const refs = await db().selectFrom('storage_objects').select(['key', 'ref_count']).execute();
    expect(refs.find((r) => r.key === first.version.sha256)?.ref_count).toBe(2);
  });

  it('downloads with RFC 6266 names (Chinese, Hebrew) and serves byte ranges', async () => {
    const bytes = pdfBytes('range');
    const { document } = await upload({ name: 'חוזה 合同.pdf', bytes });
    const url = `/${document.id}/versions/1/content`;
    const full = await api('GET', url);
    expect(full.statusCode).toBe(200);
    expect(full.rawPayload.equals(bytes)).toBe(true);
    expect(full.headers['content-disposition']).toBe(
      `attachment; filename="____ __.pdf"; filename*=UTF-8''${encodeURIComponent('חוזה 合同.pdf')}`,
    );
    const part = await t.app.inject({
      method: 'GET',
      url: `/api/v1/documents${url}`,
      headers: { ...admin, range: 'bytes=2-9' },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 2-9/${bytes.length}`);
    expect(part.rawPayload.equals(bytes.subarray(2, 10))).toBe(true);
    const outside = await t.app.inject({
      method: 'GET',
      url: `/api/v1/documents${url}`,
      headers: { ...admin, range: 'bytes=9999-' },
    });
    expect([outside.statusCode, outside.headers['content-range']]).toEqual([416, `bytes */${bytes.length}`]);
  });

  it('previews a PDF with caching headers and answers a revalidation with 304', async () => {
    const { document, version } = await upload({ name: 'p.pdf', bytes: pdfBytes('preview') });
    const url = `/api/v1/documents/${document.id}/versions/1/preview`;
    const first = await t.app.inject({ method: 'GET', url, headers: admin });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(first.headers.etag).toBe(`"${version.sha256}"`);
    const again = await t.app.inject({
      method: 'GET',
      url,
      headers: { ...admin, 'if-none-match': `"${version.sha256}"` },
    });
    expect(again.statusCode).toBe(304);
  });

  it('refuses to serve bytes that no longer match their SHA-256, with an audit event', async () => {
    const { document } = await upload({ name: 'c.pdf', bytes: pdfBytes('corrupt me') });
    const [path] = await storedFiles();
    await writeFile(path as string, pdfBytes('tampered!!'));
    const res = await api('GET', `/${document.id}/versions/1/content`);
    expect([res.statusCode, res.json().code]).toEqual([500, documentsErrors.DOCUMENT_CORRUPTED.api]);
    expect(res.body).not.toContain('tampered');
    const alerts = await db()
      .selectFrom('audit_events')
      .select('entity_id')
      .where('action', '=', 'documents.document.integrity_failed')
      .execute();
    expect(alerts).toContainEqual({ entity_id: document.id });
  });
});

describe('retention, legal hold, WORM, trash and purge', () => {
  it('refuses trash and metadata changes of a WORM-retained document to an administrator, and the purge skips it', async () => {
    expect(
      (await api('PUT', '/retention-policies/contract', { keep_years: 10, worm: true })).statusCode,
    ).toBe(200);
    const { document } = await upload({ name: 'worm.pdf', bytes: pdfBytes('worm') });
    const trash = await api('POST', `/${document.id}/trash`);
    expect([trash.statusCode, trash.json().code]).toEqual([409, documentsErrors.DOCUMENT_RETAINED.api]);
    const edit = await api('PATCH', `/${document.id}`, { title: 'changed' });
    expect([edit.statusCode, edit.json().code]).toEqual([409, documentsErrors.DOCUMENT_RETAINED.api]);
    // Relaxing the policy afterwards does not free documents already filed under it.
    await api('PUT', '/retention-policies/contract', { keep_years: 0, worm: false });
    expect((await api('POST', `/${document.id}/trash`)).statusCode).toBe(409);
    const row = await db()
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', document.id)
      .executeTakeFirstOrThrow();
    expect([row.state, row.title]).toEqual(['active', 'worm.pdf']);
  });

  it('refuses to trash a held document until the hold is released', async () => {
    const { document } = await upload({ name: 'held.pdf', bytes: pdfBytes('held') });
    await upload({ name: 'free.pdf', bytes: pdfBytes('free') });
    await api('PUT', `/${document.id}/legal-hold`, { reason: 'Litigation 2026-17' });
    const held = (await api('GET', '?legal_hold=true')).json().data;
    expect(
      held.items.map((d: { id: string; legal_hold_reason: string }) => [d.id, d.legal_hold_reason]),
    ).toEqual([[document.id, 'Litigation 2026-17']]);
    const trash = await api('POST', `/${document.id}/trash`);
    expect([trash.statusCode, trash.json().code]).toEqual([409, documentsErrors.DOCUMENT_ON_HOLD.api]);
    await api('PUT', `/${document.id}/legal-hold`, { reason: null });
    expect((await api('GET', '?legal_hold=true')).json().data.total).toBe(0);
    expect((await api('POST', `/${document.id}/trash`)).json().data.state).toBe('trashed');
    expect((await api('POST', `/${document.id}/restore`)).json().data.state).toBe('active');
  });

  it('purges trashed documents after the window, keeping bytes another document still shares', async () => {
    const bytes = pdfBytes('shared');
    const a = await upload({ name: 'a.pdf', bytes });
    const b = await upload({ name: 'b.pdf', bytes });
    expect(a.version.sha256).toBe(b.version.sha256);
    await api('POST', `/${a.document.id}/trash`);
    const deps = documentsDeps(t.app.signx);
    const later = { ...deps, settings: { ...deps.settings, trashDays: 0, storageGraceMs: 0 } };
    await new Promise((r) => setTimeout(r, 5));
    expect(await runPurge(later)).toEqual({ purged: 1, objectsDeleted: 0 });
    expect((await storedFiles()).length).toBe(1);
    const kept = await api('GET', `/${b.document.id}/versions/1/content`);
    expect(kept.rawPayload.equals(bytes)).toBe(true);
    await api('POST', `/${b.document.id}/trash`);
    await new Promise((r) => setTimeout(r, 5));
    expect(await runPurge(later)).toEqual({ purged: 1, objectsDeleted: 1 });
    expect(await storedFiles()).toEqual([]);
    const events = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'documents.document.purged')
      .execute();
    expect(events.length).toBe(2);
  });
});
