import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '@signx/pades';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completedRequest, PHONE_UA } from '../../../../test/signing-evidence-kit.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../../test/test-principal.js';
import { modules } from '../../index.js';
import { can } from '../signing.catalogue.js';
import { verificationErrors } from '../verification/verification.errors.js';
import { type EvidenceFile, verifyEvidence } from './evidence.service.js';

const sender = asUser('019a0000-0000-7000-8000-0000000000e2', Object.values(can));
const reader = asUser('019a0000-0000-7000-8000-0000000000e3', []);
let t: TestApp;
const get = (url: string, headers = sender) =>
  t.app.inject({ method: 'GET', url: `/api/v1/digital-signature${url}`, headers });

function pdftotext(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'signx-cert-'));
  writeFileSync(join(dir, 'c.pdf'), pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'c.pdf'), '-'], { encoding: 'utf8' });
}
/**
 * pdftotext gives right-to-left runs in logical or in visual order depending on the line (as
 * the audit report's test notes); every Hebrew word must come out one way or the other.
 */
function containsWords(text: string, phrase: string): boolean {
  const clean = text.replace(/[\u202a-\u202e]/g, '');
  return phrase
    .split(/[\s/]+/)
    .filter(Boolean)
    .every((w) => clean.includes(w) || clean.includes([...w].reverse().join('')));
}
/** The certificate and evidence made at completion by the evidence job (queued by the seal). */
const stored = (requestId: string) =>
  t.database.db
    .selectFrom('digital_signature_evidence')
    .selectAll()
    .where('request_id', '=', requestId)
    .executeTakeFirstOrThrow();
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v));

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
});
afterAll(() => t.close());

describe('certificate of completion and evidence file', () => {
  it('are refused before completion (40988) and without the read permission (403)', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/digital-signature/requests',
      headers: sender,
      payload: { entity_type: 'invoice', entity_id: 1, title: 'Open', signers: [{ signer_name: 'A B' }] },
    });
    const id = created.json().data.id;
    for (const kind of ['certificate', 'evidence']) {
      const open = await get(`/requests/${id}/${kind}`);
      expect([open.statusCode, open.json().code]).toEqual([
        409,
        verificationErrors.REQUEST_NOT_COMPLETED.api,
      ]);
      expect((await get(`/requests/${id}/${kind}`, reader)).statusCode).toBe(403);
      expect((await get(`/requests/${id}/${kind}`, {})).statusCode).toBe(401);
    }
  });

  it('evidence: hashes before/after each signature, events with IP and user agent, consent; verifies offline', async () => {
    const done = await completedRequest(t, sender, {
      language: 'en',
      title: 'Annual service contract',
      names: ['Alice Customer', 'Bob Company'],
      consent: 'I agree to sign electronically',
    });
    const res = await get(`/requests/${done.id}/evidence`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(`${done.request_number}-evidence.json`);
    // Made at completion and kept: the download is the stored file, byte for byte.
    expect(sha256(res.rawPayload)).toBe((await stored(done.id)).evidence_key);
    const file: EvidenceFile = res.json();
    const { statement } = file;
    const [doc] = statement.documents;
    expect(doc!.history.map((h) => h.signature_number)).toEqual([
      done.signatures[0]!.signature_number,
      done.signatures[1]!.signature_number,
      null,
    ]);
    expect(doc!.history[0]!.before).toBe(doc!.sent.sha256);
    expect(doc!.history[1]!.before).toBe(doc!.history[0]!.after.sha256);
    expect(doc!.history[2]!.after.sha256).toBe(doc!.final.sha256);
    const alice = statement.signers.find((s) => s.signer_name === 'Alice Customer')!;
    expect(alice.signature).toMatchObject({
      consent_given: true,
      consent_text: 'I agree to sign electronically',
      user_agent: PHONE_UA,
      ip_address: '127.0.0.1',
    });
    expect(alice.events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['signing.request.viewed', 'signing.request.signed']),
    );
    expect(alice.events.find((e) => e.action === 'signing.request.signed')).toMatchObject({
      ip: '127.0.0.1',
      user_agent: PHONE_UA,
    });
    expect(statement.request_events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['signing.request.sent', 'signing.request.completed', 'signing.request.sealed']),
    );

    const ok = verifyEvidence(file, file.audit.public_key.key_id);
    expect(ok.problems).toEqual([]);
    expect(ok.isValid).toBe(true);

    // Flip a field of a proved event: its leaf no longer matches the inclusion proof.
    const event = copy(file);
    const signed = event.audit.events.find((e) => e.action === 'signing.request.signed')!;
    signed.ip = '10.6.6.6';
    expect(verifyEvidence(event).isValid).toBe(false);
    // Flip a fact of the statement: the seal breaks.
    const consent = copy(file);
    consent.statement.signers[0]!.signature!.consent_text = 'something else';
    expect(verifyEvidence(consent).problems).toContain('the statement’s seal does not verify (altered)');
    const hash = copy(file);
    hash.statement.documents[0]!.history[0]!.after.sha256 = '0'.repeat(64);
    expect(verifyEvidence(hash).isValid).toBe(false);
    // Drop an event from the bundle: the signed selection names it.
    const dropped = copy(file);
    dropped.audit.events.pop();
    expect(verifyEvidence(dropped).isValid).toBe(false);
    // Another key than the published one.
    expect(verifyEvidence(file, '0000000000000000').isValid).toBe(false);
  });

  for (const c of [
    {
      language: 'he' as const,
      title: 'חוזה שירות שנתי',
      names: ['ישראל ישראלי', 'מנהל החברה'] as [string, string],
      consent: 'אני מאשר/ת שקראתי והבנתי את המסמך',
      expected: ['תעודת השלמה', 'ישראל ישראלי', 'אני מאשר/ת שקראתי והבנתי את המסמך'],
    },
    {
      language: 'zh-CN' as const,
      title: '年度服务合同',
      names: ['王小明', '公司经理'] as [string, string],
      consent: '我已阅读并理解该文件，同意以电子方式签署',
      expected: ['完成证书', '王小明', '我已阅读并理解该文件，同意以电子方式签署', '年度服务合同'],
    },
  ]) {
    it(`certificate in ${c.language}: the text extracts, and the platform seal validates (PAdES)`, async () => {
      const done = await completedRequest(t, sender, c);
      const res = await get(`/requests/${done.id}/certificate`);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toContain('application/pdf');
      const pdf = res.rawPayload;
      expect(sha256(pdf)).toBe((await stored(done.id)).certificate_key);
      const text = pdftotext(pdf).replace(/\s+/g, ' ');
      for (const words of c.expected) expect(containsWords(text, words), `${words} in ${text}`).toBe(true);
      expect(text).not.toContain('\ufffd');
      expect(text).toContain(done.signatures[0]!.signature_number);
      expect(text).toContain(`/api/v1/digital-signature/verify/${done.signatures[0]!.signature_number}`);
      const root = await t.app.signx.trust.rootCertificate();
      const report = await validate(pdf, { trustAnchors: [root] });
      expect(report.isValid).toBe(true);
      const seal = report.signatures.find((s) => s.kind === 'signature')!;
      expect(seal.signerSubject).toContain('SignX Platform Seal');
      expect(seal.chain.isTrusted).toBe(true);
      expect(seal.level).toBe('B-LTA');
    });
  }
});
