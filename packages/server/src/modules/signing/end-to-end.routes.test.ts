import { validate } from '@signx/pades';
import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  testPassword,
  tokenFor,
} from '../../../test/identity-fixtures.js';
import { pngDataUrl } from '../../../test/signing-kit.js';
import { userActor } from '../../../test/test-principal.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { documents } from '../documents/index.js';
import { requestSummaryPdf } from './pdf-signing.js';
import { signingErrors } from './signing.errors.js';
import { stuckSealSweepJob } from './signing.jobs.js';

/**
 * With real accounts (identity module): an internal signer signs from their session with a
 * step-up proof (password + TOTP, the first signature of the session); a request carrying two
 * documents is signed end to end; a completed request whose seal failed is re-sealed by the
 * stuck-seal sweep.
 */
const api = '/api/v1/digital-signature';
let t: IdentityTestApp;
let admin: Record<string, string>;
let adminId: string;

const post = (url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
async function show(id: string) {
  const shown = await t.app.inject({ method: 'GET', url: `${api}/requests/${id}`, headers: admin });
  expect(shown.statusCode, shown.body).toBe(200);
  return shown.json().data;
}

/** Two PDFs filed on purchase order PO-9 through the documents module. */
async function twoDocuments(): Promise<string[]> {
  const ids: string[] = [];
  for (const title of ['Order', 'Terms']) {
    const pdf = await requestSummaryPdf({
      requestNumber: title,
      entityType: 'purchase_order',
      entityId: 'PO-9',
      title,
      description: `${title} of PO-9`,
      createdAt: t.clock.now().toISOString(),
    });
    const staged = await documents.stage(t.app.signx, pdf, `${title}.pdf`);
    const filed = await inTransaction(t.app.signx.db, (trx) =>
      documents.create(trx, t.app.signx, userActor(adminId, []), {
        entityType: 'purchase_order',
        entityId: 'PO-9',
        title,
        category: 'other',
        content: staged,
        note: 'test',
      }),
    );
    ids.push(filed.document.id);
  }
  return ids;
}

beforeAll(async () => {
  t = await createIdentityTestApp();
  const root = await createAdmin(t.app);
  adminId = root.id;
  admin = bearer(await tokenFor(t.app, 'root'));
});
afterAll(() => t.close());

describe('signing end to end with accounts', () => {
  it('an internal signer signs from their session with a step-up proof; two documents are signed and sealed', async () => {
    const wang = await createUserWith(t.app, { username: 'wang' });
    const token = await tokenFor(t.app, 'wang');
    const bind = await post('/api/v1/auth/mfa/bind', bearer(token), { password: testPassword });
    const secret = bind.json().data.secret as string;
    const code = () => authenticator.clone({ epoch: t.clock.now().getTime() }).generate(secret);
    expect((await post('/api/v1/auth/mfa/bind/confirm', bearer(token), { code: code() })).statusCode).toBe(
      200,
    );

    const documentIds = await twoDocuments();
    const created = await post(`${api}/requests`, admin, {
      entity_type: 'purchase_order',
      entity_id: 'PO-9',
      title: 'PO-9 approval',
      document_ids: documentIds,
      signature_order: 'sequential',
      signers: [
        {
          signer_name: '王经理',
          user_id: wang.id,
          role: 'approver',
          signer_type: 'company',
          signing_order: 1,
        },
        { signer_name: 'Supplier Ltd', signer_email: 'supplier@example.com', signing_order: 2 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const request = created.json().data;
    const [link] = (await post(`${api}/requests/${request.id}/send`, admin)).json().data.links;

    t.clock.advance(31_000); // a fresh TOTP window
    const stepUp = await post('/api/v1/auth/step-up', bearer(token), {
      password: testPassword,
      method: 'totp',
      code: code(),
    });
    expect(stepUp.statusCode, stepUp.body).toBe(200);
    const internal = request.signers.find((s: { user_id: string | null }) => s.user_id === wang.id);
    const body = { signature_type: 'drawn', signature_data: pngDataUrl(), consent_given: true };
    const url = `${api}/requests/${request.id}/signers/${internal.id}/sign`;
    const signed = await post(url, { ...bearer(token), 'x-step-up-proof': stepUp.json().data.proof }, body);
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json().data.signature).toMatchObject({ signer_name: '王经理' });
    expect(signed.json().data.request.status).toBe('partially_signed');
    const replay = await post(url, { ...bearer(token), 'x-step-up-proof': stepUp.json().data.proof }, body);
    expect([replay.statusCode, replay.json().code]).toEqual([409, signingErrors.SIGNER_DONE.api]);

    const external = await post(
      `${api}/sign`,
      {},
      { token: link.token, signature_type: 'typed', signature_data: 'Supplier Ltd', consent_given: true },
    );
    expect(external.statusCode, external.body).toBe(201);
    await t.app.signx.jobs.drain();
    const done = await show(request.id);
    expect(done).toMatchObject({ status: 'completed', seal_status: 'sealed' });
    expect(done.documents).toHaveLength(2);
    const root = await t.app.signx.trust.rootCertificate();
    for (const doc of done.documents) {
      expect(doc.current_version).toBe(doc.sent_version + 3); // two signatures, one seal
      const current = await documents.current(t.app.signx.db, doc.document_id);
      const report = await validate(await documents.read(t.app.signx, current.sha256), {
        trustAnchors: [root],
      });
      expect(report.isValid).toBe(true);
      expect(report.signatures.filter((s) => s.kind === 'signature').map((s) => s.signerName)).toEqual([
        '王经理',
        'Supplier Ltd',
        expect.stringContaining('SignX Platform Seal'),
      ]);
    }
  });

  it('the stuck-seal sweep re-seals a completed request whose seal job was lost', async () => {
    const created = await post(`${api}/requests`, admin, {
      entity_type: 'invoice',
      entity_id: 5150,
      title: 'Invoice 5150',
      signers: [{ signer_name: 'Dana', signer_email: 'dana@example.com' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().data.id as string;
    const [link] = (await post(`${api}/requests/${id}/send`, admin)).json().data.links;
    await post(
      `${api}/sign`,
      {},
      { token: link.token, signature_type: 'typed', signature_data: 'Dana', consent_given: true },
    );
    // The seal job dies (dead-lettered, node lost): drop it before it runs.
    await t.app.signx.db.deleteFrom('jobs').where('name', '=', 'signing.request.seal').execute();
    await t.app.signx.jobs.drain();
    expect(await show(id)).toMatchObject({ status: 'completed', seal_status: 'pending' });

    await t.app.signx.jobs.enqueue(t.app.signx.db, stuckSealSweepJob, {});
    await t.app.signx.jobs.drain();
    expect((await show(id)).seal_status).toBe('pending'); // not yet 15 minutes: left alone
    t.clock.advance(16 * 60_000);
    admin = bearer(await tokenFor(t.app, 'root')); // the access token ran out meanwhile
    await t.app.signx.jobs.enqueue(t.app.signx.db, stuckSealSweepJob, {});
    await t.app.signx.jobs.drain();
    const sealed = await show(id);
    expect(sealed.seal_status).toBe('sealed');
    const current = await documents.current(t.app.signx.db, sealed.documents[0].document_id);
    const root = await t.app.signx.trust.rootCertificate();
    const report = await validate(await documents.read(t.app.signx, current.sha256), {
      trustAnchors: [root],
    });
    expect(report.isValid).toBe(true);
    expect(report.signatures.at(-1)?.kind).toBe('document-timestamp');
  });
});
