import { writeFile } from 'node:fs/promises';
import { validate } from '@signx/pades';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  containsWords,
  documentPolicy,
  pdfDocument,
  pdftotext,
  storedFileOf,
} from '../../../test/records-documents-kit.js';
import {
  createRecordsTestApp,
  createSigner,
  type RecordsTestApp,
  type Signer,
} from '../../../test/records-kit.js';
import { pdfsig } from '../../../test/signing-kit.js';
import { documents } from '../documents/index.js';
import { manifestationChecks } from './pades-check.js';
import { recordsErrors } from './records.errors.js';

// §11.50 (manifestation in the signed PDF), §11.70 (the PDF linked to the signature record).
let t: RecordsTestApp;
let wang: Signer;
const db = () => t.app.signx.db;
const verify = (signatureId: string) => t.post('/signature/verify', wang.token, { signatureId });

async function sign(documentId: string, extra: object = {}) {
  t.clock.advance(31_000);
  return t.post('/signature/create', wang.token, {
    userId: wang.id,
    resourceId: documentId,
    resourceType: 'document',
    operationType: 'approve',
    signatureMean: 'approval',
    reason: '放行 batch 42',
    credentials: { password: 'Correct-Horse-7-Battery', totp: t.totp(wang) },
    language: 'zh-CN',
    ...extra,
  });
}

beforeAll(async () => {
  t = await createRecordsTestApp();
  const policy = await t.post('/signature/policies', t.adminToken, documentPolicy);
  if (policy.statusCode !== 201) throw new Error(policy.body);
  wang = await createSigner(t, 'wang');
  await db().updateTable('users').set({ full_name: '王芳 Wang Fang' }).where('id', '=', wang.id).execute();
});
afterAll(() => t.close());

