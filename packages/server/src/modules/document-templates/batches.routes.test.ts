import { unzipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { scopedHeaderAuthModule } from '../../../test/documents-kit.js';
import {
  caller,
  clearTemplates,
  createContractTemplate,
  inject,
  templatePermissions,
  uploadFile,
} from '../../../test/templates-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { collectUnreferenced, referenceCount } from '../../platform/storage/storage-references.js';
import { modules } from '../index.js';
import { runBatch } from './batch-runner.js';
import { documentTemplatesDeps } from './document-templates.deps.js';
import { documentTemplatesErrors } from './document-templates.errors.js';

const anyId = '019a0000-0000-7000-8000-00000000ffff';
let t: TestApp;
let templateId: string;
const db = () => t.database.db;
const runner = caller(['doc_templates.batch.run', 'documents.document.read']);
const row = (n: number) => ({
  contract_no: `HT-${n}`,
  party: `צד ${n}`,
  items: [{ name: `物品${n}`, qty: String(n) }],
  entity_id: `C-${n}`,
  file_name: `合同-${n}`,
});
const counts = async () => ({
  batches: (await db().selectFrom('document_batches').select('id').execute()).length,
  jobs: (await db().selectFrom('jobs').select('id').execute()).length,
});
const run = (batchId: string) =>
  runBatch(documentTemplatesDeps(t.app.signx), batchId, new AbortController().signal);

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, scopedHeaderAuthModule] } });
});
afterAll(() => t?.close());
beforeEach(async () => {
  await clearTemplates(t);
  await db().deleteFrom('document_versions').execute();
  await db().deleteFrom('documents').execute();
  await db().deleteFrom('storage_objects').execute();
  templateId = await createContractTemplate(t);
});

describe('batch routes: access', () => {
  const routes = () => [
    { method: 'POST' as const, url: `/${templateId}/batches`, body: { rows: [row(1)] } },
    { method: 'POST' as const, url: `/${templateId}/batches/import`, body: {} },
    { method: 'GET' as const, url: `/batches/${anyId}` },
    { method: 'POST' as const, url: `/batches/${anyId}/cancel` },
    { method: 'GET' as const, url: `/batches/${anyId}/zip` },
    { method: 'GET' as const, url: `/batches/${anyId}/events` },
    { method: 'GET' as const, url: '/record-sources' },
    { method: 'GET' as const, url: `/record-sources/document/${anyId}` },
  ];
  it('answers 401 anonymously and 403 without doc_templates.batch.run on every batch route', async () => {
    for (const route of routes()) {
      const anonymous = await inject(t, route.method, route.url, {}, route.body);
      expect([route.url, anonymous.statusCode]).toEqual([route.url, 401]);
      const others = caller(templatePermissions.filter((p) => p !== 'doc_templates.batch.run'));
      const denied = await inject(t, route.method, route.url, others, route.body);
      expect([route.url, denied.statusCode]).toEqual([route.url, 403]);
    }
    expect(await counts()).toEqual({ batches: 0, jobs: 0 });
  });
});

