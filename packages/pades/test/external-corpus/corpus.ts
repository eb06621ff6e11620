import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * PDFs made by other software (pyHanko's test data), kept OUTSIDE the repository in
 * shared/corpus/pdf beside the clone (read-only). The core tests never need it: they use
 * the PDFs in ../fixtures. This extra suite runs only where the folder exists (CI has it),
 * and the pades project's global setup prints whether it ran.
 */
export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/corpus/pdf');

export const CORPUS_PRESENT = existsSync(CORPUS_DIR);

export function corpusFileCount(): number {
  return CORPUS_PRESENT ? readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.pdf')).length : 0;
}

export function corpus(name: string): Buffer {
  return readFileSync(join(CORPUS_DIR, name));
}

/** Files the corpus README says to sign and validate. */
export const SIGNABLE = [
  'minimal.pdf',
  'minimal-xref.pdf',
  'minimal-two-pages.pdf',
  'empty-a4.pdf',
  'minimal-hybrid-xref.pdf',
  'uncompressed-objstream-sample.pdf',
  'minimal-with-field.pdf',
  'minimal-two-fields.pdf',
  'minimal-with-simple-form.pdf',
  'simple-acroform-states.pdf',
  'fontembed.pdf',
  'layout-tests-stamp-on-pdf-bg.pdf',
  'minimal-pdf-ua-and-a.pdf',
  'minimal-two-fields-signed-twice.pdf',
] as const;

/** The last "Signature #n" block of pdfsig's output. */
export function lastPdfsigBlock(output: string): string {
  const blocks = output.split(/Signature #\d+:/);
  return blocks[blocks.length - 1] ?? '';
}
