import { validate } from '@signx/pades';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions } from '../../../test/audit-kit.js';
import { injectFetch, pdfsig, pngDataUrl, webhookEventStatuses } from '../../../test/signing-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../test/test-principal.js';
import { documents } from '../documents/index.js';
import { modules } from '../index.js';
import { can } from './signing.catalogue.js';
import { signingErrors } from './signing.errors.js';

const senderId = '019a0000-0000-7000-8000-0000000000c1';
const sender = asUser(senderId, Object.values(can));
let t: TestApp;
const api = '/api/v1/digital-signature';
const inject = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url: `${api}${url}`, headers, ...(payload ? { payload } : {}) });
const rows = (table: 'digital_signatures' | 'digital_signature_requests' | 'digital_signature_signers') =>
  t.database.db.selectFrom(table).selectAll().execute();
const versions = () =>
  t.database.db.selectFrom('document_versions').select(['document_id', 'version']).execute();

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
});
afterAll(() => t.close());

/** Seed 004 use case 2 as the seed writes it; `fetch` adds the sender's session, the path is /api/v1. */
async function useCase2(templateId: string) {
  const fetch = injectFetch(t.app, sender);
  const response = await fetch('/api/v1/digital-signature/requests', {
    method: 'POST',
    body: JSON.stringify({
      entity_type: 'contract',
      entity_id: 456,
      title: 'חוזה שירות שנתי',
      template_id: templateId, // תבנית חוזה
      signers: [
        {
          signer_name: 'ישראל ישראלי',
          signer_email: 'customer@example.com',
          signer_type: 'customer',
          signing_order: 1,
        },
        {
          signer_name: 'מנהל החברה',
          signer_email: 'manager@company.com',
          signer_type: 'company',
          signing_order: 2,
        },
      ],
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()).data;
}

describe('use case 2: ordered signers, real PAdES signatures, seal, verification, revocation', () => {
  let request: { id: string; documents: { document_id: string }[] };
  let links: { signer_id: string; token: string; signing_order: number }[];
  const sign = (token: string, extra: object = {}) =>
    inject(
      'POST',
      '/sign',
      {},
      {
        token,
        signature_type: 'drawn',
        signature_data: pngDataUrl(),
        signature_strokes: [
          [
            [1, 1, 0],
            [30, 30, 16],
          ],
        ],
        consent_given: true,
        consent_text: 'אני מאשר/ת שקראתי והבנתי את המסמך',
        ...extra,
      },
    );

  beforeAll(async () => {
    const template = await inject('POST', '/templates', sender, {
      template_name: 'חוזה שירות',
      template_code: 'SERVICE_CONTRACT',
      entity_type: 'contract',
      required_signatures_count: 2,
      signature_order: 'sequential',
    });
    request = await useCase2(template.json().data.id);
    const sent = await inject('POST', `/requests/${request.id}/send`, sender);
    expect(sent.statusCode).toBe(200);
    expect(sent.json().data.request.status).toBe('sent');
    links = sent.json().data.links;
  });

  it('issues 256-bit link tokens stored only as hashes', async () => {
    expect(links).toHaveLength(2);
    for (const link of links) expect(Buffer.from(link.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const stored = await rows('digital_signature_signers');
    const ours = stored.filter((s) => s.request_id === request.id);
    for (const link of links) {
      expect(ours.some((s) => s.token_hash === link.token)).toBe(false);
      expect(ours.find((s) => s.id === link.signer_id)?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('refuses the second signer’s copied link before the first has signed, changing nothing', async () => {
    const second = links.find((l) => l.signing_order === 2)!;
    const page = await inject('GET', `/signing-page/${second.token}`, {});
    expect(page.json().data.signer.is_current_turn).toBe(false);
    const before = await versions();
    const early = await sign(second.token, { signer_name: 'מנהל החברה' });
    expect([early.statusCode, early.json().code]).toEqual([409, signingErrors.NOT_YOUR_TURN.api]);
    expect((await rows('digital_signatures')).filter((s) => s.request_id === request.id)).toEqual([]);
    expect(await versions()).toEqual(before);
  });

  it('refuses bad signing input (no consent, not a PNG, wrong name, unknown link) and stores nothing', async () => {
    const first = links.find((l) => l.signing_order === 1)!;
    const noConsent = await sign(first.token, { consent_given: false });
    expect(noConsent.json().code).toBe(signingErrors.CONSENT_REQUIRED.api);
    const gif = `data:image/png;base64,${Buffer.from('GIF89a-not-a-png').toString('base64')}`;
    expect((await sign(first.token, { signature_data: gif })).json().code).toBe(
      signingErrors.BAD_SIGNATURE_DATA.api,
    );
    expect((await sign(first.token, { signer_name: 'Someone Else' })).json().code).toBe(
      signingErrors.BAD_SIGNATURE_DATA.api,
    );
    const forged = await sign('A'.repeat(43));
    expect([forged.statusCode, forged.json().code]).toEqual([401, signingErrors.LINK_INVALID.api]);
    expect((await rows('digital_signatures')).filter((s) => s.request_id === request.id)).toEqual([]);
  });

  it('signs in order: customer (drawn) then company (typed); completes and seals to B-LTA', async () => {
    const first = links.find((l) => l.signing_order === 1)!;
    const second = links.find((l) => l.signing_order === 2)!;
    await inject('GET', `/signing-page/${first.token}`, {});
    const one = await sign(first.token, {
      request_id: request.id,
      signer_id: first.signer_id,
      signer_name: 'ישראל ישראלי',
    });
    expect(one.statusCode).toBe(201);
    expect(one.json().data.signature.signature_number).toMatch(/^SIG-\d{4}-\d{5}$/);
    expect(one.json().data.signature.hash_valid).toBe(true);
    expect(one.json().data.request.status).toBe('partially_signed');
    const reused = await sign(first.token);
    expect([reused.statusCode, reused.json().code]).toEqual([409, signingErrors.SIGNER_DONE.api]);
    const two = await sign(second.token, { signature_type: 'typed', signature_data: 'מנהל החברה' });
    expect(two.statusCode).toBe(201);
    expect(two.json().data.request).toMatchObject({
      status: 'completed',
      completion_percentage: 100,
      seal_status: 'pending',
    });
    await t.app.signx.jobs.drain();
    const done = await inject('GET', `/requests/${request.id}`, sender);
    expect(done.json().data.seal_status).toBe('sealed');
    const doc = done.json().data.documents[0];
    expect(doc.current_version).toBe(doc.sent_version + 3); // two signatures, one seal
    expect(await auditActions(t.database.db, 'signing.request.')).toEqual(
      expect.arrayContaining([
        'signing.request.created',
        'signing.request.sent',
        'signing.request.viewed',
        'signing.request.signed',
        'signing.request.completed',
        'signing.request.sealed',
      ]),
    );
    // Each webhook event carries the request as it stands after its own transition.
    const types = ['signing.request.signed', 'signing.request.completed'];
    expect(await webhookEventStatuses(t.app.signx.db, request.id, types)).toEqual([
      ['signing.request.signed', 'partially_signed'],
      ['signing.request.signed', 'completed'],
      ['signing.request.completed', 'completed'],
    ]);

    const current = await documents.current(t.database.db, doc.document_id);
    const pdf = await documents.read(t.app.signx, current.sha256);
    const root = await t.app.signx.trust.rootCertificate();
    const report = await validate(pdf, { trustAnchors: [root] });
    const signatures = report.signatures.filter((s) => s.kind === 'signature');
    expect(signatures.map((s) => s.signerSubject)).toEqual([
      expect.stringContaining('ישראל ישראלי'),
      expect.stringContaining('מנהל החברה'),
      expect.stringContaining('SignX Platform Seal'),
    ]);
    expect(report.isValid).toBe(true);
    expect(report.hasDss).toBe(true);
    expect(report.signatures.at(-1)?.kind).toBe('document-timestamp');
    expect(signatures.every((s) => s.chain.isTrusted)).toBe(true);
    expect(signatures.map((s) => s.level)).toContain('B-LTA');

    const poppler = pdfsig(pdf, root);
    expect(poppler.out).toContain('Signature is Valid');
    expect(poppler.out).not.toMatch(/Signature is Invalid|Digest Mismatch/);

    const pdfType = { 'content-type': 'application/pdf' };
    const upload = (payload: Buffer) =>
      t.app.inject({ method: 'POST', url: `${api}/verify-document`, headers: pdfType, payload });
    const uploaded = (await upload(Buffer.from(pdf))).json().data;
    expect(uploaded).toMatchObject({ valid: true, has_validation_data: true, signx: { matched: true } });
    expect(uploaded.signatures.map((x: { level: string }) => x.level)).toContain('B-LTA');
    const signed = uploaded.signatures.filter((x: { signature_number: string | null }) => x.signature_number);
    expect(signed.map((x: { revocation: { status: string } }) => x.revocation.status)).toEqual([
      'good',
      'good',
    ]);
    expect((await upload(Buffer.from('not a pdf'))).statusCode).toBe(400);

    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('BT') > 0 ? tampered.indexOf('/Type /Page') : 200;
    tampered[at + 1] = tampered[at + 1] === 0x54 ? 0x55 : 0x54;
    const broken = await validate(tampered, { trustAnchors: [root] }).catch(() => ({ isValid: false }));
    expect(broken.isValid).toBe(false);
    expect((await upload(tampered)).json().data?.valid ?? false).toBe(false);
  });

  it('use case 4: verifies publicly by number; after revocation reports it (reason_he), in CRL and OCSP', async () => {
    const [first] = (await rows('digital_signatures')).filter((s) => s.request_id === request.id);
    const number = first!.signature_number;
    // ---- seed code, base path changed (no login) ----
    const fetch = injectFetch(t.app, {});
    const response = await fetch(`/api/v1/digital-signature/verify/${number}`);
    const result = await response.json();
    const log: string[] = [];
    if (result.valid) {
      log.push(`חתימה תקינה של: ${result.signer_name}`);
      log.push(`נחתם בתאריך: ${result.signed_at}`);
    } else {
      log.push(`חתימה לא תקינה: ${result.reason_he}`);
    }
    // ---- end of seed code ----
    expect(log[0]).toBe('חתימה תקינה של: ישראל ישראלי');
    expect(result).toMatchObject({
      valid: true,
      signature_number: number,
      signature_type: 'drawn',
      entity_type: 'contract',
      code: 0,
    });
    expect(result.data.valid).toBe(true);

    const revoked = await inject('POST', `/signatures/${first!.id}/revoke`, sender, {
      reason: 'signed under duress',
    });
    expect(revoked.json().data.status).toBe('revoked');
    const [event] = await t.app.signx.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('type', '=', 'signing.signature.revoked')
      .execute();
    expect(event?.resource_id).toBe(first!.id);
    expect(JSON.parse(String(event?.data))).toMatchObject({
      request_id: request.id,
      reason: 'signed under duress',
    });
    const again = await (await fetch(`/api/v1/digital-signature/verify/${number}`)).json();
    expect(again).toMatchObject({
      valid: false,
      reason_code: 'revoked',
      reason_he: 'החתימה בוטלה',
      reason_en: 'The signature was revoked',
    });
    expect(again.reason_zh).toBeTruthy();

    const crl = await t.app.inject({ method: 'GET', url: '/pki/issuing.crl' });
    expect(crl.headers['content-type']).toContain('application/pkix-crl');
    const { parseCrl } = await import('@signx/pades');
    expect(parseCrl(crl.rawPayload).entries.map((e) => e.serial)).toContain(first!.certificate_serial);
    const { buildOcspRequest, certificatesFromPem, findSingleResponse, parseCertificate, parseOcspResponse } =
      await import('@signx/pades');
    const [cert] = certificatesFromPem(first!.certificate);
    const issuing = (await t.app.signx.trust.material()).issuing.certificate;
    const ocsp = await t.app.inject({
      method: 'POST',
      url: '/pki/ocsp',
      headers: { 'content-type': 'application/ocsp-request' },
      payload: Buffer.from(buildOcspRequest(cert!, issuing)),
    });
    const answer = findSingleResponse(
      parseOcspResponse(ocsp.rawPayload),
      parseCertificate(cert!),
      parseCertificate(issuing),
    );
    expect(answer?.status.status).toBe('revoked');

    const missing = await (await fetch('/api/v1/digital-signature/verify/SIG-1999-00001')).json();
    expect(missing).toMatchObject({ valid: false, reason_code: 'not_found' });
    expect(missing.reason_he).toBeTruthy();
  });
});
