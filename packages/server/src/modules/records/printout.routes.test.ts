import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../../../test/identity-fixtures.js';
import {
  containsWords,
  documentPolicy,
  pdfDocument,
  pdftotext,
} from '../../../test/records-documents-kit.js';
import {
  api,
  createRecordsTestApp,
  createSigner,
  type RecordsTestApp,
  type Signer,
} from '../../../test/records-kit.js';

// Annex 11 §8.1/§8.2 printouts, Part 11 §11.10(b) readable copies and §11.50 manifestation.
let t: RecordsTestApp;
let wang: Signer;
let other: Signer;
const db = () => t.app.signx.db;
const printout = (id: string, query: string, token = wang.token) =>
  t.app.inject({
    method: 'GET',
    url: `${api}/signature/details/${id}/printout?${query}`,
    headers: bearer(token),
  });

async function signedDocument(title: string): Promise<{ documentId: string; signatureId: string }> {
  const documentId = await pdfDocument(t, wang, title);
  t.clock.advance(31_000);
  const res = await t.post('/signature/create', wang.token, {
    userId: wang.id,
    resourceId: documentId,
    resourceType: 'document',
    operationType: 'approve',
    signatureMean: 'approval',
    reason: '放行',
    credentials: { password: 'Correct-Horse-7-Battery', totp: t.totp(wang) },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return { documentId, signatureId: res.json().data.signature.signature_id as string };
}

beforeAll(async () => {
  t = await createRecordsTestApp();
  await t.post('/signature/policies', t.adminToken, documentPolicy);
  wang = await createSigner(t, 'wang');
  other = await createSigner(t, 'other', '739261');
  await db().updateTable('users').set({ full_name: '王芳 Wang Fang' }).where('id', '=', wang.id).execute();
});
afterAll(() => t.close());

describe('signature printouts', () => {
  it('JSON: name, time with zone, meaning, reason, hash, status, and a renamed record’s original title', async () => {
    const { documentId, signatureId } = await signedDocument('batch-50');
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `${api}/documents/${documentId}`,
      headers: bearer(t.adminToken),
      payload: { title: 'Batch 50 (renamed)' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const res = await printout(signatureId, 'format=json&language=zh-CN');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const body = JSON.parse(res.body);
    expect(body).toMatchObject({
      signer_name: '王芳 Wang Fang',
      time_zone: 'Asia/Shanghai',
      signature_mean: 'approval',
      meaning_label: '批准 (approval)',
      reason: '放行',
      pades_document_version: 2,
      verification: { valid: true, problems: [] },
    });
    expect(body.time_display).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\+08:00 \(Asia\/Shanghai\)$/);
    expect(body.changed_fields).toEqual([
      expect.objectContaining({
        source: 'record',
        field: 'title',
        original: 'batch-50',
        current: 'Batch 50 (renamed)',
        changed_by: 'root',
      }),
    ]);
  });

  it('PDF: the printout text shows the manifestation and marks a meaning edited in the database with its original', async () => {
    const { signatureId } = await signedDocument('batch-51');
    const clean = await printout(signatureId, 'format=pdf&language=en');
    expect(clean.headers['content-type']).toContain('application/pdf');
    const cleanText = pdftotext(clean.rawPayload).replace(/\s+/g, ' ');
    for (const words of [
      'Signed by: 王芳 Wang Fang',
      'UTC+08:00 (Asia/Shanghai)',
      'Meaning: Approval (approval)',
      'Verification: valid',
    ])
      expect(cleanText, words).toContain(words);
    expect(cleanText).toContain('Fields changed since first entry: none');
    await db()
      .updateTable('records_signatures')
      .set({ signature_mean: 'review' })
      .where('id', '=', signatureId)
      .execute();
    const json = JSON.parse((await printout(signatureId, 'format=json')).body);
    expect(json.verification.valid).toBe(false);
    expect(json.changed_fields).toEqual([
      expect.objectContaining({
        source: 'signature',
        field: 'signature_mean',
        original: 'approval',
        current: 'review',
      }),
    ]);
    const he = pdftotext((await printout(signatureId, 'format=pdf&language=he')).rawPayload).replace(
      /\s+/g,
      ' ',
    );
    for (const words of ['לא תקף', 'ערך מקורי', 'approval', 'review'])
      expect(containsWords(he, words), `${words} in ${he}`).toBe(true);
    expect(he).not.toContain('\ufffd');
  });

  it('another person’s signature is not found; a bad format is refused', async () => {
    const { signatureId } = await signedDocument('batch-52');
    expect((await printout(signatureId, 'format=pdf', other.token)).statusCode).toBe(404);
    const bad = await printout(signatureId, 'format=docx');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 40001]);
  });
});
