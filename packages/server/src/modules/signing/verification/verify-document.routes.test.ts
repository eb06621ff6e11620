import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CompletedRequest,
  completedRequest,
  currentPdf,
} from '../../../../test/signing-evidence-kit.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../../test/test-principal.js';
import { documents } from '../../documents/index.js';
import { modules } from '../../index.js';
import { PLATFORM_DEFAULT } from '../../profiles/index.js';
import { can } from '../signing.catalogue.js';
import { verificationErrors } from './verification.errors.js';

const sender = asUser('019a0000-0000-7000-8000-0000000000e1', Object.values(can));
const profileManager = asUser('019a0000-0000-7000-8000-0000000000e2', [
  'profiles.profile.read',
  'profiles.profile.manage',
]);
let t: TestApp;
let done: CompletedRequest;
let pdf: Buffer;

/** Anonymous upload, as a third party holding the PDF would send it. */
const upload = (body: Buffer | string, type = 'application/pdf') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/digital-signature/verify-document',
    headers: { 'content-type': type },
    payload: body,
  });

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
  done = await completedRequest(t, sender, {
    language: 'he',
    title: 'חוזה שירות שנתי',
    names: ['ישראל ישראלי', 'מנהל החברה'],
    consent: 'אני מאשר/ת שקראתי והבנתי את המסמך',
  });
  pdf = await currentPdf(t, done.document_id);
});
afterAll(() => t.close());

