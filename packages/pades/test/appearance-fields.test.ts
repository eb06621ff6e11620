import { beforeAll, describe, expect, it } from 'vitest';
import { fieldAppearanceText, signPdf, validate } from '../src/index.js';
import { fixture } from './fixtures/pdf-fixtures.js';
import { createSigningWorkspace, type TestPki } from './test-pki.js';

let pki: TestPki;

beforeAll(async () => {
  ({ pki } = await createSigningWorkspace());
});

describe('visible signature fields (what a signing profile prints)', () => {
  it('prints only the chosen lines; /Reason is written even when its line is not shown', async () => {
    const pdf = await signPdf(await fixture('drawing.pdf'), {
      signer: await pki.signer('Zhang San'),
      name: '张三',
      reason: '同意付款',
      fieldName: 'Only_Reason',
      visible: { rect: [20, 20, 220, 100], fields: ['name'], labels: { signedBy: '签署人' } },
    });
    const drawn = fieldAppearanceText(pdf, 'Only_Reason');
    expect(drawn).toContain('签署人:张三');
    expect(drawn).not.toContain('同意付款');
    expect(drawn).not.toContain('Time');
    const report = await validate(pdf, { trustAnchors: [pki.root.certificate], revocation: 'off' });
    expect(report.signatures.map((s) => [s.isValid, s.reason])).toEqual([[true, '同意付款']]);
    expect(fieldAppearanceText(pdf, 'No_Such_Field')).toBe('');
  });

  it('prints every line when no fields are given', async () => {
    const pdf = await signPdf(await fixture('drawing.pdf'), {
      signer: await pki.signer('Zhang San'),
      name: 'Zhang San',
      reason: 'Payment',
      fieldName: 'All_Lines',
      signingTime: new Date('2026-03-01T06:05:04Z'),
      visible: { rect: [20, 20, 220, 100] },
    });
    const drawn = fieldAppearanceText(pdf, 'All_Lines');
    for (const line of ['Signedby:ZhangSan', 'Reason:Payment', 'Time:2026-03-0106:05:04UTC+00:00'])
      expect(drawn).toContain(line);
  });
});
