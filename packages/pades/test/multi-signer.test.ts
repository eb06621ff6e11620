import { beforeAll, describe, expect, it } from 'vitest';
import { signPdf, validate } from '../src/index.js';
import { extractSignatures, opensslCmsVerify, pdfsig, qpdfCheck, writeTemp } from './external-tools.js';
import { fixture } from './fixtures/pdf-fixtures.js';
import { signedTwice } from './fixtures/signed-fixtures.js';
import { createSigningWorkspace, type TestPki } from './test-pki.js';

let pki: TestPki;
let dir: string;
let db: string;

beforeAll(async () => {
  ({ pki, dir, db } = await createSigningWorkspace());
});

const validateAll = (pdf: Uint8Array) =>
  validate(pdf, { trustAnchors: [pki.root.certificate], revocation: 'off' });

describe('several signers in sequence, RSA and ECDSA mixed', () => {
  it('keeps every earlier signature valid for pdfsig, openssl and our validator', async () => {
    let pdf: Uint8Array = await fixture('two-pages.pdf');
    pdf = await signPdf(pdf, { signer: await pki.signer('Alice RSA'), meaning: 'authorship', certify: 2 });
    pdf = await signPdf(pdf, { signer: await pki.signer('Bob EC', 'ec'), meaning: 'review' });
    pdf = await signPdf(pdf, { signer: await pki.signer('Carol RSA'), meaning: 'approval' });
    const file = writeTemp(dir, 'three.pdf', pdf);
    expect(qpdfCheck(file).status).toBe(0);
    const out = pdfsig(file, db).output;
    expect(out.match(/Signature is Valid/g)?.length).toBe(3);
    expect(out.match(/Certificate is Trusted/g)?.length).toBe(3);
    for (const s of extractSignatures(pdf)) {
      expect(opensslCmsVerify(dir, s.cms, s.signed, pki.root.certificate).output).toContain(
        'Verification successful',
      );
    }
    const report = await validateAll(pdf);
    expect(report.signatures.map((s) => s.isValid)).toEqual([true, true, true]);
    expect(report.signatures[0]!.docMdp).toBe(2);
    expect(report.signatures[0]!.coverage.restIsLaterRevisions).toBe(true);
    expect(report.signatures[0]!.changes.every((c) => c.allowed)).toBe(true);
  });

  it('adds a third signature to a PDF signed twice; the two earlier ones still verify', async () => {
    const original = await signedTwice(pki);
    const before = await validateAll(original);
    const pdf = await signPdf(original, { signer: await pki.signer('Dave Third') });
    const after = await validateAll(pdf);
    expect(after.signatures).toHaveLength(3);
    for (const i of [0, 1]) {
      expect(after.signatures[i]!.digestMatches).toBe(true);
      expect(after.signatures[i]!.signatureValid).toBe(true);
      expect(after.signatures[i]!.digestMatches).toBe(before.signatures[i]!.digestMatches);
      expect(after.signatures[i]!.changes.filter((c) => !c.allowed)).toEqual([]);
    }
    expect(after.signatures[2]!.isValid).toBe(true);
    const file = writeTemp(dir, 'third.pdf', pdf);
    expect(pdfsig(file, db).output.match(/Signature is Valid/g)?.length).toBe(3);
  });

  it('a byte flipped anywhere in a signed range invalidates that signature (ours and openssl)', async () => {
    const pdf = Buffer.from(
      await signPdf(await fixture('minimal.pdf'), { signer: await pki.signer('Flip Test') }),
    );
    const [sig] = extractSignatures(pdf);
    const range = pdf
      .toString('latin1')
      .match(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)/)!
      .slice(1)
      .map(Number);
    const positions = [
      0,
      5,
      Math.floor(range[1]! / 2),
      range[1]! - 1,
      range[2]!,
      range[2]! + Math.floor(range[3]! / 2),
      pdf.length - 1,
    ];
    for (const pos of positions) {
      const bad = Buffer.from(pdf);
      bad[pos] = bad[pos]! ^ 0x01;
      let valid: boolean;
      try {
        const report = await validateAll(bad);
        valid = report.signatures.length === 1 && report.signatures[0]!.isValid;
      } catch {
        valid = false;
      }
      expect(valid, `flip at ${pos}`).toBe(false);
      const flipped = Buffer.concat([bad.subarray(0, range[1]!), bad.subarray(range[2]!)]);
      expect(opensslCmsVerify(dir, sig!.cms, flipped, pki.root.certificate).output).not.toContain(
        'Verification successful',
      );
    }
  });

  it('flags a page-content change made after signing, and DocMDP P1 forbids even a new signature', async () => {
    const signed = await signPdf(await fixture('minimal.pdf'), {
      signer: await pki.signer('Certifier'),
      certify: 1,
    });
    const tampered = Buffer.concat([
      Buffer.from(signed),
      Buffer.from('\n4 0 obj\n<< /Length 20 >>\nstream\nBT /F1 30 Tf ET    \nendstream\nendobj\n'),
    ]);
    const xrefAt = tampered.length;
    const prev = Buffer.from(signed)
      .toString('latin1')
      .match(/startxref\s+(\d+)\s+%%EOF\s*$/)![1];
    const withXref = Buffer.concat([
      tampered,
      Buffer.from(
        `xref\n4 1\n${String(signed.length + 1).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 20 /Root 1 0 R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`,
      ),
    ]);
    const report = await validateAll(withXref);
    expect(report.signatures[0]!.changes.some((c) => !c.allowed && c.kind === 'page-content')).toBe(true);
    expect(report.signatures[0]!.isValid).toBe(false);
    await expect(signPdf(signed, { signer: await pki.signer('Second'), certify: 2 })).rejects.toThrow(
      /first signature/,
    );
    const second = await signPdf(signed, { signer: await pki.signer('Second') });
    const r2 = await validateAll(second);
    expect(r2.signatures[0]!.docMdp).toBe(1);
    expect(r2.signatures[0]!.isValid).toBe(false);
    expect(r2.signatures[1]!.isValid).toBe(true);
  });
});