describe('POST /digital-signature/verify-document (public)', () => {
  it('reports every signature of a sealed SignX PDF: certificate subject, level, chain, time-stamp, number', async () => {
    const res = await upload(pdf);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json().data;
    expect(report.valid).toBe(true);
    expect(report.has_validation_data).toBe(true);
    expect(report.signx).toEqual({ matched: true, request_numbers: [done.request_number] });
    const signatures = report.signatures.filter((s: { kind: string }) => s.kind === 'signature');
    expect(signatures.map((s: { signer: { subject: string } }) => s.signer.subject)).toEqual([
      expect.stringContaining('ישראל ישראלי'),
      expect.stringContaining('מנהל החברה'),
      expect.stringContaining('SignX Platform Seal'),
    ]);
    expect(signatures.map((s: { signature_number: string | null }) => s.signature_number)).toEqual([
      done.signatures[0]!.signature_number,
      done.signatures[1]!.signature_number,
      null,
    ]);
    for (const s of signatures) {
      expect(s.chain.trusted_to_platform_root).toBe(true);
      expect(s.revocation.status).toBe('good');
      expect(s.timestamp.valid).toBe(true);
      expect(['B-LT', 'B-LTA']).toContain(s.level);
    }
    // The first signature was followed by later signatures, the DSS and a document time-stamp, all allowed.
    expect(signatures[0].changes_after.length).toBeGreaterThan(0);
    expect(signatures[0].changes_after.every((c: { allowed: boolean }) => c.allowed)).toBe(true);
    expect(report.signatures.at(-1).kind).toBe('document-timestamp');
    // The declared /Name is shown only as a labelled claim, beside the certificate's subject.
    expect(signatures[0].declared_name_claim).toBe('ישראל ישראלי');
    // Nothing of the content beyond what was uploaded: no text, no document ids, no signer emails.
    expect(res.body).not.toContain(done.document_id);
    expect(res.body).not.toContain('signer0@example.com'.replace('@', '\\u0040'));
  });

  it('matches a version a signature produced (not the sent or sealed one) through the indexed hash table', async () => {
    const produced = await t.database.db
      .selectFrom('digital_signature_produced_hashes')
      .select(['sha256', 'signature_id'])
      .where('request_id', '=', done.id)
      .execute();
    // One row per signature and document, the same hashes the signature's `documents` JSON lists.
    expect(produced).toHaveLength(2);
    const first = produced.find((p) => p.signature_id === done.signatures[0]!.id)!;
    const res = await upload(await documents.read(t.app.signx, first.sha256));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.signx).toEqual({ matched: true, request_numbers: [done.request_number] });
    expect(
      res.json().data.signatures.map((s: { signature_number: string | null }) => s.signature_number),
    ).toEqual([done.signatures[0]!.signature_number]);
  });

  it('reports a tampered byte: the signatures covering it are invalid, the file matches no SignX version', async () => {
    const tampered = Buffer.from(pdf);
    // The page size of the original revision (covered by every signature): 595.28 -> 595.29.
    const at = tampered.indexOf('595.28');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(tampered.indexOf('%%EOF'));
    tampered[at + 5] = '9'.charCodeAt(0);
    const report = (await upload(tampered)).json().data;
    expect(report.valid).toBe(false);
    expect(report.signx.matched).toBe(false);
    expect(report.signatures[0].valid).toBe(false);
    expect(report.signatures[0].integrity.digest_matches).toBe(false);
    expect(report.signatures.every((s: { signature_number: null }) => s.signature_number === null)).toBe(
      true,
    );
  });

  it('shows a signature revoked through signatures/{id}/revoke as revoked (the file’s DSS still says good)', async () => {
    const first = done.signatures[0]!;
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/digital-signature/signatures/${first.id}/revoke`,
      headers: sender,
      payload: { reason: 'signed under duress' },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const report = (await upload(pdf)).json().data;
    const [one, two] = report.signatures;
    expect(one.signature_number).toBe(first.signature_number);
    expect(one.revocation).toMatchObject({ status: 'revoked', platform: { status: 'revoked' } });
    expect(one.revocation.in_file.status).toBe('good');
    expect(one.valid).toBe(false);
    expect(two.revocation.status).toBe('good');
    expect(two.valid).toBe(true);
    expect(report.valid).toBe(false);
  });

  it('refuses what is not a PDF with a clear code, and a broken PDF with another', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    for (const body of [png, Buffer.from('hello, world'), Buffer.alloc(0)]) {
      const res = await upload(body);
      expect([res.statusCode, res.json().code]).toEqual([400, verificationErrors.NOT_A_PDF.api]);
    }
    const json = await upload(JSON.stringify({ pdf: 'x' }), 'application/json');
    expect(json.json().code).toBe(verificationErrors.NOT_A_PDF.api);
    const broken = await upload(Buffer.from('%PDF-1.7\n%garbage without objects or trailer\n'));
    expect([broken.statusCode, broken.json().code]).toEqual([400, verificationErrors.PDF_UNREADABLE.api]);
    const text = await upload('%PDF-1.7 as text', 'text/plain');
    expect([text.statusCode, text.json().code]).toEqual([400, verificationErrors.NOT_A_PDF.api]);
    const other = await upload(Buffer.from('%PDF-1.7'), 'image/png');
    expect(other.statusCode).toBe(415);
  });

  it('caps the upload size (413) before reading it all', async () => {
    const big = Buffer.alloc(25 * 1024 * 1024 + 1, 0x20);
    big.write('%PDF-1.7\n');
    const res = await upload(big);
    expect(res.statusCode).toBe(413);
  });
});

type Policy = { ok: boolean; profile_id: string | null; failures: { code: string; message: string }[] };
type Sig = { kind: string; valid: boolean; integrity: object; chain: { trusted_to_platform_root: boolean } };

describe('verify-document: signer certificates against the signing profile', () => {
  const savePlatformProfile = async (policy: object, base_version?: number) => {
    const settings = {
      ...PLATFORM_DEFAULT,
      certificate_policy: { ...PLATFORM_DEFAULT.certificate_policy, ...policy },
    };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/profiles',
      headers: profileManager,
      payload: { scope_type: 'platform', scope_id: '*', name: 'Platform', settings, base_version },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().data.profile.id as string;
  };
  const signaturesOf = async () =>
    ((await upload(pdf)).json().data.signatures as (Sig & { profile_policy: Policy | null })[]).filter(
      (s) => s.kind === 'signature',
    );

  it('reports ok against the built-in default, and null for the document time-stamp', async () => {
    const report = (await upload(pdf)).json().data;
    const signatures = report.signatures.filter((s: Sig) => s.kind === 'signature');
    expect(signatures).toHaveLength(3);
    for (const s of signatures) {
      expect(s.profile_policy).toEqual({
        ok: true,
        profile_id: null,
        profile_version: 0,
        scope_type: 'platform',
        failures: [],
      });
    }
    expect(report.signatures.at(-1).profile_policy).toBeNull();
  });

  it('reports the failure of a certificate the profile rejects while it still validates cryptographically', async () => {
    const id = await savePlatformProfile({ policy_oids: ['1.2.3.4.5.6.7'], min_rsa_bits: 3072 });
    const signatures = await signaturesOf();
    for (const s of signatures) {
      expect(s.integrity).toEqual({ digest_matches: true, signature_valid: true });
      expect(s.chain.trusted_to_platform_root).toBe(true);
      expect(s.profile_policy?.ok).toBe(false);
      expect(s.profile_policy?.profile_id).toBe(id);
      expect(s.profile_policy?.failures.map((f) => f.message).join('; ')).toContain('1.2.3.4.5.6.7');
    }
    // The second signer's signature is not revoked: the policy failure does not change `valid`.
    expect(signatures[1]!.valid).toBe(true);

    // A new version the certificates meet: the same file reports ok under version 2.
    await savePlatformProfile({}, 1);
    for (const s of await signaturesOf()) {
      expect(s.profile_policy).toMatchObject({ ok: true, profile_id: id, profile_version: 2, failures: [] });
    }
  });
});
