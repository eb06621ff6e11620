import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { fixture } from './fixtures/pdf-fixtures.js';
import { signedTwice } from './fixtures/signed-fixtures.js';
import { createTestPki } from './test-pki.js';

const noAnchors = { trustAnchors: [] as Uint8Array[], revocation: 'off' as const };

describe('validation of generated PDFs', () => {
  it('a PDF signed twice: both signatures intact, later revisions only allowed changes', async () => {
    const r = await validate(await signedTwice(await createTestPki()), noAnchors);
    expect(r.signatures).toHaveLength(2);
    for (const s of r.signatures) {
      expect(s.digestMatches && s.signatureValid).toBe(true);
      expect(s.changes.filter((c) => !c.allowed)).toEqual([]);
      expect(s.coverage.problems).toEqual([]);
    }
    expect(r.signatures[0]!.coverage.coversWholeFile).toBe(false);
    expect(r.signatures[0]!.coverage.restIsLaterRevisions).toBe(true);
  });

  it('an unsigned file yields an empty, not-valid report', async () => {
    const r = await validate(await fixture('minimal.pdf'), noAnchors);
    expect(r.signatures).toEqual([]);
    expect(r.isValid).toBe(false);
  });
});
