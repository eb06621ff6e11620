import { CORPUS_DIR, CORPUS_PRESENT, corpusFileCount } from './corpus.js';

/**
 * Global setup of the pades project: says whether the external corpus suite runs, so its
 * absence is never silent. The core suites do not depend on it either way.
 */
export default function announce(): void {
  const message = CORPUS_PRESENT
    ? `External PDF corpus found at ${CORPUS_DIR} (${corpusFileCount()} files): the external-corpus suite RUNS.`
    : `External PDF corpus not found at ${CORPUS_DIR}: the external-corpus suite is SKIPPED (the core PAdES suites use the PDFs the repository generates, see packages/pades/test/fixtures).`;
  process.stdout.write(`\n[pades] ${message}\n\n`);
}
