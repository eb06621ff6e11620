import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { CORPUS_PRESENT, corpus } from './corpus.js';

const noAnchors = { trustAnchors: [] as Uint8Array[], revocation: 'off' as const };

describe.runIf(CORPUS_PRESENT)(
  'external corpus: validation of PDFs signed by other software (corpus)',
  () => {
    it('flags coverage-anomalies-tail-uncovered.pdf: signed bytes stop inside a revision', async () => {
      const r = await validate(corpus('coverage-anomalies-tail-uncovered.pdf'), noAnchors);
      const s = r.signatures[0]!;
      expect(s.digestMatches).toBe(true);
      expect(s.coverage.endsAtRevision).toBe(false);
      expect(s.coverage.problems.join(' ')).toMatch(/middle of a revision/);
      expect(s.isValid).toBe(false);
    });

    it('reports the non-conformities of pdf-sig-with-econtent.pdf (embedded content, signing-time, pkcs7)', async () => {
      const s = (await validate(corpus('pdf-sig-with-econtent.pdf'), noAnchors)).signatures[0]!;
      const text = s.nonConformities.join(' | ');
      expect(text).toMatch(/not detached/);
      expect(text).toMatch(/signing-time/);
      expect(text).toMatch(/adbe\.pkcs7\.detached/);
      expect(s.level).toBe('none');
    });

    it('pades-lta-dss-indirect-arrs-test.pdf: structure intact, level B-LTA, chain untrusted without its root', async () => {
      const r = await validate(corpus('pades-lta-dss-indirect-arrs-test.pdf'), noAnchors);
      expect(r.hasDss).toBe(true);
      const [sig, ts] = r.signatures;
      expect(sig!.digestMatches && sig!.signatureValid).toBe(true);
      expect(sig!.changes.filter((c) => !c.allowed)).toEqual([]);
      expect(sig!.level).toBe('B-LTA');
      expect(sig!.chain.isTrusted).toBe(false);
      expect(sig!.isValid).toBe(false);
      expect(ts!.kind).toBe('document-timestamp');
      expect(ts!.digestMatches).toBe(true);
    });

    it('minimal-two-fields-signed-twice.pdf: both signatures intact, later revisions only allowed changes', async () => {
      const r = await validate(corpus('minimal-two-fields-signed-twice.pdf'), noAnchors);
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
      const r = await validate(corpus('minimal.pdf'), noAnchors);
      expect(r.signatures).toEqual([]);
      expect(r.isValid).toBe(false);
    });
  },
);
