import { describe, expect, it } from 'vitest';
import { moveItem, settingProblems } from '../src/modules/profiles/profile-validation';
import type { ProfileSettings } from '../src/modules/profiles/profiles.api';
import { imageProblem } from '../src/modules/seals/seal-image-check';

const base = (): ProfileSettings => ({
  certificate_id: null,
  seal_id: null,
  pades_level: 'B-T',
  tsa_urls: ['https://tsa-one.example/tsr'],
  revocation: 'embedded',
  appearance: {
    template: 'standard',
    fields: ['name', 'date'],
    font: 'Noto Sans',
    languages: ['zh-CN', 'en'],
  },
  reasons: ['同意'],
  meanings: [],
  certificate_policy: {
    key_usage: ['nonRepudiation'],
    extended_key_usage: ['1.3.6.1.5.5.7.3.36'],
    policy_oids: [],
    min_rsa_bits: 2048,
    allowed_curves: ['P-256'],
    allowed_hashes: ['SHA-256'],
  },
});

describe('signing profile form: what the server would refuse, by field', () => {
  it('passes settings the server accepts', () => {
    expect(settingProblems(base())).toEqual([]);
  });

  it('names the field of each refused setting', () => {
    const s = base();
    s.tsa_urls = ['ftp://tsa.example', 'https://a.example', 'https://a.example'];
    s.reasons = ['x'.repeat(201)];
    s.appearance = { template: ' ', fields: [], font: '', languages: [] };
    s.certificate_policy.policy_oids = ['not.an.oid'];
    s.certificate_policy.min_rsa_bits = 1024;
    s.certificate_policy.allowed_curves = [];
    s.certificate_policy.allowed_hashes = [];
    const fields = settingProblems(s).map((p) => p.field);
    expect(fields).toEqual([
      'tsa_urls',
      'tsa_urls',
      'reasons',
      'appearance.template',
      'appearance.font',
      'appearance.fields',
      'appearance.languages',
      'policy_oids',
      'min_rsa_bits',
      'allowed_curves',
      'allowed_hashes',
    ]);
    expect(settingProblems(s)[0]).toEqual({
      field: 'tsa_urls',
      key: 'profiles.badUrl',
      values: { value: 'ftp://tsa.example' },
    });
  });

  it('refuses a serif font with Hebrew captions (the engine’s serif face has no Hebrew), not a sans one', () => {
    const s = base();
    s.appearance = { ...s.appearance, font: 'Noto Serif SC', languages: ['zh-CN', 'he'] };
    expect(settingProblems(s)).toEqual([{ field: 'appearance.languages', key: 'profiles.serifNoHebrew' }]);
    s.appearance.font = 'Noto Sans Hebrew';
    expect(settingProblems(s)).toEqual([]);
  });

  it('limits the TSA list to five and moves a TSA in the failover order', () => {
    const s = base();
    s.tsa_urls = Array.from({ length: 6 }, (_, i) => `https://tsa${i}.example`);
    expect(settingProblems(s)).toEqual([{ field: 'tsa_urls', key: 'profiles.tooMany', values: { n: 5 } }]);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });
});

describe('seal upload: picture checked before sending', () => {
  const blob = (bytes: number[], size = 0) => new Blob([new Uint8Array(bytes), new Uint8Array(size)]);
  it('accepts PNG and JPEG by their first bytes, refuses others and oversize files', async () => {
    expect(await imageProblem(blob([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
    expect(await imageProblem(blob([0xff, 0xd8, 0xff, 0xe0]))).toBeNull();
    expect(await imageProblem(blob([...Buffer.from('GIF89a')]))).toBe('imageNotPicture');
    expect(await imageProblem(blob([0xff, 0xd8, 0xff], 2 * 1024 * 1024))).toBe('imageTooLarge');
  });
});
