import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  run,
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
      // The fixture itself must be a correct PDF for qpdf, or signing it proves little. The
      // hand-laid linearized layout has placeholder hint tables, which qpdf warns about (3).
      const original = qpdfCheck(writeTemp(dir, `original-${name}`, await fixture(name)));
      expect(original.status).toBe(name === 'linearized.pdf' ? 3 : 0);
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

describe('layouts written by qpdf (scripts/system-deps.sh installs it)', () => {
  const viaQpdf = async (name: string, args: string[]) => {
    const input = writeTemp(dir, `qpdf-in-${name}`, await fixture('two-pages.pdf'));
    const output = join(dir, `qpdf-${name}`);
    const made = run('qpdf', [...args, input, output]);
    expect(made.status, made.output).toBe(0);
    return readFileSync(output);
  };

  it('a linearized file (qpdf --linearize) signs; qpdf, pdfsig and our validator accept it', async () => {
    const linear = await viaQpdf('linear.pdf', ['--linearize']);
    expect(run('qpdf', ['--check-linearization', writeTemp(dir, 'linear-check.pdf', linear)]).status).toBe(0);
    const signed = await signPdf(linear, { signer });
    const file = writeTemp(dir, 'linear-signed.pdf', signed);
    expect(qpdfCheck(file).status).toBe(0);
    expect(lastPdfsigBlock(pdfsig(file, db).output)).toContain('Signature is Valid');
    const report = await validate(signed, { trustAnchors: [pki.root.certificate], revocation: 'off' });
    expect(report.signatures.at(-1)?.isValid).toBe(true);
  });

  it('generated object streams (qpdf --object-streams=generate) sign and validate', async () => {
    const packed = await viaQpdf('objstm.pdf', ['--object-streams=generate']);
    expect(packed.toString('latin1')).toContain('/ObjStm');
    const signed = await signPdf(packed, { signer });
    expect(qpdfCheck(writeTemp(dir, 'objstm-signed.pdf', signed)).status).toBe(0);
    const report = await validate(signed, { trustAnchors: [pki.root.certificate], revocation: 'off' });
    expect(report.signatures.at(-1)?.isValid).toBe(true);
  });

  it('an AES-256 encrypted file (qpdf --encrypt) is refused with ENCRYPTED', async () => {
    const locked = await viaQpdf('aes.pdf', ['--encrypt', '', 'owner', '256', '--']);
    await expect(signPdf(locked, { signer })).rejects.toMatchObject({ code: 'ENCRYPTED' });
  });
});