describe('the PAdES manifestation of a records signature on a PDF', () => {
  it('files a new PDF version with a valid PAdES signature showing name, time with zone and meaning', async () => {
    const documentId = await pdfDocument(t, wang, 'batch-42');
    const before = await documents.current(db(), documentId);
    const res = await sign(documentId);
    expect(res.statusCode, res.body).toBe(201);
    const signature = res.json().data.signature;
    expect(signature).toMatchObject({
      record_version: '1',
      record_sha256: before.sha256,
      pades_document_version: 2,
      pades_time_zone: 'Asia/Shanghai',
    });
    const current = await documents.current(db(), documentId);
    expect([current.version, current.sha256]).toEqual([2, signature.pades_sha256]);
    const pdf = await documents.read(t.app.signx, current.sha256);
    const root = await t.app.signx.trust.rootCertificate();
    const report = await validate(pdf, { trustAnchors: [root] });
    const own = report.signatures.find((s) => s.fieldName === `SignX_Record_${signature.signature_id}`);
    expect(own).toMatchObject({ isValid: true, level: 'B-T', declaredName: '王芳 Wang Fang' });
    expect(own?.reason).toBe('approval: 放行 batch 42');
    const poppler = pdfsig(pdf, root);
    expect(poppler.out).toContain('Signature is Valid');
    // Server time 2026-11-22T08:0x UTC, shown in the policy's zone (UTC+08:00).
    const at = new Date(signature.timestamp as string);
    const local = new Date(at.getTime() + 8 * 3600_000).toISOString();
    const shown = `${local.slice(0, 10)} ${local.slice(11, 19)} UTC+08:00`;
    const text = pdftotext(pdf).replace(/\s+/g, ' ');
    for (const words of ['王芳 Wang Fang', shown, '批准 (approval)', '含义', '放行 batch 42'])
      expect(containsWords(text, words), `${words} in ${text}`).toBe(true);
    const checked = await verify(signature.signature_id);
    expect(checked.json().data).toMatchObject({ valid: true, problems: [], covers_current_version: true });
    expect(
      checked.json().data.pades_checks.map((c: { check: string; ok: boolean }) => [c.check, c.ok]),
    ).toEqual([
      ['pdf_integrity', true],
      ['pades_signature', true],
      ['manifestation_name', true],
      ['manifestation_time', true],
      ['manifestation_meaning', true],
      ['pades_level', true],
    ]);
  });

  it('shows Hebrew captions and name, and a meaning outside the PAdES list by its code', async () => {
    await db().updateTable('users').set({ full_name: 'דנה כהן' }).where('id', '=', wang.id).execute();
    const documentId = await pdfDocument(t, wang, 'batch-43');
    const res = await sign(documentId, { language: 'he', signatureMean: 'confirmation', reason: null });
    expect(res.statusCode, res.body).toBe(201);
    const pdf = await documents.read(t.app.signx, res.json().data.signature.pades_sha256);
    const text = pdftotext(pdf).replace(/\s+/g, ' ');
    for (const words of ['דנה כהן', 'אימות', 'confirmation', 'משמעות'])
      expect(containsWords(text, words), `${words} in ${text}`).toBe(true);
    expect(text).not.toContain('\ufffd');
    await db().updateTable('users').set({ full_name: '王芳 Wang Fang' }).where('id', '=', wang.id).execute();
  });

  it('a flipped byte in the signed PDF fails verification', async () => {
    const documentId = await pdfDocument(t, wang, 'batch-44');
    const signature = (await sign(documentId)).json().data.signature;
    const pdf = await documents.read(t.app.signx, signature.pades_sha256);
    const flipped = Buffer.from(pdf);
    const at = flipped.indexOf('/Type /Page') + 2;
    flipped[at] = (flipped[at] ?? 0) ^ 0x01;
    const root = await t.app.signx.trust.rootCertificate();
    const expected = {
      sha256: signature.pades_sha256,
      fieldName: `SignX_Record_${signature.signature_id}`,
      signerName: '王芳 Wang Fang',
      timestamp: signature.timestamp,
      meaning: 'approval',
    };
    const checks = await manifestationChecks(flipped, root, expected);
    const failed = checks.filter((c) => !c.ok).map((c) => c.check);
    expect(failed).toEqual(expect.arrayContaining(['pdf_integrity', 'pades_signature']));
    // In storage: the stored version no longer matches its hash, so verification fails.
    await writeFile(await storedFileOf(t.dataDir, signature.pades_sha256), flipped);
    const checked = (await verify(signature.signature_id)).json().data;
    expect(checked.valid).toBe(false);
    expect(checked.pades_checks).toEqual([expect.objectContaining({ check: 'pdf_integrity', ok: false })]);
    const row = await db()
      .selectFrom('records_signatures')
      .select('verification_status')
      .where('id', '=', signature.signature_id)
      .executeTakeFirstOrThrow();
    expect(row.verification_status).toBe('invalid');
  });

  it('a meaning changed in the database: the PDF still shows the original and verify flags it', async () => {
    const documentId = await pdfDocument(t, wang, 'batch-45');
    const signature = (await sign(documentId)).json().data.signature;
    await db()
      .updateTable('records_signatures')
      .set({ signature_mean: 'review' })
      .where('id', '=', signature.signature_id)
      .execute();
    const pdf = await documents.read(t.app.signx, signature.pades_sha256);
    const text = pdftotext(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('批准 (approval)');
    expect(text).not.toContain('(review)');
    const checked = (await verify(signature.signature_id)).json().data;
    expect(checked.valid).toBe(false);
    const failed = checked.pades_checks.filter((c: { ok: boolean }) => !c.ok);
    expect(failed).toEqual([expect.objectContaining({ check: 'manifestation_meaning', ok: false })]);
    expect(failed[0].detail).toContain('"approval"');
    expect(checked.problems).toEqual(
      expect.arrayContaining([
        'signature_mean differs from what was signed',
        'the audit trail records another meaning or record than the stored signature',
      ]),
    );
  });

  it('refuses a PDF that cannot be signed with 40030 and stores nothing', async () => {
    // Sniffed as a PDF by its header, but no document pades can sign.
    const documentId = await pdfDocument(t, wang, 'batch-46', Buffer.from('%PDF-1.4\n%%EOF\n'));
    const count = async () => (await db().selectFrom('records_signatures').select('id').execute()).length;
    const signaturesBefore = await count();
    const res = await sign(documentId);
    expect([res.statusCode, res.json().code]).toEqual([400, recordsErrors.PDF_NOT_SIGNABLE.api]);
    expect(await count()).toBe(signaturesBefore);
    expect((await documents.current(db(), documentId)).version).toBe(1);
  });
});
