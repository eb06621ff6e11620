import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pdfBytes, postDocument, scopedHeaderAuthModule } from '../../../test/documents-kit.js';
import {
  bobId,
  caller,
  clearTemplates,
  createContractTemplate,
  inject,
} from '../../../test/templates-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { modules } from '../index.js';
import { documentTemplatesErrors } from './document-templates.errors.js';

const anyId = '019a0000-0000-7000-8000-00000000ffff';
let t: TestApp;
let templateId: string;
const db = () => t.database.db;
const runner = caller(['doc_templates.batch.run', 'documents.document.read']);
const counts = async () => ({
  batches: (await db().selectFrom('document_batches').select('id').execute()).length,
  jobs: (await db().selectFrom('jobs').select('id').execute()).length,
});

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

describe('batch routes: data from a record of another module', () => {
  async function fileDocument(title: string, owner: string) {
    const res = await postDocument(
      t,
      caller(['documents.document.upload'], { userId: owner }),
      { title, category: 'contract', entity_type: 'contract', entity_id: 'C-1', contract_number: 'HT-REC-1' },
      { name: 'c.pdf', bytes: pdfBytes(title) },
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json().data.document.id as string;
  }

  it('lists the providers the caller may read, with their fields', async () => {
    const list = (await inject(t, 'GET', '/record-sources', runner)).json().data;
    expect(list.map((p: { entity_type: string }) => p.entity_type)).toEqual(['document']);
    const both = caller(['doc_templates.batch.run', 'documents.document.read', 'identity.user.read']);
    const all = (await inject(t, 'GET', '/record-sources', both)).json().data;
    expect(all.map((p: { entity_type: string }) => p.entity_type).sort()).toEqual(['document', 'user']);
    expect(
      all
        .find((p: { entity_type: string }) => p.entity_type === 'user')
        .fields.map((f: { name: string }) => f.name),
    ).toContain('full_name');
  });

  it('reads a document’s metadata through the data scope: 404 outside it, 403 without the permission', async () => {
    const id = await fileDocument('供货合同', bobId);
    const mine = await inject(t, 'GET', `/record-sources/document/${id}`, runner);
    expect(mine.json().data.data).toMatchObject({ title: '供货合同', contract_number: 'HT-REC-1' });
    const ownOnly = caller(['doc_templates.batch.run', 'documents.document.read'], { all: false });
    expect((await inject(t, 'GET', `/record-sources/document/${id}`, ownOnly)).statusCode).toBe(404);
    const noRead = caller(['doc_templates.batch.run']);
    expect((await inject(t, 'GET', `/record-sources/document/${id}`, noRead)).statusCode).toBe(403);
    const unknown = await inject(t, 'GET', `/record-sources/project/${id}`, runner);
    expect([unknown.statusCode, unknown.json().errors[0].field]).toEqual([400, 'source.entity_type']);
  });

  it('fills a batch from documents and users: record fields by name or mapping, row values win', async () => {
    const docId = await fileDocument('HT-FROM-RECORD', bobId);
    const admin = caller(['identity.user.create']);
    const user = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: { username: 'levi', full_name: 'דנה לוי', email: 'levi@example.com' },
    });
    expect(user.statusCode, user.body).toBe(201);
    const userId = user.json().data.id ?? user.json().data.user.id;
    const res = await inject(t, 'POST', `/${templateId}/batches`, runner, {
      rows: [
        { source_id: docId, items: [] },
        { source_id: docId, contract_no: 'OVERRIDE', items: [] },
      ],
      output: 'docx',
      source: { entity_type: 'document', mapping: { contract_no: 'title', party: 'contract_number' } },
    });
    expect(res.statusCode, res.body).toBe(202);
    // The batch keeps where its data came from; each row names its record.
    const shown = (await inject(t, 'GET', `/batches/${res.json().data.id}`, runner)).json().data;
    expect(shown.source).toEqual({ kind: 'json', file_name: null, entity_type: 'document' });
    expect(shown.rows.map((r: { source_record_id: string }) => r.source_record_id)).toEqual([docId, docId]);
    const items = await db()
      .selectFrom('document_batch_rows')
      .select(['row_index', 'data'])
      .orderBy('row_index')
      .execute();
    expect(items.map((i) => JSON.parse(i.data).contract_no)).toEqual(['HT-FROM-RECORD', 'OVERRIDE']);
    expect(JSON.parse(items[0]?.data as string).party).toBe('HT-REC-1');
    const users = caller(['doc_templates.batch.run', 'identity.user.read']);
    const fromUser = await inject(t, 'POST', `/${templateId}/batches`, users, {
      rows: [{ source_id: userId, contract_no: 'U-1', items: [] }],
      output: 'docx',
      source: { entity_type: 'user', mapping: { party: 'full_name' } },
    });
    expect(fromUser.statusCode, fromUser.body).toBe(202);
    const userRow = await db()
      .selectFrom('document_batch_rows')
      .select('data')
      .where('batch_id', '=', fromUser.json().data.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(userRow.data).party).toBe('דנה לוי');
  });

  it('refuses rows whose record is missing or unreadable, and a mapping to an unknown field', async () => {
    const before = await counts();
    const res = await inject(t, 'POST', `/${templateId}/batches`, runner, {
      rows: [
        { contract_no: 'A', items: [] },
        { source_id: anyId, items: [] },
      ],
      output: 'docx',
      source: { entity_type: 'document' },
    });
    expect([res.statusCode, res.json().code]).toEqual([
      400,
      documentTemplatesErrors.TEMPLATE_DATA_INVALID.api,
    ]);
    expect(res.json().errors.filter((e: { field: string }) => e.field.endsWith('source_id'))).toHaveLength(2);
    const mapping = await inject(t, 'POST', `/${templateId}/batches`, runner, {
      rows: [{ source_id: anyId }],
      source: { entity_type: 'document', mapping: { party: 'password_hash' } },
    });
    expect([mapping.statusCode, mapping.json().errors[0].field]).toEqual([400, 'source.mapping.party']);
    const denied = await inject(t, 'POST', `/${templateId}/batches`, runner, {
      rows: [{ source_id: anyId }],
      source: { entity_type: 'user' },
    });
    expect(denied.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });
});
