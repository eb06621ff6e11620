import { createHash } from 'node:crypto';
import { verifySignedData, verifyTimestampToken } from '../cms/index.js';
import { PadesError } from '../errors.js';
import { parsePdfDate } from '../pdf/pdf-date.js';
import { type PdfDict, PdfString } from '../pdf/pdf-objects.js';
import type { PdfReader } from '../pdf/pdf-reader.js';
import { parseCertificate } from '../pki/certificate.parser.js';
import { verifyChain } from '../pki/chain-verifier.js';
import type { ChainReport, RevocationMode } from '../pki/pki.types.js';
import { trimDer } from '../sign/dss-extender.js';
import type { DssContent } from './dss-reader.js';
import type { SignatureReport, TimestampReport } from './validation-report.js';

const TIME_STAMPING_EKU = '1.3.6.1.5.5.7.3.8';

/** What validate() passes down for each signature. */
export interface ValidationContext {
  reader: PdfReader;
  dss: DssContent;
  trustAnchors: readonly Uint8Array[];
  at?: Date;
  revocation: RevocationMode;
  fetch?: typeof fetch;
}

type Partial = Pick<
  SignatureReport,
  | 'digestMatches'
  | 'signatureValid'
  | 'signingCertificateV2'
  | 'chain'
  | 'revocation'
  | 'timestamp'
  | 'nonConformities'
  | 'problems'
  | 'signerSubject'
>;

/** Cryptographic checks of one /Contents: CMS, signing certificate, time-stamp, chain. */
export async function checkCms(
  ctx: ValidationContext,
  sig: PdfDict,
  range: readonly number[],
): Promise<Partial> {
  const contents = sig.get('Contents');
  if (!(contents instanceof PdfString))
    throw new PadesError('MALFORMED_PDF', 'A signature has no /Contents.');
  const der = trimDer(contents.bytes);
  const data = rangeBytes(ctx.reader.bytes, range);
  const isDocTs = sig.name('SubFilter') === 'ETSI.RFC3161';
  return isDocTs ? checkDocTimestamp(ctx, der, data) : checkSignature(ctx, der, data, sig.name('SubFilter'));
}

async function checkSignature(
  ctx: ValidationContext,
  der: Uint8Array,
  data: Uint8Array[],
  subFilter?: string,
): Promise<Partial> {
  const v = await verifySignedData(der, (hash) => digest(hash, data));
  const problems = v.problems.map((p) => p.message);
  const nonConformities = v.nonConformities.map((p) => p.message);
  if (subFilter !== 'ETSI.CAdES.detached')
    nonConformities.push(`SubFilter ${subFilter ?? 'missing'} is not ETSI.CAdES.detached`);
  const ts = v.timestamps[0];
  let timestamp: TimestampReport | undefined;
  if (ts)
    timestamp = await tsReport(
      ctx,
      ts.isValid,
      ts.genTime,
      ts.tsaCertificate,
      ts.certificates,
      ts.problems.map((p) => p.message),
    );
  const at = ctx.at ?? (ts?.isValid ? ts.genTime : undefined);
  const chain = v.signerCertificate ? await chainOf(ctx, v.signerCertificate, v.certificates, at) : undefined;
  return {
    digestMatches: v.digestMatches,
    signatureValid: v.signatureValid,
    signingCertificateV2:
      v.signingCertificate !== 'v2' ? 'missing' : v.signingCertificateBound ? 'bound' : 'mismatch',
    signerSubject: v.signerCertificate ? safeSubject(v.signerCertificate) : undefined,
    ...chainParts(chain, ctx.revocation),
    timestamp,
    nonConformities,
    problems,
  };
}

