import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../../../test/documents-kit.js';
import { api, readyTemplate } from '../../../../test/signing-instances-kit.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../../test/test-principal.js';
import { modules } from '../../index.js';
import { can } from '../signing.catalogue.js';
import { bulkTopic, runBulkSend } from './bulk-send.runner.js';
import { instanceLimits, instancesDeps } from './instances.deps.js';
import { instancesErrors } from './instances.errors.js';

const sender = asUser('019a0000-0000-7000-8000-0000000000f5', Object.values(can));
let t: TestApp;
let templateId: string;
const db = () => t.database.db;
const upload = (
  bytes: Uint8Array,
  name = 'people.csv',
  fields: Record<string, string> = {},
  headers = sender,
) => {
  const body = multipartBody(fields, { name, bytes });
  return t.app.inject({
    method: 'POST',
    url: `${api}/templates/${templateId}/bulk-send`,
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
};
const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`, 'utf8');
const stored = async () => ({
  bulks: (await db().selectFrom('digital_signature_bulk_sends').select('id').execute()).length,
  rows: (await db().selectFrom('digital_signature_bulk_send_rows').select('id').execute()).length,
  jobs: (await db().selectFrom('jobs').select('id').where('name', '=', 'signing.bulk-send.run').execute())
    .length,
});
const run = (id: string) => runBulkSend(instancesDeps(t.app.signx), id, new AbortController().signal);

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
  templateId = await readyTemplate(t, sender, 'BULK');
});
afterAll(() => t.close());

describe('bulk send: validation up front', () => {
  it('lists every bad row and column and stores nothing', async () => {
    const before = await stored();
    const res = await upload(
      csv([
        'client.name,client.email,client.phone,entity_id',
        'Dana,dana@example.com,,C-1',
        ',nobody@example.com,,C-2',
        'Eli,not-an-email,,C-3',
        'Noa,,,C-4',
        'Ron,ron@example.com,call me,C/5',
      ]),
    );
    expect([res.statusCode, res.json().code]).toEqual([400, instancesErrors.BULK_ROWS_INVALID.api]);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'rows[2].client.name',
      'rows[3].client.email',
      'rows[4].client.email',
      'rows[5].client.phone',
      'rows[5].entity_id',
    ]);
    expect(await stored()).toEqual(before);
  });

  it('refuses missing columns, hostile and oversized files by content, storing nothing', async () => {
    const before = await stored();
    const code = async (bytes: Uint8Array, name?: string) => {
      const res = await upload(bytes, name);
      return [res.statusCode, res.json().code];
    };
    const fileInvalid = [400, instancesErrors.BULK_FILE_INVALID.api];
    expect(await code(csv(['name,email', 'Dana,dana@example.com']))).toEqual(fileInvalid);
    expect(await code(csv(['client.name,client.email']))).toEqual(fileInvalid);
    // an executable renamed .csv, Latin-1 text, a ZIP that is not a workbook, a ZIP bomb's declared size
    expect(await code(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), 'people.csv')).toEqual(fileInvalid);
    expect(await code(Buffer.from('client.name,client.email\nRen\xe9,r@example.com\n', 'latin1'))).toEqual(
      fileInvalid,
    );
    expect(await code(Buffer.from(zipSync({ 'a.txt': Buffer.from('hello') })), 'people.xlsx')).toEqual(
      fileInvalid,
    );
    const bomb = Buffer.from(zipSync({ 'xl/workbook.xml': Buffer.alloc(1000) }));
    const central = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(0x7fffffff, central + 24);
    const bombRes = await upload(bomb, 'people.xlsx');
    expect([bombRes.statusCode, bombRes.json().code]).toEqual(fileInvalid);
    expect(bombRes.json().message).toMatch(/unpacks to more than/);
    const huge = Buffer.alloc(instanceLimits.maxBulkBytes + 1, 'a');
    expect((await upload(huge)).statusCode).toBe(413);
    const rows = Array.from({ length: instanceLimits.maxBulkRows + 1 }, (_, i) => `P${i},p${i}@example.com`);
    expect(await code(csv(['client.name,client.email', ...rows]))).toEqual(fileInvalid);
    expect(await stored()).toEqual(before);
    // Ten uploads, the largest at the row and byte limits: slow on a loaded machine.
  }, 120_000);

  it('needs signing.request.create', async () => {
    const reader = asUser('019a0000-0000-7000-8000-0000000000f6', ['signing.request.read']);
    expect(
      (await upload(csv(['client.name,client.email', 'A,a@example.com']), 'a.csv', {}, reader)).statusCode,
    ).toBe(403);
  });
});

describe('bulk send: the job', () => {
  it('creates and sends one request per row with progress; a failed row does not stop the others', async () => {
    const res = await upload(
      csv([
        '\uFEFFclient.name,client.email,client.phone,entity_id,title',
        'דנה כהן,dana@example.com,,C-100,',
        'Eli,eli@example.com,+972 50-000-0000,,',
        '王芳,wang@example.com,,C-102,合同 102',
      ]),
      'people.csv',
      { title: 'Annual renewal', language: 'he' },
    );
    expect(res.statusCode, res.body).toBe(202);
    const bulk = res.json().data;
    expect(bulk).toMatchObject({ status: 'queued', total: 3, done: 0, failed: 0, remaining: 3 });
    const job = await db()
      .selectFrom('jobs')
      .selectAll()
      .where('name', '=', 'signing.bulk-send.run')
      .execute();
    expect(job.map((j) => JSON.parse(j.payload).bulk_send_id)).toContain(bulk.id);
    // row 2's data goes missing after validation: it fails alone, with its reason
    const rows = await db()
      .selectFrom('digital_signature_bulk_send_rows')
      .selectAll()
      .where('bulk_send_id', '=', bulk.id)
      .orderBy('row_index')
      .execute();
    await db()
      .updateTable('digital_signature_bulk_send_rows')
      .set({ data: JSON.stringify({ parties: {}, entity_id: null, title: null }) })
      .where('id', '=', rows[1]!.id)
      .execute();
    const events: { done: number; failed: number; remaining: number }[] = [];
    const stop = instancesDeps(t.app.signx).realtime.subscribe(bulkTopic(bulk.id), (data) => {
      events.push(data as (typeof events)[number]);
    });
    await run(bulk.id);
    stop();
    const view = (
      await t.app.inject({ method: 'GET', url: `${api}/bulk-sends/${bulk.id}`, headers: sender })
    ).json().data;
    expect(view).toMatchObject({ status: 'completed', total: 3, done: 2, failed: 1, remaining: 0 });
    expect(view.rows.map((r: { status: string }) => r.status)).toEqual(['done', 'failed', 'done']);
    expect(view.rows[1].error).toMatch(/No person given for role client/);
    expect(events.at(-1)).toMatchObject({ done: 2, failed: 1, remaining: 0 });
    const made = await db()
      .selectFrom('digital_signature_requests')
      .selectAll()
      .where('id', 'in', [view.rows[0].request_id, view.rows[2].request_id])
      .orderBy('created_at')
      .execute();
    expect(made.map((r) => [r.status, r.entity_id, r.language, r.template_id])).toEqual(
      expect.arrayContaining([
        ['sent', 'C-100', 'he', templateId],
        ['sent', 'C-102', 'he', templateId],
      ]),
    );
    expect(made.map((r) => r.title).sort()).toEqual(['Annual renewal — דנה כהן', '合同 102'].sort());
    const failedRow = await db()
      .selectFrom('digital_signature_requests')
      .select('id')
      .where('entity_id', 'like', `bulk-%-2`)
      .execute();
    expect(failedRow).toEqual([]);
    // a re-run (the job runs at least once) settles nothing twice
    await run(bulk.id);
    expect(
      (
        await db()
          .selectFrom('digital_signature_requests')
          .select('id')
          .where('template_id', '=', templateId)
          .execute()
      ).length,
    ).toBe(2);
    const actions = (
      await db().selectFrom('audit_events').select('action').where('entity_id', '=', bulk.id).execute()
    ).map((a) => a.action);
    expect(actions).toEqual(['signing.bulk_send.started', 'signing.bulk_send.finished']);
  });

  it('reads XLSX workbooks; a cancelled bulk send skips the rows not yet sent', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('People');
    sheet.addRow(['client.name', 'client.email']);
    for (let i = 1; i <= 4; i++) sheet.addRow([`Person ${i}`, `p${i}@example.com`]);
    const res = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'people.xlsx');
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().data.id;
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `${api}/bulk-sends/${id}/cancel`,
      headers: sender,
    });
    expect(cancelled.json().data).toMatchObject({ status: 'cancelled', remaining: 0 });
    await run(id);
    const view = (
      await t.app.inject({ method: 'GET', url: `${api}/bulk-sends/${id}`, headers: sender })
    ).json().data;
    expect(view.rows.map((r: { status: string }) => r.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    const again = await t.app.inject({
      method: 'POST',
      url: `${api}/bulk-sends/${id}/cancel`,
      headers: sender,
    });
    expect(again.json().code).toBe(instancesErrors.BULK_FINISHED.api);
    const list = (await t.app.inject({ method: 'GET', url: `${api}/bulk-sends`, headers: sender })).json()
      .data;
    expect(list.items.map((b: { id: string }) => b.id)).toContain(id);
  });
});
