import { describe, expect, it } from 'vitest';
import { isPadesError, PdfReader, signPdf, validate } from '../src/index.js';
import { fixture } from './fixtures/pdf-fixtures.js';
import { createTestPki } from './test-pki.js';

async function codeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return 'no error';
  } catch (err) {
    return isPadesError(err) ? err.code : `untyped: ${String(err)}`;
  }
}

describe('bad input gets a typed PadesError, never a crash or hang', () => {
  const pki = createTestPki();
  const sign = async (pdf: Uint8Array) => signPdf(pdf, { signer: await (await pki).signer('Bad Input') });
  const check = (pdf: Uint8Array) => validate(pdf, { trustAnchors: [] });

  it('rejects an encrypted PDF (RC4, standard security handler) with ENCRYPTED for signing and validation', async () => {
    expect(await codeOf(async () => sign(await fixture('encrypted-rc4.pdf')))).toBe('ENCRYPTED');
    expect(await codeOf(async () => check(await fixture('encrypted-rc4.pdf')))).toBe('ENCRYPTED');
  });

  it('rejects a non-PDF with NOT_PDF', async () => {
    expect(await codeOf(() => sign(Buffer.from('hello, this is not a PDF at all')))).toBe('NOT_PDF');
    expect(await codeOf(() => sign(new Uint8Array(0)))).toBe('NOT_PDF');
  });

  it('rejects truncated PDFs with MALFORMED_PDF at every cut point', async () => {
    const pdf = await fixture('minimal.pdf');
    for (const cut of [20, 200, pdf.length - 60, pdf.length - 10]) {
      expect(await codeOf(() => sign(pdf.subarray(0, cut)))).toBe('MALFORMED_PDF');
    }
  });

  it('rejects a PDF whose page tree sits in a corrupt object stream with MALFORMED_PDF', async () => {
    expect(await codeOf(async () => sign(await fixture('broken-objstream.pdf')))).toBe('MALFORMED_PDF');
  });

  it('reads a table with irregular rows leniently (tokenised xref rows) and signs it', async () => {
    const signed = await sign(await fixture('irregular-xref.pdf'));
    expect(new PdfReader(signed).sections.length).toBe(2);
  });

  it('fails fast on a huge garbage file and on an xref that loops to itself', async () => {
    const garbage = Buffer.alloc(50 * 1024 * 1024, 0x41);
    garbage.write('%PDF-1.7\n', 0);
    expect(await codeOf(() => sign(garbage))).toBe('MALFORMED_PDF');
    const loop = Buffer.from(
      '%PDF-1.7\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Root 1 0 R /Prev 9 >>\nstartxref\n9\n%%EOF\n',
    );
    expect(await codeOf(() => sign(loop))).toBe('MALFORMED_PDF');
  });

  it('rejects a PDF larger than the configured limit with UNSUPPORTED', async () => {
    const pdf = await fixture('minimal.pdf');
    expect(() => new PdfReader(pdf, { maxBytes: 100 })).toThrow(/larger than/);
  });

  it('survives deeply nested arrays (stack) and a compressed bomb-like stream with a typed error', async () => {
    const deep = Buffer.from(
      `%PDF-1.7\n1 0 obj\n${'['.repeat(100_000)}\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n${9 + 8 + 100_000 + 9}\n%%EOF\n`,
    );
    expect(await codeOf(() => sign(deep))).toBe('MALFORMED_PDF');
  });

  it('reports a page that is not in the document as INVALID_ARGUMENT (the PDF is fine), data untouched', async () => {
    const pdf = await fixture('two-pages.pdf');
    const copy = Buffer.from(pdf);
    const at = async (page: number) =>
      signPdf(pdf, {
        signer: await (await pki).signer('Page Check'),
        visible: { page, rect: [10, 10, 100, 40], typedName: 'Page Check' },
      });
    expect(await codeOf(() => at(999))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(() => at(3))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(() => at(0))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(() => at(1.5))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(() => at(Number.NaN))).toBe('INVALID_ARGUMENT');
    await expect(at(999)).rejects.toThrow('page 999 does not exist: the document has 2 pages.');
    expect(Buffer.compare(Buffer.from(pdf), copy)).toBe(0);
    expect((await at(2)).length).toBeGreaterThan(pdf.length);
  });
});
