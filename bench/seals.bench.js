// Organisation seals (issue 18): applying a company seal with PAdES B-T to a 10-page
// contract (target ≥ 300/s), beside the raw signing operation and a plain invisible B-T
// signature of the same file in the same run; a cross-page seal (骑缝章) over 100 pages
// (≤ 50 ms); a keyword search on a 100-page text PDF (≤ 100 ms). Each figure is measured in
// alternating rounds with a baseline of the same run (median ratio), and with the process's
// CPU time per operation, which other work on a shared machine inflates far less than wall time.
// The same company seal with the organisation key in SoftHSM2 (PKCS#11) is measured against the
// seal with a file key of the same curve, alternated in the same run (ratio HSM/file).
// Needs `npx tsc -b packages/pades packages/server` (npm run bench does it) and softhsm2.
import { generateKeyPairSync } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import * as pades from '../packages/pades/dist/index.js';
import { decodeStream } from '../packages/pades/dist/pdf/stream-filters.js';
import { sealPdf } from '../packages/server/dist/modules/seals/seal-sign.js';
import { createPkcs11Signer } from '../packages/server/dist/platform/hsm/pkcs11-signer.js';
import { embedUnicodeFonts } from '../packages/server/dist/platform/pdf/unicode-fonts.js';
import { alternate, pairedCase, rawSignaturesPerSecond } from './lib/baselines.js';
import { writeResult } from './lib/results.js';
import { softHsmToken } from './lib/softhsm.js';

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

// The organisation key in SoftHSM2 against a file key, both EC P-256 organisation certificates.
const hsmToken = softHsmToken('bench-seals');
const orgSubject = { legalName: '北京示例科技有限公司', registrationId: '91350100M000100Y43' };
const hsmKey = hsmToken.token.generateEcKey('bench-seal');
const hsmSigner = createPkcs11Signer(
  hsmToken.token,
  hsmKey.objectId,
  await pades.issueOrganisationCertificate(issuing, { ...orgSubject, spki: hsmKey.spki }),
  [issuing.certificate],
);
const fileKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const fileSigner = pades.createLocalSigner(
  fileKey.privateKey,
  await pades.issueOrganisationCertificate(issuing, {
    ...orgSubject,
    spki: fileKey.publicKey.export({ format: 'der', type: 'spki' }),
  }),
  [issuing.certificate],
);
const sealWith = (by) => () =>
  sealPdf(ten, { signer: by, timestamper, look, placement: { mode: 'coordinates', page: 10, x: 60, y: 60 } });
const hsmCheck = await pades.validate(await sealWith(hsmSigner)().then((r) => r.bytes), {
  trustAnchors: [root.certificate],
  revocation: 'off',
});
if (!hsmCheck.signatures[0]?.isValid) throw new Error('the SoftHSM2 seal does not validate');

/** Runs `fn` for about `seconds`: wall ms per op, CPU ms per op, ops per second. */
async function measure(fn, seconds = 1.5) {
  await fn();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < seconds * 1000) {
    await fn();
    n += 1;
  }
  const wallMs = (performance.now() - t0) / n;
  const cpu = process.cpuUsage(cpu0);
  return { ms: wallMs, cpuMs: (cpu.user + cpu.system) / 1000 / n, rate: 1000 / wallMs };
}
const rounds = 5;
const withCpu = (c, runs) => ({
  ...c,
  cpu_ms_per_op: median(runs.map((r) => r.figure.cpuMs)),
  baseline_cpu_ms_per_op: median(runs.map((r) => r.baseline.cpuMs)),
  cpu_ratio: median(runs.map((r) => r.figure.cpuMs / r.baseline.cpuMs)),
});
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const sealRuns = await alternate(
  rounds,
  () => measure(plain),
  () => measure(seal),
);
const hsmRuns = await alternate(
  rounds,
  () => measure(sealWith(fileSigner)),
  () => measure(sealWith(hsmSigner)),
);
hsmToken.cleanup();
const crossOnce = () =>
  sealPdf(hundred, { signer, timestamper, look, placement: { mode: 'cross_page', pages: 100 } });
const oneWidget = () =>
  sealPdf(hundred, {
    signer,
    timestamper,
    look,
    placement: { mode: 'coordinates', page: 100, x: 60, y: 60 },
  });
const crossRuns = await alternate(
  rounds,
  () => measure(oneWidget),
  () => measure(crossOnce),
);
// The floor of any search: open the file and inflate every page's content streams.
const readAll = () => {
  const reader = new pades.PdfReader(hundred);
  for (const page of pades.listPages(reader)) {
    const c = reader.get(page.dict.get('Contents'));
    for (const s of Array.isArray(c) ? c : [c]) decodeStream(reader.get(s));
  }
};
const searchRuns = await alternate(
  rounds,
  () => measure(readAll),
  () => measure(() => pades.findText(hundred, '甲方（盖章）')),
);
const lastRuns = await alternate(
  rounds,
  () => measure(readAll),
  () => measure(() => pades.findText(hundred, '甲方（盖章）', { occurrence: 'last' })),
);
if (pades.findText(hundred, '甲方（盖章）').length !== 1) throw new Error('keyword not found');

const sealCase = pairedCase(sealRuns, {
  pick: (r) => r.rate,
  name: 'apply company seal B-T, 10-page contract',
  unit: 'seals/s',
  target: { value: 300 },
  baselineName: 'invisible B-T signPdf of the same file',
});
const msCase = (runs, fields) =>
  pairedCase(runs, { pick: (r) => r.ms, lowerIsBetter: true, unit: 'ms', ...fields });
writeResult('seals', [
  withCpu(
    {
      ...sealCase,
      raw_signing: { name: 'raw ECDSA P-256 signature', value: raw, ratio: sealCase.value / raw },
    },
    sealRuns,
  ),
  withCpu(
    pairedCase(hsmRuns, {
      pick: (r) => r.rate,
      name: 'apply company seal B-T, 10-page contract, organisation key in SoftHSM2',
      unit: 'seals/s',
      baselineName: 'the same seal with a file key (EC P-256) of the same run',
    }),
    hsmRuns,
  ),
  withCpu(
    msCase(crossRuns, {
      name: 'cross-page seal over 100 pages',
      target: { op: '<=', value: 50 },
      baselineName: 'seal by coordinates (one widget) on the same 100-page file',
    }),
    crossRuns,
  ),
  withCpu(
    msCase(searchRuns, {
      name: 'keyword search, 100-page text PDF',
      target: { op: '<=', value: 100 },
      baselineName: 'open the file and inflate every page content stream',
    }),
    searchRuns,
  ),
  withCpu(
    msCase(lastRuns, {
      name: 'keyword search, last occurrence (100-page text PDF)',
      target: { op: '<=', value: 100 },
      baselineName: 'open the file and inflate every page content stream',
    }),
    lastRuns,
  ),
]);
