import { beforeAll, describe, expect, it } from 'vitest';
import { signPdf, validate } from '../../src/index.js';
import type { Signer } from '../../src/pki/signer.js';
import {
  extractSignatures,
  mutoolVerify,
  opensslCmsVerify,
  pdfsig,
  qpdfCheck,
  writeTemp,
} from '../external-tools.js';
import { createSigningWorkspace, type TestPki } from '../test-pki.js';
import { CORPUS_PRESENT, corpus, lastPdfsigBlock, SIGNABLE } from './corpus.js';

/** Existing empty signature fields to sign into. */
const EMPTY_FIELD: Record<string, string> = {
  'minimal-with-field.pdf': 'Sig1',
  'minimal-two-fields.pdf': 'Sig2',
  'minimal-with-simple-form.pdf': 'Sig1',
  'simple-acroform-states.pdf': 'Signature',
};

let pki: TestPki;
let signer: Signer;
let dir: string;
let db: string;

describe.runIf(CORPUS_PRESENT)(
  'external corpus: B-B signing of every signable corpus file, checked by independent tools',
  () => {
    beforeAll(async () => {
      ({ pki, dir, db } = await createSigningWorkspace());
      signer = await pki.signer('Corpus Signer');
    });

    for (const name of SIGNABLE) {
      it(`${name}: qpdf, pdfsig, mutool, openssl and our validator accept the new signature`, async () => {
        const field = EMPTY_FIELD[name];
        const signed = await signPdf(corpus(name), {
          signer,
          fieldName: field,
          meaning: 'approval',
          reason: 'corpus test',
        });
        const file = writeTemp(dir, `signed-${name}`, signed);
        expect(qpdfCheck(file).status).toBe(0);
        const block = lastPdfsigBlock(pdfsig(file, db).output);
        expect(block).toContain('Signature is Valid');
        expect(block).toContain('Certificate is Trusted');
        expect(mutoolVerify(file).output).toMatch(/unchanged since signing/);
        const last = extractSignatures(signed).pop()!;
        expect(opensslCmsVerify(dir, last.cms, last.signed, pki.root.certificate).output).toContain(
          'Verification successful',
        );
        const report = await validate(signed, { trustAnchors: [pki.root.certificate], revocation: 'off' });
        const ours = report.signatures[report.signatures.length - 1]!;
        expect(ours.isValid).toBe(true);
        expect(ours.level).toBe('B-B');
        expect(ours.coverage.coversWholeFile).toBe(true);
      });
    }
  },
);
