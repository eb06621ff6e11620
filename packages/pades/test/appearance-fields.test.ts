import { beforeAll, describe, expect, it } from 'vitest';
import { fieldAppearanceText, parseCertificate, signPdf, validate } from '../src/index.js';
import { issueSignerCertificate } from '../src/pki/index.js';
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

  it('draws organisation, location and certificate lines from the signing certificate, in the listed order', async () => {
    const issued = await issueSignerCertificate(pki.issuing, {
      legalName: '李四',
      email: 'li.si@example.test',
      organization: '华东制造有限公司',
    });
    const cert = parseCertificate(issued.signer.certificate);
    const pdf = await signPdf(await fixture('drawing.pdf'), {
      signer: issued.signer,
      location: 'תל אביב',
      fieldName: 'Details',
      visible: {
        rect: [20, 20, 260, 120],
        fields: ['certificate', 'location', 'organisation', 'name'],
        listedOrder: true,
        certificate: { issuer: true },
        labels: { organisation: '单位', location: 'מקום', certificate: '证书', signedBy: '签署人' },
      },
    });
    const drawn = fieldAppearanceText(pdf, 'Details');
    const serial = cert.serial.replace(/^0+(?=.)/, '').toUpperCase();
    const certificateLine = `证书:李四#${serial.length > 16 ? serial.slice(0, 8) : serial}`;
    expect(drawn).toContain(certificateLine);
    expect(drawn).toContain('(SignXTestIssuingCA)');
    expect(drawn).toContain('单位:华东制造有限公司');
    expect(drawn).toContain('签署人:李四');
    expect(drawn.indexOf('证书')).toBeLessThan(drawn.indexOf('单位'));
    expect(drawn.indexOf('单位')).toBeLessThan(drawn.indexOf('签署人'));
    expect(drawn).not.toContain('Time');
    const report = await validate(pdf, { trustAnchors: [pki.root.certificate], revocation: 'off' });
    expect(report.signatures.map((s) => [s.isValid, s.location])).toEqual([[true, 'תל אביב']]);
  });

  it('leaves out a line with no value (no O in the certificate, no location)', async () => {
    const pdf = await signPdf(await fixture('drawing.pdf'), {
      signer: await pki.signer('Noa Levi'),
      fieldName: 'Sparse',
      visible: { rect: [20, 20, 220, 100], fields: ['organisation', 'location', 'name'] },
    });
    const drawn = fieldAppearanceText(pdf, 'Sparse');
    expect(drawn).toContain('Signedby:NoaLevi');
    expect(drawn).not.toContain('Organisation');
    expect(drawn).not.toContain('Location');
  });

  it('prints the caption lines under a seal when asked, and the seal alone otherwise', async () => {
    const issued = await issueSignerCertificate(pki.issuing, {
      legalName: '华东制造有限公司',
      email: 'seal@example.test',
      organization: '华东制造有限公司',
    });
    const seal = {
      design: { shape: 'round' as const, title: '华东制造有限公司', purpose: '合同专用章', star: true },
    };
    const captioned = await signPdf(await fixture('drawing.pdf'), {
      signer: issued.signer,
      meaning: 'approval',
      location: '上海',
      fieldName: 'Seal_Caption',
      visible: {
        rect: [100, 100, 120, 150],
        seal,
        sealCaption: 30,
        fields: ['meaning', 'organisation', 'location'],
        labels: { meaning: '含义', organisation: '单位', location: '地点', meanings: { approval: '批准' } },
      },
    });
    const drawn = fieldAppearanceText(captioned, 'Seal_Caption');
    expect(drawn).toContain('含义:批准');
    expect(drawn).toContain('单位:华东制造有限公司');
    expect(drawn).toContain('地点:上海');
    const plain = await signPdf(await fixture('drawing.pdf'), {
      signer: issued.signer,
      fieldName: 'Seal_Only',
      visible: { rect: [100, 100, 120, 120], seal, fields: ['meaning', 'organisation'] },
    });
    expect(fieldAppearanceText(plain, 'Seal_Only')).not.toContain('Organisation');
    const report = await validate(captioned, { trustAnchors: [pki.root.certificate], revocation: 'off' });
    expect(report.signatures.map((s) => [s.isValid, s.location])).toEqual([[true, '上海']]);
  });
});
