import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificatesFromPem, validate } from '@signx/pades';
import { PDFDocument, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../test/test-principal.js';
import { manualClock } from '../../platform/db/clock.js';
import { documents } from '../documents/index.js';
import { modules } from '../index.js';
import { can } from './signing.catalogue.js';
import { signingErrors } from './signing.errors.js';

/**
 * Signing with the signer's own PKCS#12 (made here with openssl: a small CA and a leaf),
 * JPEG signature images (made with poppler's pdftoppm, EXIF added), and the "declined"
 * stamp sealed into a rejected request's document.
 */
const sender = asUser('019a0000-0000-7000-8000-0000000000f7', Object.values(can));
const clock = manualClock(new Date().toISOString());
const api = '/api/v1/digital-signature';
const dir = mkdtempSync(join(tmpdir(), 'signx-own-cert-'));
let t: TestApp;

const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
const call = (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url: `${api}${url}`, headers, ...(payload ? { payload } : {}) });

/** A leaf certificate from a throw-away CA, exported as PKCS#12 with `password`. */
function makeP12(name: string, keyUsage: string, password: string, days = 30): Buffer {
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '60',
    '-subj',
    '/CN=Own Test CA',
  ]);
  openssl([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/CN=Miriam Cohen/O=${name}`,
  ]);
  writeFileSync(join(dir, `${name}.ext`), `keyUsage=critical,${keyUsage}\nbasicConstraints=CA:FALSE\n`);
  openssl([
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    `${name}.pem`,
    '-days',
    String(days),
    '-extfile',
    `${name}.ext`,
  ]);
  openssl([
    'pkcs12',
    '-export',
    '-inkey',
    `${name}.key`,
    '-in',
    `${name}.pem`,
    '-certfile',
    'ca.pem',
    '-out',
    `${name}.p12`,
    '-passout',
    `pass:${password}`,
  ]);
  if (clock.now() < new Date()) clock.set(new Date().toISOString()); // the certificate starts now
  return readFileSync(join(dir, `${name}.p12`));
}

/** A real JPEG (poppler renders a drawn stroke) with an EXIF segment carrying a GPS position. */
async function jpegWithExif(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc
    .addPage([120, 40])
    .drawLine({ start: { x: 10, y: 10 }, end: { x: 110, y: 30 }, thickness: 3, color: rgb(0, 0, 0.5) });
  writeFileSync(join(dir, 'mark.pdf'), await doc.save());
  execFileSync('pdftoppm', ['-jpeg', '-r', '72', '-singlefile', 'mark.pdf', 'mark'], { cwd: dir });
  const jpeg = readFileSync(join(dir, 'mark.jpg'));
  const exif = Buffer.from('Exif\0\0GPSLatitude=32.0853;Camera=SecretPhone', 'latin1');
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, 0]), exif]);
  app1.writeUInt16BE(exif.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

/** A sent one-signer request on a template allowing `types`; answers its id and link token. */
async function request(code: string, allow: Record<string, boolean>, signer = 'Miriam Cohen') {
  await call(
    'POST',
    '/templates',
    { template_name: code, template_code: code, entity_type: 'contract', ...allow },
    sender,
  );
  const created = await call(
    'POST',
    '/requests',
    {
      entity_type: 'contract',
      entity_id: 31,
      title: 'Supply agreement',
      template_code: code,
      signers: [{ signer_name: signer, signer_email: 'miriam@example.com' }],
    },
    sender,
  );
  const id = created.json().data.id as string;
  const [link] = (await call('POST', `/requests/${id}/send`, undefined, sender)).json().data.links;
  return { id, token: link.token as string };
}

const signatureCount = async () =>
  (await t.database.db.selectFrom('digital_signatures').select('id').execute()).length;
async function currentPdf(id: string): Promise<Uint8Array> {
  const doc = (await call('GET', `/requests/${id}`, undefined, sender)).json().data.documents[0];
  const current = await documents.current(t.database.db, doc.document_id);
  return documents.read(t.app.signx, current.sha256);
}

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule], clock } });
});
afterAll(() => t.close());

describe('certificate signatures with the signer’s own PKCS#12', () => {
  it('signs with the uploaded certificate (subject and serial on the record), sealed to B-LTA; nothing of the file kept', async () => {
    const p12 = makeP12('good', 'digitalSignature,nonRepudiation', 's3cret pass');
    const r = await request('OWN-CERT', { allow_certificate_signature: true });
    const signed = await call('POST', '/sign', {
      token: r.token,
      signature_type: 'certificate',
      signature_data: 'Miriam Cohen',
      certificate_p12: p12.toString('base64'),
      certificate_password: 's3cret pass',
      consent_given: true,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const row = await t.database.db
      .selectFrom('digital_signatures')
      .selectAll()
      .where('request_id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(row.certificate_subject).toContain('Miriam Cohen');
    expect(row.certificate_subject).toContain('good');
    expect(signed.json().data.signature.certificate_serial).toBe(row.certificate_serial);
    expect(JSON.stringify(row)).not.toContain('s3cret');
    expect(JSON.stringify(row)).not.toContain(p12.toString('base64').slice(0, 40));
    // Verify by number checks the PDF signature's cryptography, not a chain to the platform root.
    const verified = await call('GET', `/verify/${row.signature_number}`, undefined, {});
    expect(verified.json()).toMatchObject({
      valid: true,
      document_valid: true,
      signature_type: 'certificate',
    });

    await t.app.signx.jobs.drain();
    const done = (await call('GET', `/requests/${r.id}`, undefined, sender)).json().data;
    expect(done).toMatchObject({ status: 'completed', seal_status: 'sealed' });
    const pdf = await currentPdf(r.id);
    const root = await t.app.signx.trust.rootCertificate();
    const ca = certificatesFromPem(readFileSync(join(dir, 'ca.pem'), 'utf8'))[0] as Uint8Array;
    const report = await validate(pdf, { trustAnchors: [root, ca] });
    const sigs = report.signatures.filter((s) => s.kind === 'signature');
    expect(sigs[0]?.signerSubject).toContain('Miriam Cohen');
    expect(sigs[0]?.signerSubject).toContain('good');
    expect(sigs[0]).toMatchObject({ digestMatches: true, signatureValid: true });
    expect(sigs[0]?.chain.path.join(' ')).toContain('Own Test CA');
    expect(sigs.at(-1)?.signerSubject).toContain('SignX Platform Seal');
    expect(report.signatures.at(-1)?.kind).toBe('document-timestamp');
  });

  it('a wrong password, an encipherment-only or expired certificate, or a template without certificates: clear error, nothing stored', async () => {
    const before = await signatureCount();
    const r = await request('OWN-CERT-2', { allow_certificate_signature: true });
    const body = (p12: Buffer, password: string) => ({
      token: r.token,
      signature_type: 'certificate',
      signature_data: 'Miriam Cohen',
      certificate_p12: p12.toString('base64'),
      certificate_password: password,
      consent_given: true,
    });
    const wrong = await call('POST', '/sign', body(makeP12('pw', 'digitalSignature', 'right'), 'hunter-xyz'));
    expect([wrong.statusCode, wrong.json().code]).toEqual([
      400,
      signingErrors.CERTIFICATE_PASSWORD_WRONG.api,
    ]);
    expect(wrong.body).not.toContain('hunter-xyz');
    const enc = await call('POST', '/sign', body(makeP12('enc', 'keyEncipherment', 'pw'), 'pw'));
    expect(enc.json().code).toBe(signingErrors.CERTIFICATE_UNUSABLE.api);
    const garbage = await call('POST', '/sign', body(Buffer.from('not a pkcs12 file at all'), 'pw'));
    expect(garbage.json().code).toBe(signingErrors.CERTIFICATE_UNUSABLE.api);
    const shortLived = makeP12('short', 'digitalSignature', 'pw', 1);
    clock.advance(2 * 86_400_000);
    const expired = await call('POST', '/sign', body(shortLived, 'pw'));
    expect(expired.json().code).toBe(signingErrors.CERTIFICATE_UNUSABLE.api);
    expect(expired.json().message).toMatch(/valid from/);
    const plain = await request('NO-CERT', {});
    const refused = await call('POST', '/sign', { ...body(shortLived, 'pw'), token: plain.token });
    expect(refused.json().code).toBe(signingErrors.SIGNATURE_TYPE_NOT_ALLOWED.api);
    expect(await signatureCount()).toBe(before);
  });
});

describe('JPEG signature images', () => {
  it('accepts a JPEG by content, strips its EXIF, and signs', async () => {
    const jpeg = await jpegWithExif();
    const r = await request('JPEG-OK', { allow_image_signature: true });
    const signed = await call('POST', '/sign', {
      token: r.token,
      signature_type: 'image',
      signature_data: `data:image/png;base64,${jpeg.toString('base64')}`, // declared type is ignored
      consent_given: true,
    });
    expect(signed.statusCode).toBe(201);
    const pdf = Buffer.from(await currentPdf(r.id));
    expect(pdf.includes(Buffer.from('SecretPhone'))).toBe(false);
    expect(pdf.includes(Buffer.from('/DCTDecode'))).toBe(true);
    const truncated = await request('JPEG-BAD', { allow_image_signature: true });
    const bad = await call('POST', '/sign', {
      token: truncated.token,
      signature_type: 'image',
      signature_data: `data:image/jpeg;base64,${jpeg.subarray(0, 200).toString('base64')}`,
      consent_given: true,
    });
    expect(bad.json().code).toBe(signingErrors.BAD_SIGNATURE_DATA.api);
  });
});

describe('decline', () => {
  it('stamps the document "declined" (who, reason, time, in its language) and still seals it', async () => {
    const created = await call(
      'POST',
      '/requests',
      {
        entity_type: 'contract',
        entity_id: 32,
        title: 'הסכם אספקה',
        language: 'he',
        signers: [{ signer_name: 'דנה לוי', signer_email: 'dana@example.com' }],
      },
      sender,
    );
    const id = created.json().data.id as string;
    const [link] = (await call('POST', `/requests/${id}/send`, undefined, sender)).json().data.links;
    const declined = await call('POST', '/decline', { token: link.token, reason: 'המחיר שגוי' });
    expect(declined.json().data).toMatchObject({ status: 'rejected', seal_status: 'pending' });
    await t.app.signx.jobs.drain();
    const done = (await call('GET', `/requests/${id}`, undefined, sender)).json().data;
    expect(done).toMatchObject({ status: 'rejected', seal_status: 'sealed' });
    const pdf = await currentPdf(id);
    const root = await t.app.signx.trust.rootCertificate();
    const report = await validate(pdf, { trustAnchors: [root] });
    expect(report.isValid).toBe(true);
    expect(report.signatures.at(-1)?.kind).toBe('document-timestamp');
    writeFileSync(join(dir, 'declined.pdf'), pdf);
    const text = execFileSync('pdftotext', ['declined.pdf', '-'], { cwd: dir }).toString('utf8');
    for (const word of ['נדחה', 'דנה לוי', 'המחיר שגוי']) expect(text).toContain(word);
    const actions = (
      await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', id).execute()
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['signing.request.declined', 'signing.request.sealed']));
  });
});
