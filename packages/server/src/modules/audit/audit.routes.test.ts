import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disableAuditGuards } from '../../../test/audit-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { inTransaction } from '../../platform/db/transaction.js';
import type { Principal } from '../../platform/http/access.js';
import { type AuditActor, audit } from './index.js';
import { type AuditBundle, verifyBundle } from './proofs/bundle.js';

const allPermissions = ['audit.event.read', 'audit.export', 'audit.verify'];
let t: TestApp;

function principal(permissions: string[]): Principal {
  return {
    kind: 'user',
    id: 'u-auditor',
    userId: 'u-auditor',
    username: 'auditor',
    permissions: new Set(permissions),
    sessionId: null,
    authMethod: 'password',
  };
}

beforeAll(async () => {
  t = await createTestApp({
    authenticator: async (request) => {
      const header = request.headers['x-test-perms'];
      return principal(typeof header === 'string' ? header.split(',').filter(Boolean) : allPermissions);
    },
  });
  const alice: AuditActor = {
    type: 'user',
    id: 'u-alice',
    name: 'alice',
    ip: '10.1.1.1',
    authMethod: 'password',
  };
  const bob: AuditActor = {
    type: 'api_key',
    id: 'k-bob',
    name: 'bob-key',
    ip: '10.2.2.2',
    authMethod: 'api_key',
  };
  for (let i = 0; i < 5; i += 1) {
    await inTransaction(t.app.signx.db, (trx) =>
      audit.record(trx, {
        action: i % 2 === 0 ? 'test.doc.created' : 'test.doc.signed',
        actor: i < 3 ? alice : bob,
        entityType: 'doc',
        entityId: i === 4 ? '=cmd|calc!A0' : `d${i}`,
        after: { title: i === 4 ? '=HYPERLINK("x")' : `Doc ${i}` },
        meaning: i % 2 === 1 ? 'approval' : null,
      }),
    );
  }
});
afterAll(async () => {
  await t.close();
});

const get = (url: string, perms?: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1${url}`,
    headers: perms === undefined ? {} : { 'x-test-perms': perms },
  });

describe('audit API', () => {
  it('queries with filters and pagination', async () => {
    const all = (await get('/audit/events?page_size=2&sort=seq')).json();
    expect(all.data).toMatchObject({ total: 5, pages: 3, page_size: 2 });
    expect(all.data.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
    expect(all.data.items[0]).toMatchObject({
      actor: { name: 'alice', ip: '10.1.1.1' },
      action: 'test.doc.created',
      chain: 'main',
    });
    const filtered = async (query: string) => (await get(`/audit/events?${query}`)).json().data.total;
    expect(await filtered('actor=bob-key')).toBe(2);
    expect(await filtered('actor=u-alice')).toBe(3);
    expect(await filtered('action=test.doc.signed')).toBe(2);
    expect(await filtered('action=test.*')).toBe(5);
    expect(await filtered('entity_type=doc&entity_id=d3')).toBe(1);
    expect(await filtered('ip=10.2.2.2')).toBe(2);
    expect(await filtered(`from=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`)).toBe(5);
    expect(await filtered(`to=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`)).toBe(0);
  });

  it('refuses bad filters and missing permissions, and changes nothing', async () => {
    expect((await get('/audit/events?from=yesterday')).statusCode).toBe(400);
    expect((await get('/audit/events?color=red')).statusCode).toBe(400);
    expect((await get('/audit/events', 'audit.export')).statusCode).toBe(403);
    expect((await get('/audit/export.csv', 'audit.event.read')).statusCode).toBe(403);
    const verify = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audit/verify',
      headers: { 'x-test-perms': 'audit.event.read' },
    });
    expect(verify.statusCode).toBe(403);
    expect((await get('/audit/events?action=audit.verify.run')).json().data.total).toBe(0);
  });

  it('verifies the log, records who did, and audits the request itself', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audit/verify',
      headers: { 'user-agent': 'vitest' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toMatchObject({
      is_valid: true,
      chains: [{ chain: 'main', broken: null }, { chain: 'http' }],
    });
    await t.app.flushRequestAudit();
    const verified = (await get('/audit/events?action=audit.verify.run')).json().data.items;
    expect(verified[0]).toMatchObject({
      actor: { name: 'auditor', type: 'user', auth_method: 'password' },
      result: 'success',
    });
    const http = (await get('/audit/events?chain=http&sort=seq')).json().data.items;
    const ok = http.find((e: { details: { status: number } }) => e.details.status === 200);
    // Refused reads are audited too (a 403 GET comes earlier); this one is the refused POST.
    const refused = http.find(
      (e: { details: { status: number; method: string } }) =>
        e.details.status === 403 && e.details.method === 'POST',
    );
    expect(ok).toMatchObject({
      entity_id: 'POST /api/v1/audit/verify',
      actor: { name: 'auditor', user_agent: 'vitest' },
      result: 'success',
    });
    expect(typeof ok.details.duration_ms).toBe('number');
    expect(refused).toMatchObject({
      result: 'failure',
      details: { method: 'POST', path: '/api/v1/audit/verify' },
    });
  });

  it('exports CSV with formula cells neutralised', async () => {
    const response = await get('/audit/export.csv?action=test.*');
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    const lines = response.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^seq,occurred_at,actor_type/);
    expect(lines).toHaveLength(6);
    expect(lines[5]).toContain(",'=cmd|calc!A0,");
    expect(response.body).not.toContain(',=cmd');
    expect((await get('/audit/events?action=audit.export.csv')).json().data.total).toBe(1);
  });

  it('exports a PDF compliance report', async () => {
    const response = await get('/audit/report.pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await PDFDocument.load(response.rawPayload);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getTitle()).toBe('SignX audit compliance report');
  });

  it('exports an evidence bundle that verifies offline, and a proof for one event', async () => {
    const bundle = (await get('/audit/bundle?action=test.*')).json() as AuditBundle;
    expect(bundle.events).toHaveLength(5);
    expect(verifyBundle(bundle)).toMatchObject({ isValid: true, eventsVerified: 5 });
    const tampered = structuredClone(bundle);
    (tampered.events[1] as { entity_id: string }).entity_id = 'other';
    expect(verifyBundle(tampered).problems[0]).toMatch(/event 2 .*altered/);
    const first = bundle.events[0] as AuditBundle['events'][number];
    const proof = (await get(`/audit/events/${first.id}/proof`)).json().data as AuditBundle;
    expect(proof.events.map((e) => e.id)).toEqual([first.id]);
    expect(verifyBundle(proof).isValid).toBe(true);
    expect((await get('/audit/events/0190a0a0-0000-7000-8000-000000000000/proof')).statusCode).toBe(404);
  });

  it('reports a tampered log and refuses to issue proofs for it (last: it breaks the chain)', async () => {
    await disableAuditGuards(t.app.signx.db);
    await t.app.signx.db
      .updateTable('audit_events')
      .set({ entity_id: 'd9' })
      .where('chain', '=', 'main')
      .where('seq', '=', 2)
      .execute();
    const verify = await t.app.inject({ method: 'POST', url: '/api/v1/audit/verify' });
    expect(verify.json().data.is_valid).toBe(false);
    expect(verify.json().data.chains[0].broken).toMatchObject({
      seq: 2,
      problem: expect.stringMatching(/altered/),
    });
    const bundle = await get('/audit/bundle');
    expect(bundle.statusCode).toBe(409);
    expect(bundle.json().message).toMatch(/does not verify/);
  });
});
