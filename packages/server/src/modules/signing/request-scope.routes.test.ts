import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../test/test-principal.js';
import { modules } from '../index.js';

/** Data scope on signing reads: own or party to, unless read_all; others' phone and email masked. */
const ownerId = '019a0000-0000-7000-8000-0000000000a1';
const partyId = '019a0000-0000-7000-8000-0000000000a2';
const strangerId = '019a0000-0000-7000-8000-0000000000a3';
const owner = asUser(ownerId, ['signing.request.read', 'signing.request.create']);
const party = asUser(partyId, ['signing.request.read']);
const stranger = asUser(strangerId, ['signing.request.read', 'signing.request.create']);
const auditor = asUser('019a0000-0000-7000-8000-0000000000a4', [
  'signing.request.read',
  'signing.request.read_all',
]);
let t: TestApp;
let requestId: string;
const api = '/api/v1/digital-signature';
const get = (url: string, headers: Record<string, string>) =>
  t.app.inject({ method: 'GET', url: `${api}${url}`, headers });

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
  const created = await t.app.inject({
    method: 'POST',
    url: `${api}/requests`,
    headers: owner,
    payload: {
      entity_type: 'invoice',
      entity_id: 'SCOPE-1',
      title: 'Scoped',
      signers: [
        { signer_name: 'External', signer_email: 'ext@example.com', signer_phone: '+972501234567' },
        {
          signer_name: 'Internal',
          signer_email: 'int@example.com',
          signer_phone: '+8613812345678',
          user_id: partyId,
        },
      ],
    },
  });
  expect(created.statusCode).toBe(201);
  requestId = created.json().data.id;
  // The stranger's own request, which only they (and read_all) see.
  await t.app.inject({
    method: 'POST',
    url: `${api}/requests`,
    headers: stranger,
    payload: { entity_type: 'invoice', entity_id: 'SCOPE-1', title: 'Strangers own' },
  });
});
afterAll(() => t.close());

const titles = async (headers: Record<string, string>) =>
  ((await get('/requests', headers)).json().data.items as { title: string }[]).map((r) => r.title).sort();

describe('who reads which request', () => {
  it('lists only requests created by or involving the reader, unless read_all', async () => {
    expect(await titles(owner)).toEqual(['Scoped']);
    expect(await titles(party)).toEqual(['Scoped']);
    expect(await titles(stranger)).toEqual(['Strangers own']);
    expect(await titles(auditor)).toEqual(['Scoped', 'Strangers own']);
  });

  it('answers 404 for a request outside the scope (detail, fields, per record)', async () => {
    expect((await get(`/requests/${requestId}`, stranger)).statusCode).toBe(404);
    expect((await get(`/requests/${requestId}/fields`, stranger)).statusCode).toBe(404);
    const onRecord = (await get('/entity/invoice/SCOPE-1/requests', stranger)).json().data as {
      title: string;
    }[];
    expect(onRecord.map((r) => r.title)).toEqual(['Strangers own']);
  });

  it('masks other parties’ phone and email for a party; the owner and read_all see them', async () => {
    const seen = (await get(`/requests/${requestId}`, party)).json().data.signers as {
      signer_name: string;
      signer_phone: string;
      signer_email: string;
    }[];
    const external = seen.find((s) => s.signer_name === 'External')!;
    expect(external.signer_phone).toBe('+97****4567');
    expect(external.signer_email).toBe('e***@example.com');
    const self = seen.find((s) => s.signer_name === 'Internal')!;
    expect(self.signer_phone).toBe('+8613812345678');
    const listed = (await get('/requests', party)).json().data.items[0].signers as { signer_phone: string }[];
    expect(listed.map((s) => s.signer_phone)).toContain('+97****4567');
    for (const reader of [owner, auditor]) {
      const full = (await get(`/requests/${requestId}`, reader)).json().data.signers as {
        signer_phone: string;
      }[];
      expect(full.map((s) => s.signer_phone).sort()).toEqual(['+8613812345678', '+972501234567']);
    }
  });
});