describe('batch routes: JSON rows', () => {
  it('queues a batch, runs it, lists each row, files the results and serves the ZIP', async () => {
    const res = await inject(t, 'POST', `/${templateId}/batches`, runner, {
      rows: [row(1), row(2)],
      output: 'docx',
      entity_type: 'contract',
    });
    expect(res.statusCode, res.body).toBe(202);
    const batch = res.json().data;
    expect(batch).toMatchObject({ status: 'queued', total: 2, remaining: 2, has_zip: false });
    expect(batch.source).toEqual({ kind: 'json', file_name: null, entity_type: null });
    expect(await counts()).toEqual({ batches: 1, jobs: 1 });
    const early = await inject(t, 'GET', `/batches/${batch.id}/zip`, runner);
    expect(early.statusCode).toBe(404);
    await run(batch.id);
    const done = (await inject(t, 'GET', `/batches/${batch.id}`, runner)).json().data;
    expect(done).toMatchObject({ status: 'completed', done: 2, failed: 0, remaining: 0, has_zip: true });
    expect(
      done.rows.map((r: { file_name: string; entity_id: string }) => [r.file_name, r.entity_id]),
    ).toEqual([
      ['合同-1.docx', 'C-1'],
      ['合同-2.docx', 'C-2'],
    ]);
    const filed = await db()
      .selectFrom('documents')
      .select(['id', 'entity_id'])
      .orderBy('entity_id')
      .execute();
    expect(filed.map((d) => d.id)).toEqual(done.rows.map((r: { document_id: string }) => r.document_id));
    const zip = await inject(t, 'GET', `/batches/${batch.id}/zip`, runner);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(Object.keys(unzipSync(zip.rawPayload)).sort()).toEqual(['合同-1.docx', '合同-2.docx']);
    const again = await inject(t, 'POST', `/batches/${batch.id}/cancel`, runner);
    expect([again.statusCode, again.json().code]).toEqual([409, documentTemplatesErrors.BATCH_FINISHED.api]);
  });

  it('lists every bad row and field before anything runs, and stores nothing', async () => {
    const res = await inject(t, 'POST', `/${templateId}/batches`, runner, {
      rows: [row(1), { ...row(2), items: 'nope', vip: 'maybe' }, { party: 'x' }],
      entity_type: 'contract',
    });
    expect([res.statusCode, res.json().code]).toEqual([
      400,
      documentTemplatesErrors.TEMPLATE_DATA_INVALID.api,
    ]);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'rows[2].vip',
      'rows[2].items',
      'rows[3].contract_no',
      'rows[3].items',
      'rows[3].entity_id',
    ]);
    for (const body of [
      { rows: [] },
      { rows: [row(1)], output: 'exe' },
      { rows: [row(1)], entity_type: '../x' },
    ]) {
      const bad = await inject(t, 'POST', `/${templateId}/batches`, runner, body);
      expect([JSON.stringify(body), bad.statusCode]).toEqual([JSON.stringify(body), 400]);
    }
    const missing = await inject(t, 'POST', `/${anyId}/batches`, runner, { rows: [row(1)] });
    expect(missing.statusCode).toBe(404);
    expect(await counts()).toEqual({ batches: 0, jobs: 0 });
  });

  it('cancels a queued batch: its rows are cancelled, nothing is generated', async () => {
    const batch = (
      await inject(t, 'POST', `/${templateId}/batches`, runner, { rows: [row(1)], output: 'docx' })
    ).json().data;
    const cancelled = await inject(t, 'POST', `/batches/${batch.id}/cancel`, runner);
    expect(cancelled.json().data).toMatchObject({ status: 'cancelled', remaining: 0 });
    await run(batch.id);
    const after = (await inject(t, 'GET', `/batches/${batch.id}`, runner)).json().data;
    expect(after.rows.map((r: { status: string }) => r.status)).toEqual(['cancelled']);
    expect((await inject(t, 'GET', `/batches/${anyId}`, runner)).statusCode).toBe(404);
  });

  it('streams progress as Server-Sent Events, starting with the current state', async () => {
    const batch = (
      await inject(t, 'POST', `/${templateId}/batches`, runner, { rows: [row(1)], output: 'docx' })
    ).json().data;
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const abort = new AbortController();
    const res = await fetch(`${address}/api/v1/document-templates/batches/${batch.id}/events`, {
      headers: runner,
      signal: abort.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    // The stream opens with a `retry:` line, in its own chunk or not; read up to the first event.
    while (!/event: progress\n(?:[^\n]+\n)*\n/.test(text)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    expect(text).toContain('event: progress');
    // The first event is the batch's state when the stream opened: the job may already have
    // run the single row (no conversion for docx), so the counts add up whichever it is.
    const first = JSON.parse(/^data: (.*)$/m.exec(text)?.[1] ?? '{}');
    expect(first.done + first.failed + first.remaining).toBe(1);
    expect(first.status).toMatch(/^(queued|running|completed)$/);
    abort.abort();
  });
});

describe('batch routes: CSV and XLSX import', () => {
  const csv = (text: string) => ({ name: 'rows.csv', bytes: Buffer.from(text) });
  it('imports a CSV mapped by column names and queues one row per line', async () => {
    const file = csv('contract_no,party,items,file_name\nHT-9,"כהן","[{""name"":""a"",""qty"":""1""}]",x\n');
    const res = await uploadFile(t, `/${templateId}/batches/import`, runner, { output: 'docx' }, file);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().data).toMatchObject({
      total: 1,
      output: 'docx',
      source: { kind: 'csv', file_name: 'rows.csv', entity_type: null },
    });
    const shown = (await inject(t, 'GET', `/batches/${res.json().data.id}`, runner)).json().data;
    expect(shown.rows.map((r: { source_record_id: string | null }) => r.source_record_id)).toEqual([null]);
  });

  it('refuses unreadable files, bad mappings and bad rows with a clear error, storing nothing', async () => {
    const cases: { fields: Record<string, string>; file: { name: string; bytes: Buffer }; field: string }[] =
      [
        { fields: {}, file: { name: 'rows.xlsx', bytes: Buffer.from('not a workbook') }, field: 'file' },
        { fields: { mapping: '{not json' }, file: csv('contract_no\nHT-1\n'), field: 'mapping' },
        { fields: { mapping: '{"nope":"contract_no"}' }, file: csv('contract_no\nHT-1\n'), field: 'file' },
        {
          fields: { source_mapping: '[1]', source_type: 'user' },
          file: csv('source_id\nx\n'),
          field: 'source_mapping',
        },
        { fields: {}, file: csv('contract_no,items\nHT-1,[oops\n'), field: 'rows[1].items' },
      ];
    for (const { fields, file, field } of cases) {
      const res = await uploadFile(t, `/${templateId}/batches/import`, runner, fields, file);
      expect([field, res.statusCode]).toEqual([field, 400]);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await counts()).toEqual({ batches: 0, jobs: 0 });
  });
});

