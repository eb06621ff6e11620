import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer } from '../../../test/identity-fixtures.js';
import {
  createRecordsTestApp,
  createSigner,
  policyBody,
  type RecordsTestApp,
  type Signer,
  sha,
  signBody,
} from '../../../test/records-kit.js';

// §11.70 (signature/record linking), §11.10(e) (audit).
let t: RecordsTestApp;
let tina: Signer;
const db = () => t.app.signx.db;
const full = () => ({ password: 'Correct-Horse-7-Battery', totp: t.totp(tina) });
const verify = (payload: object, token = tina.token) => t.post('/signature/verify', token, payload);

async function signed(resourceId: string, version = '1'): Promise<string> {
  t.clock.advance(31_000);
  const response = await t.post('/signature/create', tina.token, {
    ...signBody(tina, { resourceId, version }),
    credentials: full(),
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json().data.signature.signature_id as string;
}

beforeAll(async () => {
  t = await createRecordsTestApp();
  await t.post('/signature/policies', t.adminToken, policyBody);
  tina = await createSigner(t, 'tina');
});
afterAll(() => t.close());

describe('verification', () => {
  it('verifies an intact signature: sealed value, record hash and audit inclusion', async () => {
    const id = await signed('V-1');
    const ok = await verify({ signatureId: id, resourceId: 'V-1', recordHash: sha('V-1@1') });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().data).toMatchObject({
      valid: true,
      problems: [],
      signed: { signature_mean: 'approval', signer_name: 'tina Name', record_sha256: sha('V-1@1') },
    });
    expect(ok.json().data.audit_events_verified).toBeGreaterThan(0);
    const wrongHash = await verify({ signatureId: id, recordHash: sha('V-1@2') });
    expect(wrongHash.json().data.valid).toBe(false);
  });

  it('a signature moved onto another version (or copied to another record) fails verification', async () => {
    const id = await signed('V-2', '1');
    await db()
      .updateTable('records_signatures')
      .set({ record_version: '2', record_sha256: sha('V-2@2') })
      .where('id', '=', id)
      .execute();
    const moved = (await verify({ signatureId: id })).json().data;
    expect(moved.valid).toBe(false);
    expect(moved.problems).toEqual(
      expect.arrayContaining([
        'record_version differs from what was signed',
        'record_sha256 differs from what was signed',
      ]),
    );
    const original = await db()
      .selectFrom('records_signatures')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const copyId = '019a0000-0000-7000-8000-00000000c0c0';
    await db()
      .insertInto('records_signatures')
      .values({ ...original, id: copyId, resource_id: 'V-3' })
      .execute();
    const copied = (await verify({ signatureId: copyId, resourceId: 'V-3' })).json().data;
    expect(copied.valid).toBe(false);
    expect(copied.problems).toContain('signature value does not open or its seal is broken');
    const stored = await db()
      .selectFrom('records_signatures')
      .select('verification_status')
      .where('id', '=', copyId)
      .executeTakeFirstOrThrow();
    expect(stored.verification_status).toBe('invalid');
  });

  it('a meaning changed in the database is flagged by the sealed value and the audit trail', async () => {
    const id = await signed('V-4');
    await db()
      .updateTable('records_signatures')
      .set({ signature_mean: 'review' })
      .where('id', '=', id)
      .execute();
    const result = (await verify({ signatureId: id })).json().data;
    expect(result.valid).toBe(false);
    expect(result.signed.signature_mean).toBe('approval');
    expect(result.problems).toEqual(
      expect.arrayContaining([
        'signature_mean differs from what was signed',
        'the audit trail records another meaning or record than the stored signature',
      ]),
    );
    const quick = (await verify({ signatureId: id, includeAuditProof: false })).json().data;
    expect([quick.valid, quick.audit_events_verified]).toEqual([false, 0]);
    expect(quick.problems).toEqual(['signature_mean differs from what was signed']);
  });

  it('shows details with the authentication log, and history only of one’s own signatures', async () => {
    const id = await signed('V-5');
    const details = await t.app.inject({
      method: 'GET',
      url: `/api/v1/signature/details/${id}`,
      headers: bearer(tina.token),
    });
    expect(details.json().data).toMatchObject({
      signature_id: id,
      authentication_log: [{ authentication_result: 'success' }],
    });
    expect(details.json().data.signature_value).toBeUndefined();
    const other = await createSigner(t, 'otto');
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/v1/signature/details/${id}`,
      headers: bearer(other.token),
    });
    expect(hidden.statusCode).toBe(404);
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/v1/signature/history',
      headers: bearer(other.token),
    });
    expect(mine.json().data.total).toBe(0);
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/v1/signature/history?resourceId=V-5',
      headers: bearer(t.adminToken),
    });
    expect(all.json().data.items.map((s: { signature_id: string }) => s.signature_id)).toEqual([id]);
  });
});

describe('verification is a read (writes only when the status changes)', () => {
  const getVerify = (query: Record<string, string>, token = tina.token) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/signature/verify?${new URLSearchParams(query)}`,
      headers: bearer(token),
    });
  const counts = async () => ({
    events: Number(
      (
        await db()
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    checkpoints: Number(
      (
        await db()
          .selectFrom('audit_checkpoints')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });
  const stored = (id: string) =>
    db()
      .selectFrom('records_signatures')
      .select(['verification_status', 'updated_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const statusEvents = (id: string) =>
    db()
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', id)
      .where('action', '=', 'records.signature.verified')
      .execute();

  it('verifying an intact signature again and again writes nothing, before and after a checkpoint', async () => {
    const id = await signed('R-1');
    const before = await counts();
    const row = await stored(id);
    for (let i = 0; i < 2; i += 1) {
      const ok = await getVerify({ signatureId: id, resourceId: 'R-1', recordHash: sha('R-1@1') });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().data).toMatchObject({ valid: true, problems: [] });
      // Newer than the last checkpoint: the creation event is proven by its MAC.
      expect(ok.json().data.audit_events_verified).toBe(1);
    }
    const checkpoint = await t.post('/audit/checkpoints', t.adminToken, {});
    expect(checkpoint.statusCode, checkpoint.body).toBeLessThan(300);
    // The checkpoint request's own 'http' event is written after its response (on PostgreSQL
    // it can land after this line): wait for it, so only what the verifications write is counted.
    await vi.waitFor(async () =>
      expect(
        await db()
          .selectFrom('audit_events')
          .select('id')
          .where('chain', '=', 'http')
          .where('entity_id', '=', 'POST /api/v1/audit/checkpoints')
          .executeTakeFirst(),
      ).toBeDefined(),
    );
    const afterCheckpoint = await counts();
    for (let i = 0; i < 2; i += 1) {
      const ok = (await getVerify({ signatureId: id })).json().data;
      // Covered by the signed checkpoint now: an inclusion proof against its root.
      expect([ok.valid, ok.audit_events_verified]).toEqual([true, 1]);
    }
    expect(await counts()).toEqual(afterCheckpoint);
    expect(afterCheckpoint.checkpoints).toBeGreaterThan(before.checkpoints);
    expect(await stored(id)).toEqual(row);
    expect(await statusEvents(id)).toEqual([]);
  });

  it('a caller-supplied wrong record or hash answers invalid but leaves the stored signature alone', async () => {
    const id = await signed('R-2');
    const before = await counts();
    const wrong = (await getVerify({ signatureId: id, resourceId: 'R-9', recordHash: sha('R-2@2') })).json()
      .data;
    expect(wrong.valid).toBe(false);
    expect(wrong.problems).toEqual([
      'the signature was not made on this resource',
      'the record hash given is not the one signed',
    ]);
    const malformed = await getVerify({ signatureId: 'not-a-uuid' });
    expect(malformed.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    expect((await stored(id)).verification_status).toBe('valid');
  });

  it('a tampered signature writes exactly one status change and one audit event, however often verified', async () => {
    const id = await signed('R-3');
    await db()
      .updateTable('records_signatures')
      .set({ signature_mean: 'review' })
      .where('id', '=', id)
      .execute();
    const before = await counts();
    for (let i = 0; i < 3; i += 1) {
      const result = (await getVerify({ signatureId: id })).json().data;
      expect(result.valid).toBe(false);
      expect(result.problems).toContain('signature_mean differs from what was signed');
    }
    expect(await counts()).toEqual({ ...before, events: before.events + 1 });
    expect((await stored(id)).verification_status).toBe('invalid');
    const events = await statusEvents(id);
    expect(events).toHaveLength(1);
    expect(JSON.parse(String(events[0]?.details))).toMatchObject({ valid: false, previous_status: 'valid' });
    // Put right in the database: the next full verification records the change back, once.
    await db()
      .updateTable('records_signatures')
      .set({ signature_mean: 'approval' })
      .where('id', '=', id)
      .execute();
    const quick = (await getVerify({ signatureId: id, includeAuditProof: 'false' })).json().data;
    expect(quick.valid).toBe(true);
    expect((await stored(id)).verification_status).toBe('invalid');
    for (let i = 0; i < 2; i += 1)
      expect((await getVerify({ signatureId: id })).json().data.valid).toBe(true);
    expect((await stored(id)).verification_status).toBe('valid');
    expect(await statusEvents(id)).toHaveLength(2);
  });
});
