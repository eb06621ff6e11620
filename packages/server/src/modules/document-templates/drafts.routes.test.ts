import { execFileSync } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { scopedHeaderAuthModule, zipBytes } from '../../../test/documents-kit.js';
import { docx, paragraph } from '../../../test/office-files.js';
import {
  bobId,
  caller,
  clearTemplates,
  contractTemplate,
  createContractTemplate,
  inject,
  templatePermissions,
  uploadFile,
} from '../../../test/templates-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { modules } from '../index.js';
import { documentTemplatesErrors } from './document-templates.errors.js';

const anyId = '019a0000-0000-7000-8000-00000000ffff';
const draftMissing = documentTemplatesErrors.TEMPLATE_DRAFT_NOT_FOUND.api;
let t: TestApp;
const db = () => t.database.db;
const manager = caller(templatePermissions);
const storedObjects = async () =>
  (
    await readdir(join(t.dataDir, 'storage'), { recursive: true, withFileTypes: true }).catch(() => [])
  ).filter((e) => e.isFile() && !e.parentPath.includes('.tmp')).length;
const counts = async () => ({
  templates: (await db().selectFrom('document_templates').select('id').execute()).length,
  versions: (await db().selectFrom('document_template_versions').select('id').execute()).length,
  drafts: (await db().selectFrom('document_template_drafts').select('id').execute()).length,
});
const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();

async function stage(bytes: Buffer, fields: Record<string, string> = {}, headers = manager) {
  return uploadFile(t, '/drafts', headers, fields, { name: 'contract.docx', bytes });
}

beforeAll(async () => {
  t = await createTestApp({
    build: { modules: [...modules, scopedHeaderAuthModule] },
    env: { CONVERT_WORKERS: '1' },
  });
});
afterAll(() => t?.close());
beforeEach(async () => {
  await clearTemplates(t);
  await rm(join(t.dataDir, 'storage'), { recursive: true, force: true });
});

describe('template drafts: access', () => {
  it('needs doc_templates.template.manage on every draft route, and changes nothing without it', async () => {
    const others = caller(templatePermissions.filter((p) => p !== 'doc_templates.template.manage'));
    const denied = [
      await stage(contractTemplate(), {}, others),
      await inject(t, 'POST', `/drafts/${anyId}/preview`, others, {}),
      await inject(t, 'POST', `/drafts/${anyId}/save`, others, {}),
      await inject(t, 'DELETE', `/drafts/${anyId}`, others),
    ];
    expect(denied.map((res) => res.statusCode)).toEqual([403, 403, 403, 403]);
    const anonymous = await inject(t, 'POST', `/drafts/${anyId}/preview`, {}, {});
    expect(anonymous.statusCode).toBe(401);
    expect(await counts()).toEqual({ templates: 0, versions: 0, drafts: 0 });
    expect(await storedObjects()).toBe(0);
  });

  it('keeps a draft its uploader’s: another manager gets 40451 and cannot save it', async () => {
    const draft = (await stage(contractTemplate())).json().data;
    const bob = caller(templatePermissions, { userId: bobId });
    const save = await inject(t, 'POST', `/drafts/${draft.id}/save`, bob, { name: 'stolen' });
    expect([save.statusCode, save.json().code]).toEqual([404, draftMissing]);
    const remove = await inject(t, 'DELETE', `/drafts/${draft.id}`, bob);
    expect(remove.statusCode).toBe(404);
    expect(await counts()).toEqual({ templates: 0, versions: 0, drafts: 1 });
  });
});

describe('template drafts: staging refuses hostile files', () => {
  it('refuses a broken template, a zip bomb, a non-DOCX and an empty file; stores nothing', async () => {
    const bad = [
      { bytes: docx(paragraph('{unclosed')), code: 40051 },
      { bytes: zipBytes({ 'word/document.xml': 'x'.repeat(1000) }, 300 * 1048576), code: 40051 },
      { bytes: Buffer.from('%PDF-1.7 not a docx'), code: 40051 },
      { bytes: Buffer.alloc(0), code: 40001 },
    ];
    for (const { bytes, code } of bad) {
      const res = await stage(bytes);
      expect([res.statusCode, res.json().code]).toEqual([400, code]);
      expect(res.json().message).not.toBe('');
    }
    const unknownTemplate = await stage(contractTemplate(), { template_id: anyId });
    expect(unknownTemplate.statusCode).toBe(404);
    const badId = await stage(contractTemplate(), { template_id: '../x' });
    expect(badId.json().errors).toEqual([{ field: 'template_id', message: 'must be a template id (UUID)' }]);
    expect(await counts()).toEqual({ templates: 0, versions: 0, drafts: 0 });
    expect(await storedObjects()).toBe(0);
  });
});

