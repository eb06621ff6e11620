import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, pdfBytes, scopedHeaderAuthModule } from '../../../test/documents-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser } from '../../../test/test-principal.js';
import { platformErrors } from '../../platform/errors.js';
import { modules } from '../index.js';
import { can } from './documents.catalogue.js';

// Annex 11 §9: changing or deleting a regulated record (a document whose category says so)
// needs a reason, recorded in the audit event; without one the data stay as they were.
const aliceId = '019a0000-0000-7000-8000-0000000000a2';
const admin = { ...asUser(aliceId, Object.values(can)), 'x-test-scope': 'all' };

let t: TestApp;
const db = () => t.database.db;
const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1/documents${url}`, headers: admin, ...(payload ? { payload } : {}) });
async function upload(category: string) {
  const body = multipartBody(
    { category, entity_type: 'batch', entity_id: 'B-7', contract_number: 'B-7' },
    { name: `${category}.pdf`, bytes: pdfBytes(category) },
  );
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/documents',
    headers: { ...admin, ...body.headers },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data.document.id as string;
}
const eventsOf = (id: string) =>
  db()
    .selectFrom('audit_events')
    .select(['action', 'reason'])
    .where('entity_id', '=', id)
    .where('action', 'in', ['documents.document.metadata_changed', 'documents.document.trashed'])
    .orderBy('seq')
    .execute();

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, scopedHeaderAuthModule] } });
  await db().updateTable('document_retention_policies').set({ keep_years: 0, worm: 0 }).execute();
});
afterAll(() => t.close());

describe('regulated documents (Annex 11 §9)', () => {
  it('a category setting makes its documents regulated; the setting is audited and listed', async () => {
    const set = await api('PUT', '/retention-policies/technical', {
      keep_years: 0,
      worm: false,
      reason_required: true,
      note: 'GMP documents',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().data.reason_required).toBe(true);
    const listed = (await api('GET', '/retention-policies')).json().data as {
      category: string;
      reason_required: boolean;
    }[];
    expect(listed.filter((p) => p.reason_required).map((p) => p.category)).toEqual(['technical']);
    // Absent leaves it as it is.
    await api('PUT', '/retention-policies/technical', { keep_years: 1, worm: false });
    const after = (await api('GET', '/retention-policies')).json().data as typeof listed;
    expect(after.find((p) => p.category === 'technical')?.reason_required).toBe(true);
  });

  it('refuses a change or trashing of a regulated document without a reason, and changes nothing', async () => {
    const id = await upload('technical');
    const patch = await api('PATCH', `/${id}`, { title: 'Renamed' });
    expect([patch.statusCode, patch.json().code]).toEqual([400, platformErrors.CHANGE_REASON_REQUIRED.api]);
    expect(patch.json().errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const blank = await api('PATCH', `/${id}`, { title: 'Renamed', reason: '  ' });
    expect(blank.statusCode).toBe(400);
    const trash = await api('POST', `/${id}/trash`);
    expect([trash.statusCode, trash.json().code]).toEqual([400, platformErrors.CHANGE_REASON_REQUIRED.api]);
    const row = await db()
      .selectFrom('documents')
      .select(['title', 'state'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ title: 'technical.pdf', state: 'active' });
    expect(await eventsOf(id)).toEqual([]);
  });

  it('records the reason of a change and of a trashing in the audit event', async () => {
    const id = await upload('technical');
    const patch = await api('PATCH', `/${id}`, {
      title: 'SOP-12 rev B',
      reason: 'Deviation DV-3: wrong title',
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json().data.title).toBe('SOP-12 rev B');
    const trash = await api('POST', `/${id}/trash?reason=${encodeURIComponent('Superseded by SOP-13')}`);
    expect(trash.json().data.state).toBe('trashed');
    expect(await eventsOf(id)).toEqual([
      { action: 'documents.document.metadata_changed', reason: 'Deviation DV-3: wrong title' },
      { action: 'documents.document.trashed', reason: 'Superseded by SOP-13' },
    ]);
  });

  it('asks nothing for a document of a category that is not regulated', async () => {
    const id = await upload('other');
    expect((await api('PATCH', `/${id}`, { title: 'Free' })).statusCode).toBe(200);
    expect((await api('POST', `/${id}/trash`)).json().data.state).toBe('trashed');
    expect(await eventsOf(id)).toEqual([
      { action: 'documents.document.metadata_changed', reason: null },
      { action: 'documents.document.trashed', reason: null },
    ]);
  });
});
