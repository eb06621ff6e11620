// PAdES signing and validation throughput (one core), with @libpdf/core and @signpdf on the
// same inputs in the same run. Needs `npx tsc -b packages/pades` (npm run bench does it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { P12Signer as LibP12Signer, PDF } from '@libpdf/core';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import signpdfModule from '@signpdf/signpdf';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import * as pades from '../packages/pades/dist/index.js';
import { opsPerSecond, writeResult } from './lib/results.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

async function makePdf(pages, linesPerPage = 3) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i += 1) {
    const page = doc.addPage([595, 842]);
    for (let l = 0; l < linesPerPage; l += 1) {
      page.drawText(
        `Page ${i + 1} line ${l + 1}: SignX benchmark text for a contract record ${'x'.repeat(20)}`,
        { x: 40, y: 800 - l * 12, size: 9, font },
      );
    }
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

async function setup() {
  const root = await pades.createRootCa({ commonName: 'Bench Root' });
  const issuing = await pades.createIssuingCa(root, { commonName: 'Bench Issuing' });
  const rsa = await pades.issueSignerCertificate(issuing, { legalName: 'Bench RSA', keyType: 'rsa' });
  const ec = await pades.issueSignerCertificate(issuing, { legalName: 'Bench EC', keyType: 'ec' });
  const tsaCert = await pades.issueTsaCertificate(issuing, { commonName: 'Bench TSA' });
  const tsa = pades.createTimestampAuthority({
    certificate: tsaCert.certificate,
    key: tsaCert.privateKeyPem,
    chain: [issuing.certificate, root.certificate],
  });
  return { root, issuing, rsa, ec, timestamper: pades.inProcessTimestamper(tsa) };
}

/** PKCS#12 with SHA-1/3DES, which every peer library can read. */
function p12(issued, chain) {
  const dir = mkdtempSync(join(tmpdir(), 'pades-bench-'));
  writeFileSync(join(dir, 'key.pem'), issued.privateKeyPem);
  writeFileSync(join(dir, 'cert.pem'), [issued.certificate, ...chain].map((c) => pades.toPem(c)).join(''));
  const out = join(dir, 'id.p12');
  execFileSync('openssl', [
    'pkcs12',
    '-export',
    '-inkey',
    join(dir, 'key.pem'),
    '-in',
    join(dir, 'cert.pem'),
    '-out',
    out,
    '-passout',
    'pass:bench',
    '-keypbe',
    'PBE-SHA1-3DES',
    '-certpbe',
    'PBE-SHA1-3DES',
    '-macalg',
    'sha1',
  ]);
  return readFileSync(out);
}

async function measure(name, fn, target, unit = 'PDFs/s') {
  try {
    await fn();
    const value = await opsPerSecond(fn, { seconds: SECONDS });
    return { name, value, unit, ...(target ? { target: { op: '>=', value: target } } : {}) };
  } catch (err) {
    return {
      name,
      value: 0,
      unit,
      error: String(err?.message ?? err),
      ...(target ? { target: { op: '>=', value: target } } : {}),
    };
  }
}

async function seconds(name, fn, limit) {
  try {
    await fn();
    const runs = [];
    for (let i = 0; i < 5; i += 1) {
      const t = performance.now();
      await fn();
      runs.push((performance.now() - t) / 1000);
    }
    return { name, value: runs.sort((a, b) => a - b)[2], unit: 's', target: { op: '<=', value: limit } };
  } catch (err) {
    return {
      name,
      value: Number.NaN,
      unit: 's',
      error: String(err?.message ?? err),
      target: { op: '<=', value: limit },
      meets: false,
    };
  }
}

const env = await setup();
const rsaSigner = env.rsa.signer;
const ecSigner = env.ec.signer;
const chain = [env.issuing.certificate, env.root.certificate];
const rsaP12 = p12(env.rsa, chain);
const ecP12 = p12(env.ec, chain);
const onePage = await makePdf(1);
const fiftyPages = await makePdf(50);
const bigPdf = await makePdf(3300, 40);
const cases = [];

cases.push(await measure('1-page B-B RSA-2048', () => pades.signPdf(onePage, { signer: rsaSigner }), 700));
cases.push(await measure('1-page B-B ECDSA P-256', () => pades.signPdf(onePage, { signer: ecSigner }), 2000));
cases.push(
  await measure('50-page B-B RSA-2048', () => pades.signPdf(fiftyPages, { signer: rsaSigner }), 120),
);
cases.push(
  await measure(
    '1-page B-T RSA-2048, in-process TSA',
    () => pades.signPdf(onePage, { signer: rsaSigner, level: 'B-T', timestamper: env.timestamper }),
    400,
  ),
);
let bt;
try {
  bt = await pades.signPdf(onePage, { signer: rsaSigner, level: 'B-T', timestamper: env.timestamper });
} catch {}
cases.push(
  await measure(
    'validate 1-page B-T',
    () => pades.validate(bt, { trustAnchors: [env.root.certificate], revocation: 'off' }),
    1500,
    'validations/s',
  ),
);
cases.push({
  ...(await seconds(
    `sign ${bigPdf.length} B PDF with 3,300 pages (RSA)`,
    () => pades.signPdf(bigPdf, { signer: rsaSigner }),
    0.6,
  )),
  bytes: bigPdf.length,
});

const libRsa = await LibP12Signer.create(rsaP12, 'bench');
let libEc;
try {
  libEc = await LibP12Signer.create(ecP12, 'bench');
} catch {}
const libSign = async (bytes, signer) => (await PDF.load(bytes)).sign({ signer });
const signpdf = signpdfModule.default ?? signpdfModule;
// node-forge (inside @signpdf) cannot read EC CA certificates: give it the signer certificate only.
const spSigner = new P12Signer(p12(env.rsa, []), { passphrase: 'bench' });
const spSign = async (bytes) =>
  signpdf.sign(plainAddPlaceholder({ pdfBuffer: bytes, reason: 'bench', signatureLength: 8192 }), spSigner);
const peers = [
  await measure('@libpdf/core 1-page RSA', () => libSign(onePage, libRsa)),
  await measure('@libpdf/core 1-page ECDSA', () => libSign(onePage, libEc)),
  await measure('@libpdf/core 50-page RSA', () => libSign(fiftyPages, libRsa)),
  await seconds('@libpdf/core 3,300-page RSA', () => libSign(bigPdf, libRsa), 0.6),
  await measure('@signpdf 1-page RSA', () => spSign(onePage)),
  await measure('@signpdf 50-page RSA', () => spSign(fiftyPages)),
  await seconds('@signpdf 3,300-page RSA', () => spSign(bigPdf), 0.6),
];
const ratio = (ours, theirs, lowerIsBetter = false) => {
  const a = cases.find((c) => c.name.startsWith(ours))?.value;
  const b = peers.find((c) => c.name === theirs)?.value;
  if (!a || !b) return null;
  return Math.round((lowerIsBetter ? b / a : a / b) * 100) / 100;
};
const ratios = {
  'ours/libpdf 1-page RSA': ratio('1-page B-B RSA', '@libpdf/core 1-page RSA'),
  'ours/libpdf 1-page ECDSA': ratio('1-page B-B ECDSA', '@libpdf/core 1-page ECDSA'),
  'ours/libpdf 50-page RSA': ratio('50-page B-B', '@libpdf/core 50-page RSA'),
  'ours/libpdf 3,300-page (speed-up)': ratio('sign ', '@libpdf/core 3,300-page RSA', true),
  'ours/signpdf 1-page RSA': ratio('1-page B-B RSA', '@signpdf 1-page RSA'),
  'ours/signpdf 50-page RSA': ratio('50-page B-B', '@signpdf 50-page RSA'),
  'ours/signpdf 3,300-page (speed-up)': ratio('sign ', '@signpdf 3,300-page RSA', true),
};
for (const p of peers)
  console.log(
    `pades peer: ${p.name} = ${Math.round(p.value * 100) / 100} ${p.unit}${p.error ? ` (error: ${p.error})` : ''}`,
  );
console.log('pades ratios (higher = we are faster):', JSON.stringify(ratios));
writeResult('pades', cases, {
  peers,
  ratios,
  note: 'peers sign B-B-like (no time-stamp); @libpdf/core adds a CMS signing-time, @signpdf uses adbe.pkcs7.detached',
});
