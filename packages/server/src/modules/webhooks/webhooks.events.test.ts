import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { multipartBody, pdfBytes } from '../../../test/documents-kit.js';
import {
  bearer,
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  login,
  runtimeOf,
  tokenFor,
} from '../../../test/identity-fixtures.js';
import { userActor } from '../../../test/test-principal.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { removeOwnTotp } from '../identity/mfa/own-factors.service.js';
import { createEndpoint } from './endpoints.service.js';
import { can } from './webhooks.catalogue.js';
import { webhooksDeps } from './webhooks.deps.js';

// The events other modules emit arrive, signed, at a loopback receiver after the change commits.
interface Received {
  type: string;
  resource: string;
  data: Record<string, unknown>;
}
let t: IdentityTestApp;
let server: Server;
let received: Received[];

beforeEach(async () => {
  received = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const parsed = JSON.parse(body);
      received.push({ type: parsed.type, resource: parsed.resource_id ?? parsed.data.id, data: parsed.data });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t = await createIdentityTestApp({ OUTBOUND_ALLOW_LIST: '127.0.0.1/32', LOCKOUT_THRESHOLD: '3' });
});
afterEach(async () => {
  await t.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function subscribe(types: string[]) {
  const admin = await createAdmin(t.app);
  const deps = webhooksDeps(t.app.signx);
  const owner = userActor(admin.id, [can['webhooks.endpoint.manage']]);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  await inTransaction(t.app.signx.db, (trx) => createEndpoint(trx, deps, owner, { url, event_types: types }));
  return bearer(await tokenFor(t.app, 'root'));
}
const arrived = async () => {
  await t.app.signx.jobs.drain();
  return received.map((r) => r.type);
};

describe('events other modules emit', () => {
  it('delivers identity user and security events: created, roles changed, locked out, MFA removed, disabled', async () => {
    const auth = await subscribe([
      'identity.user.created',
      'identity.user.roles_changed',
      'identity.user.locked_out',
      'identity.mfa.unbound',
      'identity.user.disabled',
    ]);
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: auth,
      payload: { username: 'erin', full_name: 'Erin', email: 'erin@example.test' },
    });
    expect(made.statusCode).toBe(201);
    const id = made.json().data.id as string;
    const roles = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/users/${id}/roles`,
      headers: auth,
      payload: { roles: ['auditor'] },
    });
    expect(roles.statusCode).toBe(200);
    const mallory = await createUserWith(t.app, { username: 'mallory' });
    for (let i = 0; i < 3; i++)
      expect((await login(t.app, 'mallory', 'wrong-password-1')).statusCode).toBe(401);
    await inTransaction(t.app.signx.db, (trx) =>
      removeOwnTotp(trx, runtimeOf(t.app), userActor(mallory.id, []), mallory),
    );
    const disabled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${id}/disable`,
      headers: auth,
      payload: { reason: 'left the company' },
    });
    expect(disabled.statusCode).toBe(200);
    // Ordered per resource (erin's events in commit order); resources interleave freely.
    expect((await arrived()).sort()).toEqual([
      'identity.mfa.unbound',
      'identity.user.created',
      'identity.user.disabled',
      'identity.user.locked_out',
      'identity.user.roles_changed',
    ]);
    const of = (type: string) => received.find((r) => r.type === type)?.data;
    expect(received.filter((r) => r.data.id === id).map((r) => r.type)).toEqual([
      'identity.user.created',
      'identity.user.roles_changed',
      'identity.user.disabled',
    ]);
    expect(of('identity.user.roles_changed')).toMatchObject({ id, roles: ['auditor'], previous_roles: [] });
    expect(of('identity.user.locked_out')).toMatchObject({
      id: mallory.id,
      locked_until: expect.any(String),
    });
    expect(of('identity.mfa.unbound')).toMatchObject({ id: mallory.id, username: 'mallory' });
    expect(of('identity.user.disabled')).toMatchObject({ id, status: 'disabled' });
    expect(JSON.stringify(received)).not.toContain('password_hash');
  });

  it('delivers documents.version.created for the first version and each new one', async () => {
    const auth = await subscribe(['documents.version.created']);
    const fields = { category: 'contract', entity_type: 'contract', entity_id: 'C-1', title: 'Supply' };
    const first = multipartBody(fields, { name: 'a.pdf', bytes: pdfBytes('one') });
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      headers: { ...auth, ...first.headers },
      payload: first.payload,
    });
    expect(filed.statusCode).toBe(201);
    const documentId = filed.json().data.document.id as string;
    const next = multipartBody({}, { name: 'b.pdf', bytes: pdfBytes('two') });
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/documents/${documentId}/versions`,
      headers: { ...auth, ...next.headers },
      payload: next.payload,
    });
    expect(added.statusCode).toBe(201);
    expect(await arrived()).toEqual(['documents.version.created', 'documents.version.created']);
    expect(received.map((r) => r.data.version)).toEqual([1, 2]);
    expect(received[1]?.data).toMatchObject({ document_id: documentId, file_name: 'b.pdf', title: 'Supply' });
  });

  it('emits nothing when the change is refused (bad input leaves no event behind)', async () => {
    const auth = await subscribe(['identity.user.created']);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: auth,
      payload: { username: 'root', full_name: 'Dup', email: 'dup@example.test' },
    });
    expect(bad.statusCode).toBe(409);
    expect(await arrived()).toEqual([]);
    expect(await t.app.signx.db.selectFrom('webhook_events').select('id').execute()).toEqual([]);
  });
});
