import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testPassword } from '../../../test/identity-fixtures.js';
import {
  createRecordsTestApp,
  createSigner,
  type RecordsTestApp,
  type Signer,
} from '../../../test/records-kit.js';
import { pngDataUrl } from '../../../test/signing-kit.js';
import { signingErrors } from './signing.errors.js';

// Issue 16: signing-module signatures are Part 11 signatures when a records policy says so.
let t: RecordsTestApp;
let tina: Signer;
const api = '/api/v1/digital-signature';
const db = () => t.app.signx.db;
const mark = { signature_type: 'drawn', signature_data: pngDataUrl(), consent_given: true };
const inject = (method: 'GET' | 'POST', url: string, token: string | undefined, payload?: object) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createRecordsTestApp();
  tina = await createSigner(t, 'tina');
  const policy = await t.post('/signature/policies', t.adminToken, {
    resource_type: 'signing_request',
    operation_type: 'sign',
    policy_name: 'Signing requests under Part 11',
    signature_level: 'enhanced',
    authentication_factors: 2,
    session_timeout: 10,
    session_absolute_timeout: 60,
    cooling_period: null,
    require_reason: true,
    allowed_meanings: ['approval', 'responsibility'],
  });
  if (policy.statusCode !== 201) throw new Error(policy.body);
  // PostgreSQL migrations plus two accounts with TOTP and PIN: slow on a loaded machine.
}, 180_000);
afterAll(() => t?.close());

async function sentRequest() {
  const created = await inject('POST', `${api}/requests`, t.adminToken, {
    entity_type: 'document',
    entity_id: 'BR-11',
    title: 'Batch record release',
    signers: [
      {
        signer_name: 'Tina QP',
        user_id: tina.id,
        signer_type: 'company',
        role: 'approver',
        signing_order: 1,
      },
      { signer_name: 'Contract lab', signer_email: 'lab@example.com', signing_order: 2 },
    ],
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const request = created.json().data;
  const sent = await inject('POST', `${api}/requests/${request.id}/send`, t.adminToken);
  const internal = request.signers.find((s: { user_id: string | null }) => s.user_id === tina.id);
  return {
    request,
    internalUrl: `${api}/requests/${request.id}/signers/${internal.id}/sign`,
    links: sent.json().data.links,
  };
}

const stored = async (requestId: string) => ({
  signatures: await db()
    .selectFrom('digital_signatures')
    .selectAll()
    .where('request_id', '=', requestId)
    .execute(),
  part11: await db()
    .selectFrom('records_signatures')
    .selectAll()
    .where('resource_id', '=', requestId)
    .execute(),
});

describe('signing requests under a Part 11 policy', () => {
  it('link token alone in a Part 11 policy → refused until re-authentication', async () => {
    const { request, internalUrl, links } = await sentRequest();
    const ceremony = {
      signature_mean: 'approval',
      reason: 'Batch meets its specification',
      credentials: { password: testPassword, totp: t.totp(tina) },
    };
    // An internal signer with a step-up proof but no ceremony: refused, nothing stored.
    const noCeremony = await t.app.inject({
      method: 'POST',
      url: internalUrl,
      headers: { ...bearer(tina.token), 'x-step-up-proof': 'p'.repeat(43) },
      payload: mark,
    });
    expect([noCeremony.statusCode, noCeremony.json().code]).toEqual([
      403,
      signingErrors.PART11_CEREMONY_REQUIRED.api,
    ]);
    // The ceremony without the reason the policy requires: refused before anything is written.
    const noReason = await inject('POST', internalUrl, tina.token, {
      ...mark,
      part11: { ...ceremony, reason: null },
    });
    expect(noReason.statusCode).toBe(400);
    expect(await stored(request.id)).toEqual({ signatures: [], part11: [] });

    const signed = await inject('POST', internalUrl, tina.token, { ...mark, part11: ceremony });
    expect(signed.statusCode, signed.body).toBe(201);
    const { signatures, part11 } = await stored(request.id);
    expect(signatures).toHaveLength(1);
    const [document] = await db()
      .selectFrom('digital_signature_request_documents')
      .selectAll()
      .where('request_id', '=', request.id)
      .execute();
    expect(part11).toHaveLength(1);
    expect(part11[0]).toMatchObject({
      user_id: tina.id,
      resource_type: 'signing_request',
      operation_type: 'sign',
      record_version: '1',
      // bound to the PDF version that carries her PAdES signature
      record_sha256: document?.current_sha256,
      signature_mean: 'approval',
      reason: 'Batch meets its specification',
    });
    expect(signatures[0]?.document_hash).toBe(document?.current_sha256);
    const verified = await t.post('/signature/verify', tina.token, { signatureId: part11[0]?.id });
    expect(verified.json().data.valid, verified.body).toBe(true);

    // The external signer's link alone cannot sign while the policy is in force.
    const link = links.find((l: { signing_order: number }) => l.signing_order === 2);
    const byLink = await inject('POST', `${api}/sign`, undefined, { ...mark, token: link.token });
    expect([byLink.statusCode, byLink.json().code]).toEqual([403, signingErrors.PART11_LINK_REFUSED.api]);
    expect((await stored(request.id)).signatures).toHaveLength(1);
    const versions = await db()
      .selectFrom('document_versions')
      .select('storage_key')
      .where('document_id', '=', document?.document_id ?? '')
      .execute();
    expect(versions.map((v) => v.storage_key)).toContain(document?.current_sha256);
    expect(versions).toHaveLength(2);
  });

  it('a Part 11 signature of a signing request cannot be made through /signature/create (it binds the signed file)', async () => {
    const { request } = await sentRequest();
    const direct = await t.post('/signature/create', tina.token, {
      userId: tina.id,
      resourceId: request.id,
      resourceType: 'signing_request',
      operationType: 'sign',
      signatureMean: 'approval',
      reason: 'r',
      recordVersion: '1',
      recordHash: 'a'.repeat(64),
      credentials: { password: testPassword, totp: t.totp(tina) },
    });
    expect(direct.statusCode).toBe(400);
    expect(await stored(request.id)).toEqual({ signatures: [], part11: [] });
  });
});
