// Organisation seals (issue 18): applying a company seal with PAdES B-T to a 10-page
// contract (target ≥ 300/s), beside the raw signing operation and a plain invisible B-T
// signature of the same file in the same run; a cross-page seal (骑缝章) over 100 pages
// (≤ 50 ms); a keyword search on a 100-page text PDF (≤ 100 ms).
// Needs `npx tsc -b packages/pades packages/server` (npm run bench does it).
import { PDFDocument } from 'pdf-lib';
import * as pades from '../packages/pades/dist/index.js';
import { sealPdf } from '../packages/server/dist/modules/seals/seal-sign.js';
import { embedUnicodeFonts } from '../packages/server/dist/platform/pdf/unicode-fonts.js';
import { rawSignaturesPerSecond } from './lib/baselines.js';
import { opsPerSecond, writeResult } from './lib/results.js';

async function contractPdf(pages) {
  const doc = await PDFDocument.create();
  const fonts = await embedUnicodeFonts(doc);
  const font = fonts.fontFor('合');
  for (let p = 1; p <= pages; p += 1) {
    const page = doc.addPage([595, 842]);
    for (let line = 0; line < 30; line += 1)
      page.drawText(`第${line + 1}条 甲乙双方经协商一致，订立本合同条款${p}.${line + 1}。`, {
        x: 60,
        y: 740 - line * 20,
        size: 11,
        font,
      });
    if (p === pages) page.drawText('甲方（盖章）', { x: 60, y: 100, size: 12, font });
  }
  await fonts.finish();
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

const root = await pades.createRootCa({ commonName: 'Bench Root' });
const issuing = await pades.createIssuingCa(root, { commonName: 'Bench Issuing' });
const org = await pades.issueSignerCertificate(issuing, { legalName: '北京示例科技有限公司', keyType: 'ec' });
const tsaCert = await pades.issueTsaCertificate(issuing, { commonName: 'Bench TSA' });
const timestamper = pades.inProcessTimestamper(
  pades.createTimestampAuthority({ certificate: tsaCert.certificate, key: tsaCert.privateKeyPem }),
);
const look = {
  design: { shape: 'round', title: '北京示例科技有限公司', purpose: '', star: true },
  imagePng: null,
  sizePt: 120,
};
const ten = await contractPdf(10);
const hundred = await contractPdf(100);
const signer = org.signer;

const seal = () =>
  sealPdf(ten, { signer, timestamper, look, placement: { mode: 'coordinates', page: 10, x: 60, y: 60 } });
const plain = () => pades.signPdf(ten, { signer, timestamper, level: 'B-T' });
const check = await pades.validate(await seal().then((r) => r.bytes), {
  trustAnchors: [root.certificate],
  revocation: 'off',
});
if (!check.signatures[0]?.isValid) throw new Error('the benchmark seal does not validate');

const raw = await rawSignaturesPerSecond(org.privateKeyPem);
const plainRate = await opsPerSecond(plain);
const sealRate = await opsPerSecond(seal);
const timeOnce = async (fn, runs) => {
  await fn();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < runs; i += 1) await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6 / runs;
};
const crossMs = await timeOnce(
  () => sealPdf(hundred, { signer, timestamper, look, placement: { mode: 'cross_page', pages: 100 } }),
  10,
);
const reader = new pades.PdfReader(hundred);
const searchMs = await timeOnce(() => pades.findText(hundred, '甲方（盖章）'), 20);
if (pades.findText(reader, '甲方（盖章）').length !== 1) throw new Error('keyword not found');

writeResult('seals', [
  {
    name: 'apply company seal B-T, 10-page contract',
    value: sealRate,
    unit: 'seals/s',
    target: { value: 300 },
    baseline: { name: 'invisible B-T signPdf of the same file', value: plainRate },
    ratio: sealRate / plainRate,
    raw_signing: { name: 'raw ECDSA P-256 signature', value: raw, ratio: sealRate / raw },
  },
  { name: 'cross-page seal over 100 pages', value: crossMs, unit: 'ms', target: { op: '<=', value: 50 } },
  {
    name: 'keyword search, 100-page text PDF',
    value: searchMs,
    unit: 'ms',
    target: { op: '<=', value: 100 },
  },
]);
