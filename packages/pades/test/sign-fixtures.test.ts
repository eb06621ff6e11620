import { beforeAll, describe, expect, it } from 'vitest';
import { signPdf, validate } from '../src/index.js';
import type { Signer } from '../src/pki/signer.js';
import { lastPdfsigBlock } from './external-corpus/corpus.js';
import {
  extractSignatures,
  mutoolVerify,
  opensslCmsVerify,
  pdfsig,
  qpdfCheck,
  writeTemp,
} from './external-tools.js';
import { EMPTY_FIELD, fixture, SIGNABLE_FIXTURES } from './fixtures/pdf-fixtures.js';
import { createSigningWorkspace, type TestPki } from './test-pki.js';

let pki: TestPki;
let signer: Signer;
let dir: string;
let db: string;

beforeAll(async () => {
  ({ pki, dir, db } = await createSigningWorkspace());
  signer = await pki.signer('Fixture Signer');
});

describe('B-B signing of every layout the repository generates, checked by independent tools', () => {
  for (const name of SIGNABLE_FIXTURES) {
    it(`${name}: qpdf, pdfsig, mutool, openssl and our validator accept the new signature`, async () => {
      const signed = await signPdf(await fixture(name), {
        signer,
        fieldName: EMPTY_FIELD[name],
        meaning: 'approval',
        reason: 'fixture test',
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
});
