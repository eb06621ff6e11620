import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../test/test-principal.js';
import { modules } from '../index.js';
import { can } from './example.catalogue.js';
import { exampleErrors } from './example.errors.js';
import { up } from './example.migration.js';
import { exampleModule } from './index.js';

const ownerId = '019a0000-0000-7000-8000-0000000000a1';
const reviewerId = '019a0000-0000-7000-8000-0000000000b2';
const owner = asUser(ownerId, [can['example.widget.read'], can['example.widget.create']]);
const reviewer = asUser(reviewerId, [can['example.widget.read'], can['example.widget.review']]);

let t: TestApp;
const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url: `/api/v1/example/widgets${url}`, headers, ...(payload ? { payload } : {}) });
const widgets = () => t.database.db.selectFrom('example_widgets').selectAll().orderBy('created_at').execute();
const auditRows = () =>
  t.database.db
    .selectFrom('audit_events')
    .select(['action', 'actor_id', 'ip', 'request_id', 'entity_id'])
    .where('action', 'like', 'example.%')
    .orderBy('seq')
    .execute();

// Mounted beside every real module, so the catalogue clash check and the OpenAPI document
// see them all; identity is replaced by the header authenticator (test/test-principal.ts).
beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, exampleModule, headerAuthModule] } });
  await up(t.database.db);
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.database.db.deleteFrom('example_widgets').execute();
});

describe('widget routes', () => {
  it('creates a draft (201), stores it with an audit event carrying the request, and replays a retry', async () => {
    const headers = { ...owner, 'idempotency-key': 'create-1' };
    const created = await inject('POST', '', headers, { name: 'Supply contract' });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      code: 0,
      data: { name: 'Supply contract', state: 'draft', allowed_events: ['submit'] },
    });
    const replay = await inject('POST', '', headers, { name: 'Supply contract' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().data.id).toBe(body.data.id);
    expect((await widgets()).map((w) => [w.id, w.owner_id])).toEqual([[body.data.id, ownerId]]);
    const [event] = (await auditRows()).filter((e) => e.entity_id === body.data.id);
    expect(event).toMatchObject({ action: 'example.widget.created', actor_id: ownerId, ip: '127.0.0.1' });
    expect(event?.request_id).toBeTruthy();
  });

  it('refuses anonymous (401), unpermitted (403) and invalid (400) requests, storing nothing', async () => {
    expect((await inject('POST', '', {}, { name: 'x' })).statusCode).toBe(401);
    expect((await inject('POST', '', reviewer, { name: 'x' })).json().code).toBe(40301);
    const invalid = await inject('POST', '', owner, { name: '', colour: 'red' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.length).toBeGreaterThan(0);
    expect(await widgets()).toEqual([]);
  });

  it('answers domain errors with their own codes and changes nothing', async () => {
    const { id } = (await inject('POST', '', owner, { name: 'Offer' })).json().data;
    const taken = await inject('POST', '', owner, { name: 'Offer' });
    expect([taken.statusCode, taken.json().code]).toEqual([409, exampleErrors.WIDGET_NAME_TAKEN.api]);
    const early = await inject('POST', `/${id}/events`, reviewer, { event: 'approve' });
    expect([early.statusCode, early.json().code]).toEqual([409, 40902]);
    expect(early.json().details).toMatchObject({ state: 'draft', event: 'approve', allowed: ['submit'] });
    const hidden = await inject('GET', `/${id}`, asUser(reviewerId, [can['example.widget.read']]));
    expect(hidden.statusCode).toBe(404);
    expect((await widgets()).map((w) => w.state)).toEqual(['draft']);
  });

  it('takes a widget through review and queues the owner notification', async () => {
    const { id } = (await inject('POST', '', owner, { name: 'Acceptance record' })).json().data;
    expect((await inject('POST', `/${id}/events`, owner, { event: 'submit' })).json().data.state).toBe(
      'submitted',
    );
    const seen = (await inject('GET', `/${id}`, reviewer)).json().data;
    expect(seen.allowed_events).toEqual(['approve', 'reject']);
    const approved = await inject('POST', `/${id}/events`, reviewer, { event: 'approve', note: 'fine' });
    expect(approved.json().data).toMatchObject({
      state: 'approved',
      reviewer_id: reviewerId,
      allowed_events: [],
    });
    const [stored] = await widgets();
    expect(stored).toMatchObject({ state: 'approved', decision_note: 'fine', reviewer_id: reviewerId });
    const job = await t.database.db
      .selectFrom('jobs')
      .select(['name', 'state'])
      .where('payload', 'like', `%${id}%`)
      .execute();
    expect(job).toEqual([{ name: 'example.widget.notify-owner', state: 'queued' }]);
    expect((await auditRows()).filter((e) => e.entity_id === id).map((e) => e.action)).toEqual([
      'example.widget.created',
      'example.widget.submitted',
      'example.widget.approved',
    ]);
    const list = (await inject('GET', '?state=approved', owner)).json().data;
    expect(list.items.map((w: { id: string }) => w.id)).toEqual([id]);
  });

  it('documents its tag, permissions, domain errors and audit events in OpenAPI', async () => {
    const doc = (await t.app.inject({ url: '/api/schema' })).json();
    expect((await new Validator().validate(doc)).valid).toBe(true);
    expect(doc.tags).toContainEqual({
      name: 'example',
      description: expect.stringContaining('Widgets:'),
    });
    const transition = doc.paths['/api/v1/example/widgets/{id}/events'].post;
    expect(transition.tags).toEqual(['example']);
    expect(Object.keys(transition.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409']);
    expect(transition['x-signx-errors'].map((e: { code: number }) => e.code)).toEqual([
      40902,
      exampleErrors.WIDGET_SELF_REVIEW.api,
    ]);
    expect(transition.description).toContain(
      'Requires permission `example.widget.read` (List and view own widgets)',
    );
    expect(doc.info.description).toContain(
      `| ${exampleErrors.WIDGET_NAME_TAKEN.api} | 409 | WIDGET_NAME_TAKEN | example |`,
    );
    expect(doc['x-signx-error-codes']).toContainEqual(
      expect.objectContaining({ code: 40902, module: 'platform' }),
    );
    expect(doc['x-signx-permissions']).toContainEqual(
      expect.objectContaining({ code: 'example.widget.read', dataScoped: true }),
    );
    expect(doc['x-signx-audit-events'].map((e: { type: string }) => e.type)).toContain(
      'example.widget.approved',
    );
  });
});