describe('batch runner: storage of rows that fail to file', () => {
  it('makes the bytes of a row whose filing failed collectable, and counts the kept results', async () => {
    const res = await inject(t, 'POST', `/${templateId}/batches`, runner, {
      rows: [row(31), row(32)],
      output: 'docx',
      entity_type: 'contract',
    });
    const batchId = res.json().data.id as string;
    // a batch with no user behind it cannot name an owner: every filing is refused
    await db().updateTable('document_batches').set({ created_by: null }).where('id', '=', batchId).execute();
    await run(batchId);
    const failed = (await inject(t, 'GET', `/batches/${batchId}`, runner)).json().data;
    expect(failed.rows.map((r: { status: string }) => r.status)).toEqual(['failed', 'failed']);
    expect(await db().selectFrom('documents').select('id').execute()).toEqual([]);
    const orphans = await db()
      .selectFrom('storage_objects')
      .select(['key', 'ref_count', 'released_at'])
      .execute();
    expect(orphans).toHaveLength(2);
    expect(orphans.every((o) => Number(o.ref_count) === 0 && o.released_at !== null)).toBe(true);
    const storage = t.app.signx.storage;
    expect(await storage.has(orphans[0]?.key as string)).toBe(true);
    expect(await collectUnreferenced(db(), storage, new Date(Date.now() + 60_000))).toBe(2);
    for (const orphan of orphans) expect(await storage.has(orphan.key)).toBe(false);

    const kept = (
      await inject(t, 'POST', `/${templateId}/batches`, runner, { rows: [row(33)], output: 'docx' })
    ).json().data;
    await run(kept.id);
    const [item] = await db()
      .selectFrom('document_batch_rows')
      .select('output_key')
      .where('batch_id', '=', kept.id)
      .execute();
    expect(await referenceCount(db(), item?.output_key as string)).toBe(1);
    expect(await collectUnreferenced(db(), storage, new Date(Date.now() + 60_000))).toBe(0);
    expect(await storage.has(item?.output_key as string)).toBe(true);
  });
});
