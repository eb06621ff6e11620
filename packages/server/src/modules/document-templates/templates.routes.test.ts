import { execFileSync } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { scopedHeaderAuthModule, zipBytes } from '../../../test/documents-kit.js';
import { docx, paragraph } from '../../../test/office-files.js';
import {
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
let t: TestApp;
const db = () => t.database.db;
const manager = caller(templatePermissions);
const storedObjects = async () =>
  (
    await readdir(join(t.dataDir, 'storage'), { recursive: true, withFileTypes: true }).catch(() => [])
  ).filter((e) => e.isFile() && !e.parentPath.includes('.tmp')).length;

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

// Every template route, with the permission it needs (the record-source routes are in the batch suite).
const routes: { method: 'GET' | 'POST' | 'PUT'; url: string; permission: string; body?: object }[] = [
  { method: 'GET', url: '', permission: 'doc_templates.template.read' },
  { method: 'POST', url: '', permission: 'doc_templates.template.manage' },
  { method: 'GET', url: `/${anyId}`, permission: 'doc_templates.template.read' },
  { method: 'GET', url: `/${anyId}/versions`, permission: 'doc_templates.template.read' },
  { method: 'POST', url: `/${anyId}/versions`, permission: 'doc_templates.template.manage' },
  { method: 'GET', url: `/${anyId}/versions/2/diff`, permission: 'doc_templates.template.read' },
  {
    method: 'PUT',
    url: `/${anyId}/versions/1/variables`,
    permission: 'doc_templates.template.manage',
    body: { variables: [] },
  },
  { method: 'POST', url: `/${anyId}/preview`, permission: 'doc_templates.batch.run', body: {} },
];

describe('template routes: access', () => {
  it('answers 401 to an anonymous caller on every route', async () => {
    for (const route of routes) {
      const res = await inject(t, route.method, route.url, {}, route.body);
      expect([route.url, res.statusCode, res.json().code]).toEqual([route.url, 401, 40101]);
    }
  });

  it('answers 403 to a caller holding every permission but the route’s own', async () => {
    for (const route of routes) {
      const others = templatePermissions.filter((p) => p !== route.permission);
      const res = await inject(t, route.method, route.url, caller(others), route.body);
      expect([route.method, route.url, res.statusCode]).toEqual([route.method, route.url, 403]);
    }
    expect(await db().selectFrom('document_templates').select('id').execute()).toEqual([]);
  });
});

describe('template routes: upload and versions', () => {
  it('uploads a template, lists its typed variables, records the audit event and pages the list', async () => {
    const id = await createContractTemplate(t);
    const detail = (await inject(t, 'GET', `/${id}`, manager)).json().data;
    expect(detail.template).toMatchObject({ name: '采购合同', latest_version: 1 });
    expect(detail.version.variables.map((v: { name: string; type: string }) => [v.name, v.type])).toEqual([
      ['contract_no', 'text'],
      ['party', 'text'],
      ['vip', 'boolean'],
      ['items', 'list'],
    ]);
    const events = await db()
      .selectFrom('audit_events')
      .select('entity_id')
      .where('action', '=', 'document-templates.template.created')
      .execute();
    expect(events).toEqual([{ entity_id: id }]);
    await createContractTemplate(t, 'second');
    const page = (await inject(t, 'GET', '?page=1&page_size=1&sort=name', manager)).json().data;
    expect([page.total, page.items.map((i: { name: string }) => i.name)]).toEqual([2, ['second']]);
  });

  it('refuses bad uploads with a clear error and stores nothing', async () => {
    const bad = [
      { file: { name: 'broken.docx', bytes: docx(paragraph('{unclosed')) }, status: 400, code: 40051 },
      { file: { name: 'empty.docx', bytes: Buffer.alloc(0) }, status: 400, code: 40001 },
      {
        file: {
          name: 'bomb.docx',
          bytes: zipBytes({ 'word/document.xml': 'x'.repeat(1000) }, 300 * 1048576),
        },
        status: 400,
        code: 40051,
      },
      { file: undefined, status: 400, code: 40001 },
    ];
    for (const { file, status, code } of bad) {
      const res = await uploadFile(t, '', manager, { name: 'bad' }, file);
      expect([file?.name, res.statusCode, res.json().code]).toEqual([file?.name, status, code]);
      expect(res.json().message).not.toBe('');
    }
    const broken = await uploadFile(t, '', manager, { name: 'bad' }, bad[0]?.file);
    expect(broken.json().errors.length).toBeGreaterThan(0);
    const unknownField = await uploadFile(t, '', manager, { name: 'x', owner: 'me' }, bad[0]?.file);
    expect(unknownField.json().errors).toEqual([{ field: 'owner', message: 'is not an allowed field' }]);
    const json = await inject(t, 'POST', '', manager, { name: 'x' });
    expect(json.statusCode).toBe(415);
    expect(await db().selectFrom('document_templates').select('id').execute()).toEqual([]);
    expect(await storedObjects()).toBe(0);
  });

  it('refuses a second template of the same name (409), keeping the first', async () => {
    const id = await createContractTemplate(t, 'dup');
    const again = await uploadFile(
      t,
      '',
      manager,
      { name: 'dup' },
      { name: 'c.docx', bytes: contractTemplate() },
    );
    expect([again.statusCode, again.json().code]).toEqual([
      409,
      documentTemplatesErrors.TEMPLATE_NAME_TAKEN.api,
    ]);
    expect(await db().selectFrom('document_templates').select('id').execute()).toEqual([{ id }]);
  });

  it('keeps schema edits across versions and answers the variable diff', async () => {
    const id = await createContractTemplate(t);
    const v1 = (await inject(t, 'GET', `/${id}`, manager)).json().data.version;
    const edited = v1.variables.map((v: { name: string }) =>
      v.name === 'party' ? { ...v, label: '对方', required: true, sample: 'ACME' } : v,
    );
    const put = await inject(t, 'PUT', `/${id}/versions/1/variables`, manager, { variables: edited });
    expect(put.statusCode, put.body).toBe(200);
    const next = docx(paragraph('{party} {amount}') + paragraph('{#vip}VIP{/vip}'));
    const added = await uploadFile(
      t,
      `/${id}/versions`,
      manager,
      { note: 'v2' },
      { name: 'v2.docx', bytes: next },
    );
    expect(added.statusCode, added.body).toBe(201);
    const changes = added
      .json()
      .data.changes.map((c: { name: string; change: string }) => `${c.change}:${c.name}`);
    expect(changes.sort()).toEqual(['added:amount', 'removed:contract_no', 'removed:items']);
    const party = added.json().data.version.variables.find((v: { name: string }) => v.name === 'party');
    expect(party).toMatchObject({ label: '对方', required: true, sample: 'ACME' });
    const diff = (await inject(t, 'GET', `/${id}/versions/2/diff`, manager)).json().data;
    expect(diff).toHaveLength(3);
    expect((await inject(t, 'GET', `/${id}/versions/1/diff`, manager)).json().data).toEqual([]);
    const versions = (await inject(t, 'GET', `/${id}/versions`, manager)).json().data;
    expect(versions.map((v: { version: number; note: string | null }) => [v.version, v.note])).toEqual([
      [2, 'v2'],
      [1, null],
    ]);
  });

  it('refuses a schema edit naming a variable the DOCX lacks, or a bad type, and changes nothing', async () => {
    const id = await createContractTemplate(t);
    const before = (await inject(t, 'GET', `/${id}`, manager)).json().data.version.variables;
    const unknown = await inject(t, 'PUT', `/${id}/versions/1/variables`, manager, {
      variables: [{ name: 'nope', label: 'x', type: 'text', required: false }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.length).toBeGreaterThan(0);
    const badType = await inject(t, 'PUT', `/${id}/versions/1/variables`, manager, {
      variables: [{ name: 'party', label: 'x', type: 'script', required: false }],
    });
    expect([badType.statusCode, badType.json().code]).toEqual([400, 40001]);
    expect((await inject(t, 'GET', `/${id}`, manager)).json().data.version.variables).toEqual(before);
    const missing = await inject(t, 'PUT', `/${anyId}/versions/1/variables`, manager, { variables: [] });
    expect(missing.statusCode).toBe(404);
  });

  it('answers 404 for a template or version that does not exist, and 400 for a malformed id', async () => {
    expect((await inject(t, 'GET', `/${anyId}`, manager)).statusCode).toBe(404);
    const id = await createContractTemplate(t);
    expect((await inject(t, 'GET', `/${id}/versions/9/diff`, manager)).statusCode).toBe(404);
    expect((await inject(t, 'GET', '/not-a-uuid/versions', manager)).statusCode).toBe(400);
  });
});

describe('template routes: preview', () => {
  it('renders the sample preview as a PDF, and refuses bad data with each field listed', {
    timeout: 120_000,
  }, async () => {
    const id = await createContractTemplate(t);
    const data = { contract_no: 'HT-PREVIEW-1', party: 'כהן', items: [{ name: '螺栓', qty: '3' }] };
    const res = await inject(t, 'POST', `/${id}/preview`, manager, { data });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = execFileSync('pdftotext', ['-', '-'], { input: res.rawPayload }).toString();
    expect(text).toContain('HT-PREVIEW-1');
    const bad = await inject(t, 'POST', `/${id}/preview`, manager, { data: { items: 'x', vip: 'maybe' } });
    expect([bad.statusCode, bad.json().code]).toEqual([
      400,
      documentTemplatesErrors.TEMPLATE_DATA_INVALID.api,
    ]);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'rows[1].contract_no',
      'rows[1].party',
      'rows[1].vip',
      'rows[1].items',
    ]);
    const extra = await inject(t, 'POST', `/${id}/preview`, manager, { data: {}, script: 'x' });
    expect(extra.statusCode).toBe(400);
  });
});
