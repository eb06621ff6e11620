import { validate } from '@signx/pades';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentPolicy, pdfDocument } from '../../../test/records-documents-kit.js';
import {
  createRecordsTestApp,
  createSigner,
  type RecordsTestApp,
  type Signer,
} from '../../../test/records-kit.js';
import { documents } from '../documents/index.js';
import { recordsErrors } from './records.errors.js';

// A signature policy's PAdES level (B-B … B-LTA) for the PDF its document signatures produce.
let t: RecordsTestApp;
let wang: Signer;
let policyKey: string;
const db = () => t.app.signx.db;
const api = '/api/v1';
const signatureCount = async () =>
  (await db().selectFrom('records_signatures').select('id').execute()).length;

async function sign(documentId: string) {
  t.clock.advance(31_000);
  return t.post('/signature/create', wang.token, {
    userId: wang.id,
    resourceId: documentId,
    resourceType: 'document',
    operationType: 'approve',
    signatureMean: 'approval',
    credentials: { password: 'Correct-Horse-7-Battery', totp: t.totp(wang) },
  });
}

const setLevel = (pades_level: unknown) =>
  t.app.inject({
    method: 'PUT',
    url: `${api}/signature/policies/${policyKey}`,
    headers: { authorization: `Bearer ${t.adminToken}` },
    payload: {
      ...documentPolicy,
      resource_type: undefined,
      operation_type: undefined,
      pades_level,
      reason: 'archival signatures',
    },
  });

async function levelOf(documentId: string, signatureId: string) {
  const pdf = await documents.read(t.app.signx, (await documents.current(db(), documentId)).sha256);
  const report = await validate(pdf, { trustAnchors: [await t.app.signx.trust.rootCertificate()] });
  return report.signatures.find((s) => s.fieldName === `SignX_Record_${signatureId}`)?.level;
}

beforeAll(async () => {
  t = await createRecordsTestApp();
  const policy = await t.post('/signature/policies', t.adminToken, documentPolicy);
  if (policy.statusCode !== 201) throw new Error(policy.body);
  policyKey = policy.json().data.policy_key;
  wang = await createSigner(t, 'wang');
});
afterAll(() => t.close());

describe('the PAdES level a signature policy requires', () => {
  it('is B-T without a level, and B-LTA when the policy asks it; verify checks the level', async () => {
    const plain = await pdfDocument(t, wang, 'batch-50');
    const first = (await sign(plain)).json().data.signature;
    expect(first.pades_level).toBe('B-T');
    expect(await levelOf(plain, first.signature_id)).toBe('B-T');

    const changed = await setLevel('B-LTA');
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().data).toMatchObject({ pades_level: 'B-LTA', version: 2 });
    const listed = await t.app.inject({
      method: 'GET',
      url: `${api}/signature/policies/${policyKey}`,
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(listed.json().data.map((p: { pades_level: string | null }) => p.pades_level)).toEqual([
      'B-LTA',
      null,
    ]);

    const archival = await pdfDocument(t, wang, 'batch-51');
    const res = await sign(archival);
    expect(res.statusCode, res.body).toBe(201);
    const signature = res.json().data.signature;
    expect(signature.pades_level).toBe('B-LTA');
    expect(await levelOf(archival, signature.signature_id)).toBe('B-LTA');
    const verified = (
      await t.post('/signature/verify', wang.token, { signatureId: signature.signature_id })
    ).json().data;
    expect(verified.valid, verified.problems.join('; ')).toBe(true);
    expect(verified.pades_checks).toContainEqual(expect.objectContaining({ check: 'pades_level', ok: true }));

    // The level on the row lowered in the database: the sealed value still says B-LTA.
    await db()
      .updateTable('records_signatures')
      .set({ pades_level: 'B-B' })
      .where('id', '=', signature.signature_id)
      .execute();
    const tampered = (
      await t.post('/signature/verify', wang.token, { signatureId: signature.signature_id })
    ).json().data;
    expect(tampered.valid).toBe(false);
    expect(tampered.problems).toContain('pades_level differs from what was signed');
  });

  it('refuses a level it cannot reach with 40031 and stores nothing', async () => {
    expect((await setLevel('B-LT')).statusCode).toBe(200);
    const trust = t.app.signx.trust;
    const sources = trust.revocationSources;
    // No OCSP responder and no CRL answer: the signature cannot get its validation data.
    trust.revocationSources = async () => ({
      ocspResponder: async () => undefined,
      crlProvider: async () => undefined,
    });
    try {
      const documentId = await pdfDocument(t, wang, 'batch-52');
      const before = await signatureCount();
      const res = await sign(documentId);
      expect([res.statusCode, res.json().code], res.body).toEqual([
        400,
        recordsErrors.PADES_LEVEL_UNREACHED.api,
      ]);
      expect(await signatureCount()).toBe(before);
      expect((await documents.current(db(), documentId)).version).toBe(1);
    } finally {
      trust.revocationSources = sources;
    }
  });

  it('refuses an unknown level (400) and adds no policy version', async () => {
    const versions = async () =>
      (await db().selectFrom('records_policies').select('id').where('policy_key', '=', policyKey).execute())
        .length;
    const before = await versions();
    const res = await setLevel('B-XL');
    expect(res.statusCode).toBe(400);
    expect(await versions()).toBe(before);
  });
});
