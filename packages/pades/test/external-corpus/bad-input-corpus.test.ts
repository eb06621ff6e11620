import { describe, expect, it } from 'vitest';
import { isPadesError, PdfReader, signPdf, validate } from '../../src/index.js';
import { createTestPki } from '../test-pki.js';
import { CORPUS_PRESENT, corpus } from './corpus.js';

async function codeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return 'no error';
  } catch (err) {
    return isPadesError(err) ? err.code : `untyped: ${String(err)}`;
  }
}

describe.runIf(CORPUS_PRESENT)('external corpus: damaged and encrypted files made by other software', () => {
  const pki = createTestPki();
  const sign = async (pdf: Uint8Array) => signPdf(pdf, { signer: await (await pki).signer('Bad Input') });

  it('minimal-aes256.pdf (AES-256) is refused with ENCRYPTED for signing and validation', async () => {
    expect(await codeOf(() => sign(corpus('minimal-aes256.pdf')))).toBe('ENCRYPTED');
    expect(await codeOf(() => validate(corpus('minimal-aes256.pdf'), { trustAnchors: [] }))).toBe(
      'ENCRYPTED',
    );
  });

  it('broken-objstream1.pdf is refused with MALFORMED_PDF', async () => {
    expect(await codeOf(() => sign(corpus('broken-objstream1.pdf')))).toBe('MALFORMED_PDF');
  });

  it('minimal-badxref.pdf is read leniently and signed', async () => {
    const signed = await sign(corpus('minimal-badxref.pdf'));
    expect(new PdfReader(signed).sections.length).toBe(2);
  });
});