describe('template drafts: preview and save', () => {
  it('previews an unsaved draft with sample data without creating a version, then saves it once', {
    timeout: 120_000,
  }, async () => {
    const staged = await stage(contractTemplate());
    expect(staged.statusCode, staged.body).toBe(201);
    const draft = staged.json().data;
    expect(draft.variables.map((v: { name: string }) => v.name)).toEqual([
      'contract_no',
      'party',
      'vip',
      'items',
    ]);
    const data = { contract_no: 'HT-DRAFT-7', party: 'כהן', items: [{ name: '螺栓', qty: '3' }] };
    const preview = await inject(t, 'POST', `/drafts/${draft.id}/preview`, manager, { data });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(pdfText(preview.rawPayload)).toContain('HT-DRAFT-7');
    const bad = await inject(t, 'POST', `/drafts/${draft.id}/preview`, manager, { data: { vip: 'maybe' } });
    expect([bad.statusCode, bad.json().code]).toEqual([
      400,
      documentTemplatesErrors.TEMPLATE_DATA_INVALID.api,
    ]);
    const unknownEdit = await inject(t, 'POST', `/drafts/${draft.id}/preview`, manager, {
      variables: [{ name: 'nope', label: 'x', type: 'text', required: false }],
    });
    expect(unknownEdit.statusCode).toBe(400);
    expect(await counts()).toEqual({ templates: 0, versions: 0, drafts: 1 });
    expect(
      await db()
        .selectFrom('audit_events')
        .select('id')
        .where('action', 'like', 'document-templates.%')
        .execute(),
    ).toEqual([]);

    const edits = draft.variables.map((v: { name: string }) =>
      v.name === 'party' ? { ...v, label: '对方', required: true, sample: 'ACME' } : v,
    );
    const saved = await inject(t, 'POST', `/drafts/${draft.id}/save`, manager, {
      name: '草稿合同',
      variables: edits,
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const detail = saved.json().data;
    expect(detail.template).toMatchObject({ name: '草稿合同', latest_version: 1 });
    expect(detail.version.file_name).toBe('contract.docx');
    expect(detail.version.variables.find((v: { name: string }) => v.name === 'party')).toMatchObject({
      label: '对方',
      sample: 'ACME',
    });
    expect(await counts()).toEqual({ templates: 1, versions: 1, drafts: 0 });
    const again = await inject(t, 'POST', `/drafts/${draft.id}/save`, manager, {});
    expect([again.statusCode, again.json().code]).toEqual([404, draftMissing]);
    expect(await counts()).toEqual({ templates: 1, versions: 1, drafts: 0 });
  });

  it('drafts the next version of a template and saves it with the variable diff', async () => {
    const id = await createContractTemplate(t);
    const next = docx(paragraph('{party} {amount}'));
    const draft = (await stage(next, { template_id: id })).json().data;
    expect(draft.template_id).toBe(id);
    expect((await counts()).versions).toBe(1);
    const saved = await inject(t, 'POST', `/drafts/${draft.id}/save`, manager, { note: 'v2 from draft' });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().data.version).toMatchObject({ version: 2, note: 'v2 from draft' });
    const changes = saved
      .json()
      .data.changes.map((c: { name: string; change: string }) => `${c.change}:${c.name}`);
    expect(changes.sort()).toEqual(['added:amount', 'removed:contract_no', 'removed:items', 'removed:vip']);
  });

  it('collects expired drafts and their bytes, keeping bytes a version still holds', async () => {
    const own = (await stage(docx(paragraph('{only_in_draft}')))).json().data;
    const id = await createContractTemplate(t);
    const shared = (await stage(contractTemplate(), { template_id: id })).json().data;
    expect(await storedObjects()).toBe(2);
    await db()
      .updateTable('document_template_drafts')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .execute();
    const expired = await inject(t, 'POST', `/drafts/${own.id}/preview`, manager, {});
    expect([expired.statusCode, expired.json().code]).toEqual([404, draftMissing]);
    const fresh = await stage(docx(paragraph('{fresh}')));
    expect(fresh.statusCode).toBe(201);
    const left = await db().selectFrom('document_template_drafts').select('id').execute();
    expect(left).toEqual([{ id: fresh.json().data.id }]);
    expect(left.map((d) => d.id)).not.toContain(shared.id);
    // the contract's bytes stay (version 1 holds them); the expired draft's own bytes went
    expect(await storedObjects()).toBe(2);
    const discard = await inject(t, 'DELETE', `/drafts/${fresh.json().data.id}`, manager);
    expect(discard.statusCode).toBe(200);
    expect(await storedObjects()).toBe(1);
  });
});

describe('template preview: unsaved schema edits against a saved version', () => {
  it('uses the edited samples for the preview and leaves the version unchanged', {
    timeout: 120_000,
  }, async () => {
    const id = await createContractTemplate(t);
    const before = (await inject(t, 'GET', `/${id}`, manager)).json().data.version.variables;
    const samples: Record<string, unknown> = {
      contract_no: 'HT-SCHEMA-DRAFT',
      party: 'כהן',
      items: [{ name: '螺栓', qty: '3' }],
    };
    const variables = before.map((v: { name: string }) =>
      v.name in samples ? { ...v, sample: samples[v.name] } : v,
    );
    const res = await inject(t, 'POST', `/${id}/preview`, manager, { variables });
    expect(res.statusCode, res.body).toBe(200);
    expect(pdfText(res.rawPayload)).toContain('HT-SCHEMA-DRAFT');
    expect((await inject(t, 'GET', `/${id}`, manager)).json().data.version.variables).toEqual(before);
  });
});
