// Peer libraries for the PAdES benchmark: @libpdf/core and @signpdf sign the same inputs in
// the same run, so the ratios in bench/results/pades.json compare like with like.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { P12Signer as LibP12Signer, PDF } from '@libpdf/core';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import signpdfModule from '@signpdf/signpdf';
import { opsPerSecond } from './results.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

/** Throughput of fn (after one checked call); a failure is recorded, not thrown. */
export async function measure(name, fn, target, unit = 'PDFs/s') {
  const t = target ? { target: { op: '>=', value: target } } : {};
  try {
    await fn();
    return { name, value: await opsPerSecond(fn, { seconds: SECONDS }), unit, ...t };
  } catch (err) {
    return { name, value: 0, unit, error: String(err?.message ?? err), ...t };
  }
}

/** Median of five timed runs in seconds (after a warm-up run). */
export async function seconds(name, fn, limit) {
  const t = limit ? { target: { op: '<=', value: limit } } : {};
  try {
    await fn();
    const runs = [];
    for (let i = 0; i < 5; i += 1) {
      const start = performance.now();
      await fn();
      runs.push((performance.now() - start) / 1000);
    }
    return { name, value: runs.sort((a, b) => a - b)[2], unit: 's', ...t };
  } catch (err) {
    return { name, value: Number.NaN, unit: 's', error: String(err?.message ?? err), ...t, meets: false };
  }
}

/**
 * PKCS#12 in the legacy SHA-1/3DES form (what `-legacy` selects, minus RC2, which needs the
 * legacy provider), built in a temporary directory that is removed again: node-forge inside
 * @signpdf reads nothing newer.
 */
export function legacyP12(pades, issued, chain, password = 'bench') {
  const dir = mkdtempSync(join(tmpdir(), 'pades-bench-'));
  try {
    writeFileSync(join(dir, 'key.pem'), issued.privateKeyPem);
    const certs = [issued.certificate, ...chain].map((c) => pades.toPem(c)).join('');
    writeFileSync(join(dir, 'cert.pem'), certs);
    const out = join(dir, 'id.p12');
    execFileSync('openssl', [
      'pkcs12',
      '-export',
      '-keypbe',
      'PBE-SHA1-3DES',
      '-certpbe',
      'PBE-SHA1-3DES',
      '-macalg',
      'sha1',
      '-inkey',
      join(dir, 'key.pem'),
      '-in',
      join(dir, 'cert.pem'),
      '-out',
      out,
      '-passout',
      `pass:${password}`,
    ]);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A bench-only RSA chain (RSA root → RSA signer) for @signpdf: node-forge cannot parse
 * certificates signed with ECDSA, which the platform CA uses by default.
 */
export async function rsaChainP12(pades) {
  const root = await pades.createRootCa({ commonName: 'Bench RSA Root', keyType: 'rsa' });
  const signer = await pades.issueSignerCertificate(root, {
    legalName: 'Bench signpdf RSA',
    keyType: 'rsa',
  });
  return legacyP12(pades, signer, [root.certificate]);
}

/**
 * @signpdf signing: a placeholder revision, then adbe.pkcs7.detached over it. P12Signer reads
 * its PKCS#12 buffer destructively, so each signature gets a fresh signer (as a server would).
 */
export function signpdfSigner(p12) {
  const signpdf = signpdfModule.default ?? signpdfModule;
  return async (bytes) =>
    signpdf.sign(
      plainAddPlaceholder({ pdfBuffer: bytes, reason: 'bench', signatureLength: 8192 }),
      new P12Signer(p12, { passphrase: 'bench' }),
    );
}

/** @libpdf/core signing with a P12 signer (null when it cannot read the key type). */
export async function libpdfSigner(p12) {
  let signer;
  try {
    signer = await LibP12Signer.create(p12, 'bench');
  } catch {
    return async () => {
      throw new Error('@libpdf/core cannot read this PKCS#12');
    };
  }
  return async (bytes) => (await PDF.load(bytes)).sign({ signer });
}

/** Runs every peer on the same inputs and returns their cases. */
export async function measurePeers({ libRsa, libEc, signpdf }, { onePage, fiftyPages, bigPdf }) {
  return [
    await measure('@libpdf/core 1-page RSA', () => libRsa(onePage)),
    await measure('@libpdf/core 1-page ECDSA', () => libEc(onePage)),
    await measure('@libpdf/core 50-page RSA', () => libRsa(fiftyPages)),
    await seconds('@libpdf/core 3,300-page RSA', () => libRsa(bigPdf)),
    await measure('@signpdf 1-page RSA', () => signpdf(onePage)),
    await measure('@signpdf 50-page RSA', () => signpdf(fiftyPages)),
    await seconds('@signpdf 3,300-page RSA', () => signpdf(bigPdf)),
  ];
}
