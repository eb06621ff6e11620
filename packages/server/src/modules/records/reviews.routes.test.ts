import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testPassword } from '../../../test/identity-fixtures.js';
import {
  createRecordsTestApp,
  createSigner,
  type RecordsTestApp,
  type Signer,
} from '../../../test/records-kit.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { bumpAuthzVersion } from '../identity/roles/roles.repository.js';
import { recordsErrors } from './records.errors.js';

// Audit-trail reviews (Annex 11 §9, 21 CFR 11.10(e)): reviewer, period, findings, a sign-off
// that is a records signature through the ceremony; every step audited, deny by default.
let t: RecordsTestApp;
let rita: Signer; // the reviewer: holds records.review.read/perform
let tina: Signer; // a signer without any review permission
const db = () => t.app.signx.db;
const get = (url: string, token: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token) });
const period = { period_from: '2026-01-01T00:00:00.000Z', period_to: '2026-02-01T00:00:00.000Z' };
const openReview = async (extra: object = {}) => {
  const res = await t.post('/audit-reviews', t.adminToken, { reviewer_id: rita.id, ...period, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data.id as string;
};
const ceremony = (signer: Signer) => ({ password: testPassword, totp: t.totp(signer) });
const signOff = (id: string, signer: Signer, credentials: object = ceremony(signer)) =>
  t.post('/signature/create', signer.token, {
    userId: signer.id,
    resourceId: id,
    resourceType: 'audit_review',
    operationType: 'sign_off',
    signatureMean: 'review',
    credentials,
  });
const statusOf = async (id: string) =>
  (
    await db()
      .selectFrom('records_audit_reviews')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).status;
const signaturesOf = (id: string) =>
  db().selectFrom('records_signatures').selectAll().where('resource_id', '=', id).execute();

async function grantReviewer(signer: Signer) {
  const role = await t.post('/roles', t.adminToken, {
    code: 'gmp_reviewer',
    name: 'GMP reviewer',
    data_scope: 'all',
    permissions: ['records.review.read', 'records.review.perform'],
  });
  expect(role.statusCode, role.body).toBe(201);
  await inTransaction(db(), async (trx) => {
    const { id } = await trx
      .selectFrom('roles')
      .select('id')
      .where('code', '=', 'gmp_reviewer')
      .executeTakeFirstOrThrow();
    await trx.insertInto('user_roles').values({ user_id: signer.id, role_id: id }).execute();
    await bumpAuthzVersion(trx);
  });
}

beforeAll(async () => {
  t = await createRecordsTestApp();
  rita = await createSigner(t, 'rita');
  tina = await createSigner(t, 'tina');
  await grantReviewer(rita);
  const policy = await t.post('/signature/policies', t.adminToken, {
    resource_type: 'audit_review',
    operation_type: 'sign_off',
    policy_name: 'Audit-trail review sign-off',
    signature_level: 'enhanced',
    authentication_factors: 2,
    session_timeout: 10,
    session_absolute_timeout: 60,
    cooling_period: null,
    require_reason: false,
    allowed_meanings: ['review'],
  });
  expect(policy.statusCode, policy.body).toBe(201);
});
afterAll(() => t.close());

describe('audit-trail reviews', () => {
  it('opens a review, takes findings, signs off through the ceremony; every step audited', async () => {
    const id = await openReview({ scope_module: 'documents' });
    const finding = await t.post(`/audit-reviews/${id}/findings`, rita.token, {
      severity: 'major',
      text: 'Three metadata changes without a change request',
    });
    expect(finding.statusCode, finding.body).toBe(201);
    const signed = await signOff(id, rita);
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json().data.signature).toMatchObject({
      resource_type: 'audit_review',
      operation_type: 'sign_off',
      signature_mean: 'review',
      record_version: '1',
      signer_name: 'rita Name',
    });
    const detail = (await get(`/audit-reviews/${id}`, rita.token)).json().data;
    expect(detail).toMatchObject({
      status: 'signed_off',
      reviewer_name: 'rita Name',
      scope_module: 'documents',
      findings: [{ severity: 'major', text: 'Three metadata changes without a change request' }],
      sign_off: { signature_id: signed.json().data.signature.signature_id, signature_mean: 'review' },
    });
    const late = await t.post(`/audit-reviews/${id}/findings`, rita.token, {
      severity: 'info',
      text: 'late',
    });
    expect([late.statusCode, late.json().code]).toEqual([409, recordsErrors.REVIEW_SIGNED_OFF.api]);
    const actions = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', 'in', [id, signed.json().data.signature.signature_id])
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'records.review.created',
      'records.review.finding_added',
      'records.signature.created',
      'records.review.signed_off',
    ]);
    const list = (await get('/audit-reviews?status=signed_off', rita.token)).json().data;
    expect(list.items.map((r: { id: string }) => r.id)).toContain(id);
  });

  it('a reviewer cannot sign off an empty period twice', async () => {
    const id = await openReview({ period_from: '2001-01-01T00:00:00Z', period_to: '2001-01-02T00:00:00Z' });
    t.clock.advance(31_000); // a fresh TOTP step: a code is single-use
    const first = await t.post(`/audit-reviews/${id}/sign-off`, rita.token, {
      userId: rita.id,
      signatureMean: 'review',
      credentials: ceremony(rita),
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().data.signature.record_version).toBe('0');
    t.clock.advance(31_000);
    const again = await signOff(id, rita);
    expect([again.statusCode, again.json().code]).toEqual([409, recordsErrors.REVIEW_SIGNED_OFF.api]);
    expect(await signaturesOf(id)).toHaveLength(1);
    expect(await statusOf(id)).toBe('signed_off');
  });

  it('denies by default: no permission is 403, and only the assigned reviewer signs off', async () => {
    const id = await openReview();
    expect((await get('/audit-reviews', tina.token)).statusCode).toBe(403);
    expect((await get(`/audit-reviews/${id}`, tina.token)).statusCode).toBe(403);
    expect((await t.post('/audit-reviews', tina.token, { reviewer_id: tina.id, ...period })).statusCode).toBe(
      403,
    );
    expect((await t.post('/audit-reviews', rita.token, { reviewer_id: rita.id, ...period })).statusCode).toBe(
      403,
    );
    const finding = await t.post(`/audit-reviews/${id}/findings`, tina.token, {
      severity: 'info',
      text: 'x',
    });
    expect(finding.statusCode).toBe(403);
    t.clock.advance(31_000);
    // The generic signing route is open to every signed-in user: the operation itself refuses.
    const bySigner = await signOff(id, tina);
    expect(bySigner.statusCode).toBe(403);
    const admin = await t.post(`/audit-reviews/${id}/findings`, t.adminToken, {
      severity: 'info',
      text: 'x',
    });
    expect([admin.statusCode, admin.json().code]).toEqual([403, recordsErrors.NOT_THE_REVIEWER.api]);
    expect(await signaturesOf(id)).toEqual([]);
    expect(await statusOf(id)).toBe('open');
    const findings = await db()
      .selectFrom('records_audit_review_findings')
      .select('id')
      .where('review_id', '=', id)
      .execute();
    expect(findings).toEqual([]);
  });

  it('sign-off needs the ceremony: without it, or with a wrong component, the review stays open', async () => {
    const id = await openReview();
    t.clock.advance(31_000);
    const bare = await signOff(id, rita, {});
    expect([bare.statusCode, bare.json().code]).toEqual([401, recordsErrors.CEREMONY_FAILED.api]);
    const wrong = await signOff(id, rita, { password: testPassword, totp: '000000' });
    expect([wrong.statusCode, wrong.json().code]).toEqual([401, recordsErrors.CEREMONY_FAILED.api]);
    expect(await signaturesOf(id)).toEqual([]);
    expect(await statusOf(id)).toBe('open');
  });

  it('refuses a bad period or an unknown reviewer, and stores nothing', async () => {
    const before = await db().selectFrom('records_audit_reviews').select('id').execute();
    const backwards = await t.post('/audit-reviews', t.adminToken, {
      reviewer_id: rita.id,
      period_from: period.period_to,
      period_to: period.period_from,
    });
    expect([backwards.statusCode, backwards.json().errors[0].field]).toEqual([400, 'period_to']);
    const nobody = await t.post('/audit-reviews', t.adminToken, {
      reviewer_id: '019a0000-0000-7000-8000-00000000dead',
      ...period,
    });
    expect([nobody.statusCode, nobody.json().errors[0].field]).toEqual([400, 'reviewer_id']);
    expect(await db().selectFrom('records_audit_reviews').select('id').execute()).toEqual(before);
  });
});