async function checkDocTimestamp(
  ctx: ValidationContext,
  der: Uint8Array,
  data: Uint8Array[],
): Promise<Partial> {
  const t = await verifyTimestampToken(der, { data });
  const report = await tsReport(
    ctx,
    t.isValid,
    t.genTime,
    t.tsaCertificate,
    t.certificates,
    t.problems.map((p) => p.message),
  );
  const chain = t.tsaCertificate
    ? await chainOf(ctx, t.tsaCertificate, t.certificates, ctx.at, TIME_STAMPING_EKU)
    : undefined;
  return {
    digestMatches: t.imprintMatches,
    signatureValid: t.signatureValid,
    signingCertificateV2: 'bound',
    signerSubject: t.tsaCertificate ? safeSubject(t.tsaCertificate) : undefined,
    ...chainParts(chain, ctx.revocation),
    timestamp: report,
    nonConformities: [],
    problems: t.problems.map((p) => p.message),
  };
}

async function tsReport(
  ctx: ValidationContext,
  isValid: boolean,
  genTime: Date | undefined,
  tsaCert: Uint8Array | undefined,
  certs: readonly Uint8Array[],
  problems: string[],
): Promise<TimestampReport> {
  const chain = tsaCert ? await chainOf(ctx, tsaCert, certs, genTime, TIME_STAMPING_EKU) : undefined;
  return {
    isValid,
    genTime,
    tsaSubject: tsaCert ? safeSubject(tsaCert) : undefined,
    isTsaTrusted: chain?.isTrusted ?? false,
    problems,
  };
}

function chainOf(
  ctx: ValidationContext,
  cert: Uint8Array,
  certs: readonly Uint8Array[],
  at?: Date,
  eku?: string,
): Promise<ChainReport> {
  return verifyChain(cert, {
    intermediates: [...certs, ...ctx.dss.certificates],
    trustAnchors: ctx.trustAnchors,
    at,
    revocation: ctx.revocation,
    ocspResponses: ctx.dss.ocspResponses,
    crls: ctx.dss.crls,
    fetch: ctx.fetch,
    requiredEku: eku,
  });
}

function chainParts(
  chain: ChainReport | undefined,
  mode: RevocationMode,
): Pick<Partial, 'chain' | 'revocation'> {
  if (!chain) {
    return {
      chain: {
        isTrusted: false,
        isValid: false,
        problems: ['The signer certificate is not in the CMS.'],
        path: [],
      },
      revocation: { status: 'unknown', detail: [] },
    };
  }
  const statuses = chain.path.filter((e) => !e.isTrustAnchor).map((e) => e.revocation.status);
  const status =
    mode === 'off'
      ? 'not-checked'
      : statuses.includes('revoked')
        ? 'revoked'
        : statuses.every((s) => s === 'good')
          ? 'good'
          : 'unknown';
  // Certificates whose status had to be established (not anchors, not ocsp-nocheck, …).
  const needed = chain.path.filter((e) => e.revocation.status !== 'not-checked');
  const inFile =
    mode === 'off'
      ? undefined
      : needed.length > 0 && needed.every((e) => e.revocation.source !== 'none' && !e.revocation.online);
  return {
    chain: {
      isTrusted: chain.isTrusted,
      isValid: chain.problems.every((p) => p.code === 'REVOCATION_UNKNOWN'),
      problems: chain.problems.map((p) => p.message),
      path: chain.path.map((e) => e.subject),
    },
    revocation: {
      status,
      detail: chain.path.map((e) => `${e.subject}: ${e.revocation.status} (${e.revocation.source})`),
      inFile,
    },
  };
}

function rangeBytes(bytes: Uint8Array, range: readonly number[]): Uint8Array[] {
  const [a = 0, b = 0, c = 0, d = 0] = range;
  return [bytes.subarray(a, a + b), bytes.subarray(c, c + d)];
}

function digest(hash: string, data: Uint8Array[]): Uint8Array {
  const h = createHash(hash.replace('-', '').toLowerCase());
  for (const d of data) h.update(d);
  return h.digest();
}

function safeSubject(cert: Uint8Array): string | undefined {
  try {
    return parseCertificate(cert).subject;
  } catch {
    return undefined;
  }
}

/** /M as a date, when present and well-formed. */
export function claimedTime(sig: PdfDict): Date | undefined {
  const m = sig.get('M');
  return m instanceof PdfString ? parsePdfDate(m.text) : undefined;
}
