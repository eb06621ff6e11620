import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotesTable, notesModule, notesTransactionHook } from '../../../test/notes-module.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

describe('HTTP conventions', () => {
  let t: TestApp;
  const countNotes = async () => {
    const rows = await t.database.db
      .selectFrom('test_notes' as never)
      .selectAll()
      .execute();
    return rows.length;
  };
  /** A note creation carrying `headers` (the idempotency tests vary only the key and title). */
  const postNote = (headers: Record<string, string>, title: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/test/notes', headers, payload: { title } });
  beforeAll(async () => {
    t = await createTestApp({ env: { BODY_LIMIT_BYTES: '2048' }, build: { modules: [notesModule] } });
    await createNotesTable(t.database.db);
  });
  afterAll(() => t.close());

  it('wraps success in the envelope and serializes only schema fields', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/notes',
      payload: { title: '合同 A' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ code: 0, message: 'success', data: { title: '合同 A' } });
    expect(typeof body.timestamp).toBe('number');
    expect(body.data.secret_column).toBeUndefined();
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('rejects unknown fields, wrong types and missing fields with field errors and stores nothing', async () => {
    const before = await countNotes();
    const cases = [
      { payload: { title: 'x', role: 'admin' }, field: 'role' },
      { payload: { title: 'x', count: '5' }, field: 'count' },
      { payload: {}, field: 'title' },
    ];
    for (const c of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/test/notes', payload: c.payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe(40001);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(c.field);
    }
    expect(await countNotes()).toBe(before);
  });

  it('answers malformed JSON with 40001 and oversized bodies with 41301', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/notes',
      headers: { 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe(40001);
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/notes',
      payload: { title: 'x'.repeat(5000) },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe(41301);
  });

  it('pages and sorts, and refuses bad page and sort values', async () => {
    for (const title of ['b', 'c', 'a'])
      await t.app.inject({ method: 'POST', url: '/api/v1/test/notes', payload: { title } });
    const res = await t.app.inject({ url: '/api/v1/test/notes?page=1&page_size=2&sort=title' });
    const page = res.json().data;
    expect(page.page_size).toBe(2);
    expect(page.total).toBe(await countNotes());
    expect(page.pages).toBe(Math.ceil(page.total / 2));
    expect(page.items.map((n: { title: string }) => n.title)).toEqual(['a', 'b']);
    for (const query of ['page=0', 'page_size=1000', 'sort=-password', 'page=abc']) {
      const bad = await t.app.inject({ url: `/api/v1/test/notes?${query}` });
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().code).toBe(40001);
    }
  });

  it('maps domain errors and hides internal ones', async () => {
    const conflict = await t.app.inject({ url: '/api/v1/test/conflict' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ code: 40901, message: 'Already signed' });
    const boom = await t.app.inject({ url: '/api/v1/test/boom' });
    expect(boom.statusCode).toBe(500);
    expect(boom.json().code).toBe(50001);
    expect(boom.body).not.toContain('hunter2');
    expect(boom.body).not.toContain('10.0.0.5');
    const missing = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe(40401);
  });

  it('turns a broken database constraint into 40901 instead of an internal error', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/test/notes/twice' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe(40901);
    expect(res.body).not.toMatch(/UNIQUE|duplicate key|test_notes/i);
  });

  it('denies protected routes to anonymous callers', async () => {
    const res = await t.app.inject({ url: '/api/v1/test/private' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe(40101);
  });

  it('replays an idempotent write and refuses a reused key with another body', async () => {
    const headers = { 'idempotency-key': 'order-7f3a-0001' };
    const first = await postNote(headers, 'once');
    const before = await countNotes();
    const again = await postNote(headers, 'once');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().data.id).toBe(first.json().data.id);
    expect(await countNotes()).toBe(before);
    const other = await postNote(headers, 'twice');
    expect(other.statusCode).toBe(409);
    expect(await countNotes()).toBe(before);
  });

  it('stores nothing for a failed idempotent request, so its retry runs afresh', async () => {
    const headers = { 'idempotency-key': 'order-7f3a-0002' };
    const before = await countNotes();
    notesTransactionHook.afterInsert = async () => {
      throw new Error('the disk is full');
    };
    const failed = await postNote(headers, 'retry me');
    notesTransactionHook.afterInsert = async () => {};
    expect(failed.statusCode).toBe(500);
    expect(await countNotes()).toBe(before);
    const stored = await t.database.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('idempotency_key', '=', 'order-7f3a-0002')
      .execute();
    expect(stored).toEqual([]);
    const retried = await postNote(headers, 'retry me');
    expect(retried.statusCode).toBe(201);
    expect(await countNotes()).toBe(before + 1);
  });

  it('answers concurrent duplicates with one write and the same reply', async () => {
    const headers = { 'idempotency-key': 'order-7f3a-0003' };
    const before = await countNotes();
    const replies = await Promise.all([postNote(headers, 'race'), postNote(headers, 'race')]);
    expect(replies.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(replies[0]?.json().data.id).toBe(replies[1]?.json().data.id);
    expect(await countNotes()).toBe(before + 1);
  });

  it('sets security headers', async () => {
    const res = await t.app.inject({ url: '/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
  });
});
