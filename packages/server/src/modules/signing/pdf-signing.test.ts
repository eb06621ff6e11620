import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addDss,
  createIssuingCa,
  createRootCa,
  type DssGap,
  isPadesError,
  issueSignerCertificate,
  signPdf,
  validate,
} from '@signx/pades';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pngDataUrl } from '../../../test/signing-kit.js';
import { createPlatformTrust } from '../../platform/trust/platform-trust.js';
import { sealToLta, signForSigner } from './pdf-signing.js';
import { parseSignatureMark } from './signature-input.js';

/** A PDF a third party signed first (their own CA, responders SignX cannot reach), then our signer. */
async function foreignThenOurs() {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('Purchase order countersigned on SignX', { x: 40, y: 780 });
  const theirRoot = await createRootCa({ commonName: 'Other Co Root' });
  const theirCa = await createIssuingCa(theirRoot, { commonName: 'Other Co Issuing' });
  const theirs = await issueSignerCertificate(theirCa, {
    legalName: 'Other Co Buyer',
    ocspUrl: 'http://other-co.example/ocsp',
    crlUrl: 'http://other-co.example/ca.crl',
  });
  const foreign = await signPdf(await doc.save(), { signer: theirs.signer, fieldName: 'Buyer' });
  const trust = createPlatformTrust({
    dataDir: mkdtempSync(join(tmpdir(), 'signx-seal-foreign-')),
    publicUrl: 'http://signx.test',
  });
  const issued = await trust.issueSigner({ name: 'Our Seller' });
  const signed = await signForSigner(foreign, {
    signer: issued.signer,
    timestamper: await trust.timestamper(),
    mark: parseSignatureMark('drawn', pngDataUrl()),
    printedName: 'Our Seller',
    reason: 'Countersigned',
    signedAt: new Date(),
    index: 0,
    language: 'en',
  });
  return { signed, trust, theirRoot };
}

describe('sealToLta over a third party’s signature', () => {
  it('seals to B-LTA, extends what it can and reports the foreign signature it could not, instead of refusing', async () => {
    const { signed, trust, theirRoot } = await foreignThenOurs();
    const asked: string[] = [];
    const offline: typeof fetch = async (url) => {
      asked.push(String(url));
      throw new Error('connect ECONNREFUSED');
    };
    const gaps: DssGap[] = [];
    const sealed = await sealToLta(signed, trust, {
      ownFields: ['SignX_Signature_1'],
      fetch: offline,
      onGap: (g) => gaps.push(g),
    });

    // Only the foreign signature is reported, with its certificate's subject and why.
    expect(gaps.map((g) => g.fieldName)).toEqual(['Buyer']);
    expect(gaps[0]!.subject).toContain('Other Co Buyer');
    expect(gaps[0]!.reasons.join(' ')).toMatch(/gave no usable answer|could not|no /i);
    // The responders the foreign certificate names were asked through the given fetch.
    expect(asked.some((u) => u.startsWith('http://other-co.example/'))).toBe(true);

    const report = await validate(sealed, {
      trustAnchors: [await trust.rootCertificate(), theirRoot.certificate],
      revocation: 'embedded',
    });
    const byField = new Map(report.signatures.map((s) => [s.fieldName, s]));
    expect(byField.get('SignX_Signature_1')?.level).toBe('B-LTA');
    expect(byField.get('SignX_Platform_Seal')?.level).toBe('B-LTA');
    expect(byField.get('SignX_Signature_1')?.revocation.inFile).toBe(true);
    // The foreign signature is untouched and still verifies; its revocation data is not in the file.
    expect(byField.get('Buyer')?.digestMatches).toBe(true);
    expect(byField.get('Buyer')?.signatureValid).toBe(true);
    expect(report.signatures.at(-1)?.kind).toBe('document-timestamp');
  });

  it('needed the option: requiring every signature (the engine default, the seal before) refuses this file', async () => {
    const { signed, trust } = await foreignThenOurs();
    const err = await addDss(signed, await trust.revocationSources()).catch((e: unknown) => e);
    expect(isPadesError(err) && err.code).toBe('REVOCATION_UNAVAILABLE');
  });
});
