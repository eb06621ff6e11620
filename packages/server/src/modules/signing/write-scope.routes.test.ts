import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngDataUrl } from '../../../test/signing-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../test/test-principal.js';
import { modules } from '../index.js';

/**
 * Data scope on routes that name a request or signature by id (reads and writes). The attack:
 * a user who holds every signing permission but may not read this request (not its owner, not a
 * party, no read_all) probes and changes it by id. Each answer must equal the one for a missing
 * id, and nothing may change.
 */
const ownerId = '019a0000-0000-7000-8000-0000000000b1';
const partyId = '019a0000-0000-7000-8000-0000000000b2';
const strangerId = '019a0000-0000-7000-8000-0000000000b3';
const writer = [
  'signing.request.read',
  'signing.request.create',
  'signing.request.cancel',
  'signing.signature.revoke',
];
const owner = asUser(ownerId, writer);
const party = asUser(partyId, ['signing.request.read']);
const stranger = asUser(strangerId, writer);
const missing = '019a0000-0000-7000-8000-00000000dead';
const api = '/api/v1/digital-signature';
let t: TestApp;
let requestId: string;
let signatureId: string;
let nextSignerId: string;

const call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url: `${api}${url}`, headers, ...(payload ? { payload } : {}) });

async function snapshot() {
  const db = t.database.db;
  return {
    request: await db
      .selectFrom('digital_signature_requests')
      .selectAll()
      .where('id', '=', requestId)
      .execute(),
    signers: await db
      .selectFrom('digital_signature_signers')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('id')
      .execute(),
    signatures: await db.selectFrom('digital_signatures').selectAll().orderBy('id').execute(),
    access: await db.selectFrom('digital_signature_request_access').selectAll().execute(),
    sessions: await db.selectFrom('digital_signature_in_person_sessions').selectAll().execute(),
  };
}

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
  const created = await call('POST', '/requests', owner, {
    entity_type: 'invoice',
    entity_id: 'WSCOPE-1',
    title: 'Write scope',
    signers: [
      { signer_name: 'First', signer_email: 'first@example.com', signing_order: 1 },
      { signer_name: 'Second', signer_email: 'second@example.com', signing_order: 2 },
      { signer_name: 'Colleague', user_id: partyId, signer_type: 'company', signing_order: 3 },
    ],
  });
  expect(created.statusCode).toBe(201);
  requestId = created.json().data.id;
  const sent = await call('POST', `/requests/${requestId}/send`, owner);
  expect(sent.statusCode).toBe(200);
  const links = sent.json().data.links as { signer_name: string; token: string; signer_id: string }[];
  const first = links.find((l) => l.signer_name === 'First')!;
  const signed = await call(
    'POST',
    '/sign',
    {},
    {
      token: first.token,
      signature_type: 'drawn',
      signature_data: pngDataUrl(),
      consent_given: true,
    },
  );
  expect(signed.statusCode).toBe(201);
  signatureId = signed.json().data.signature.id;
  nextSignerId = (created.json().data.signers as { id: string; signer_name: string }[]).find(
    (s) => s.signer_name === 'Second',
  )!.id;
});
afterAll(() => t.close());

const answer = (r: { statusCode: number; json: () => { code: number; message: string } }) => ({
  status: r.statusCode,
  code: r.json().code,
  message: r.json().message,
});

describe('data scope on routes by id', () => {
  it('answers a signature outside the scope exactly as a missing one; owner and party read it', async () => {
    const probe = answer(await call('GET', `/signatures/${signatureId}`, stranger));
    expect(probe).toEqual(answer(await call('GET', `/signatures/${missing}`, stranger)));
    expect(probe.status).toBe(404);
    expect((await call('GET', `/signatures/${signatureId}`, owner)).json().data.id).toBe(signatureId);
    expect((await call('GET', `/signatures/${signatureId}`, party)).json().data.id).toBe(signatureId);
    const onRecord = (await call('GET', '/entity/invoice/WSCOPE-1/signatures', stranger)).json().data;
    expect(onRecord).toEqual([]);
    const ownerView = (await call('GET', '/entity/invoice/WSCOPE-1/signatures', owner)).json().data;
    expect(ownerView.map((s: { id: string }) => s.id)).toEqual([signatureId]);
  });

  it('refuses every write by id from outside the scope as for a missing request, changing nothing', async () => {
    const before = await snapshot();
    const attacks: [string, 'GET' | 'POST' | 'PUT', (id: string) => string, object | undefined][] = [
      [
        'signers',
        'POST',
        (id) => `/requests/${id}/signers`,
        { signer_name: 'Mallory', signer_email: 'm@evil.test' },
      ],
      ['send', 'POST', (id) => `/requests/${id}/send`, undefined],
      ['cancel', 'POST', (id) => `/requests/${id}/cancel`, { reason: 'attack' }],
      [
        'reassign',
        'POST',
        (id) => `/requests/${id}/signers/${nextSignerId}/reassign`,
        { signer_name: 'Mallory', signer_email: 'm@evil.test' },
      ],
      [
        'second-factor',
        'PUT',
        (id) => `/requests/${id}/second-factor`,
        { factor: 'access_code', access_code: 'evil-123' },
      ],
      ['in-person', 'POST', (id) => `/requests/${id}/signers/${nextSignerId}/in-person`, { notify: 'none' }],
      ['second-factor read', 'GET', (id) => `/requests/${id}/second-factor`, undefined],
      ['certificate', 'GET', (id) => `/requests/${id}/certificate`, undefined],
      ['evidence', 'GET', (id) => `/requests/${id}/evidence`, undefined],
    ];
    for (const [name, method, url, body] of attacks) {
      const probe = answer(await call(method, url(requestId), stranger, body));
      const absent = answer(await call(method, url(missing), stranger, body));
      expect({ name, ...probe }).toEqual({ name, ...absent });
      expect({ name, status: probe.status }).toEqual({ name, status: 404 });
    }
    const revoke = answer(
      await call('POST', `/signatures/${signatureId}/revoke`, stranger, { reason: 'attack' }),
    );
    expect(revoke).toEqual(
      answer(await call('POST', `/signatures/${missing}/revoke`, stranger, { reason: 'x' })),
    );
    expect(revoke.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('still lets the owner act on the request (the guard is not a blanket refusal)', async () => {
    const factor = await call('PUT', `/requests/${requestId}/second-factor`, owner, {
      factor: 'access_code',
      access_code: 'owner-123',
    });
    expect(factor.statusCode).toBe(200);
    const read = await call('GET', `/requests/${requestId}/second-factor`, owner);
    expect(read.json().data).toEqual({ factor: 'access_code' });
    expect(read.body).not.toContain('owner-123');
    const cancelled = await call('POST', `/requests/${requestId}/cancel`, owner, { reason: 'done' });
    expect([cancelled.statusCode, cancelled.json().data.status]).toEqual([200, 'cancelled']);
  });
});
