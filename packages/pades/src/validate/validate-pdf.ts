import { createHash } from 'node:crypto';
import { isPadesError } from '../errors.js';
import { signedFields } from '../pdf/form-fields.js';
import { PdfDict, PdfString } from '../pdf/pdf-objects.js';
import { PdfReader } from '../pdf/pdf-reader.js';
import type { RevocationMode } from '../pki/pki.types.js';
import type { PadesLevel } from '../sign/sign-options.js';
import { readDss } from './dss-reader.js';
import { analyzeChanges } from './modification-analyzer.js';
import { coverageOf, revisionEnds } from './revision-map.js';
import { checkCms, claimedTime, type ValidationContext } from './signature-validator.js';
import type { ChangeReport, SignatureReport, ValidationReport } from './validation-report.js';

/** Options of validate(). */
export interface ValidateOptions {
  /** DER certificates trusted as roots (the platform root, a national TSL, …). */
  trustAnchors: readonly Uint8Array[];
  /** Validation time (default: the signature time-stamp's time, else now). */
  at?: Date;
  /** Revocation checking: only data in the file (default), also fetching, or none. */
  revocation?: RevocationMode;
  fetch?: typeof fetch;
}

/**
 * Validates every signature and document time-stamp of a PDF and reports, per signature,
 * coverage, integrity, signer binding, chain, revocation, time-stamps, later changes and
 * the PAdES level reached with every non-conformity. Never throws for a bad signature;
 * throws a PadesError only when the file itself cannot be read.
 */
export async function validate(pdf: Uint8Array, options: ValidateOptions): Promise<ValidationReport> {
  const reader = new PdfReader(pdf);
  const ctx: ValidationContext = {
    reader,
    dss: readDss(reader),
    trustAnchors: options.trustAnchors,
    at: options.at,
    revocation: options.revocation ?? 'embedded',
    fetch: options.fetch,
  };
  const ends = revisionEnds(pdf);
  const found = signedFields(reader)
    .map((f) => ({ ...f, range: numbers(f.sig.get('ByteRange')) }))
    .sort((a, b) => end(a.range) - end(b.range));
  const reports: SignatureReport[] = [];
  for (const f of found) reports.push(await validateOne(ctx, f.field.fullName, f.sig, f.range, ends));
  assignLevels(reports, ctx);
  return {
    isValid: reports.length > 0 && reports.every((r) => r.isValid),
    revisions: Math.max(1, reader.sections.length),
    signatures: reports,
    hasDss: ctx.dss.present,
  };
}

async function validateOne(
  ctx: ValidationContext,
  fieldName: string,
  sig: PdfDict,
  range: number[],
  ends: number[],
): Promise<SignatureReport> {
  const coverage = coverageOf(ctx.reader, range, ends);
  const isDocTs = sig.name('SubFilter') === 'ETSI.RFC3161' || sig.name('Type') === 'DocTimeStamp';
  const docMdp = docMdpOf(sig);
  let changes: ChangeReport[] = coverage.endsAtRevision ? analyzeChanges(ctx.reader, end(range)) : [];
  changes = changes.map((c) => ({ ...c, allowed: c.allowed && permitted(c, docMdp) }));
  const base = {
    fieldName,
    kind: isDocTs ? ('document-timestamp' as const) : ('signature' as const),
    subFilter: sig.name('SubFilter'),
    declaredName: text(sig, 'Name'),
    claimedTime: claimedTime(sig),
    reason: text(sig, 'Reason'),
    location: text(sig, 'Location'),
    coverage,
    docMdp,
    changes,
    level: 'none' as const,
  };
  try {
    const cms = await checkCms(ctx, sig, range);
    const report = { ...base, ...cms, signerName: commonNameOf(cms.signerSubject), isValid: false };
    report.isValid = isSound(report);
    return report;
  } catch (err) {
    if (!isPadesError(err)) throw err;
    return {
      ...base,
      digestMatches: false,
      signatureValid: false,
      signingCertificateV2: 'missing',
      chain: { isTrusted: false, isValid: false, problems: [], path: [] },
      revocation: { status: 'unknown', detail: [] },
      nonConformities: [],
      problems: [`The signature data cannot be read: ${err.message}`],
      isValid: false,
    };
  }
}

function isSound(r: SignatureReport): boolean {
  return (
    r.digestMatches &&
    r.signatureValid &&
    r.problems.length === 0 &&
    r.coverage.problems.length === 0 &&
    r.chain.isTrusted &&
    r.chain.isValid &&
    r.revocation.status !== 'revoked' &&
    r.changes.every((c) => c.allowed) &&
    (r.timestamp === undefined || r.timestamp.isValid)
  );
}

/** DocMDP P1 forbids everything but validation data; P2 adds forms and signatures; P3 annotations. */
function permitted(c: ChangeReport, p: 1 | 2 | 3 | undefined): boolean {
  if (p === undefined) return true;
  if (c.kind === 'dss' || c.kind === 'document-timestamp' || c.kind === 'catalog' || c.kind === 'appearance')
    return true;
  if (p === 1) return false;
  return c.kind !== 'annotation' || p === 3;
}

function assignLevels(reports: SignatureReport[], ctx: ValidationContext): void {
  const docTs = reports.filter((r) => r.kind === 'document-timestamp' && r.digestMatches && r.signatureValid);
  for (const r of reports) {
    if (r.kind !== 'signature') continue;
    const { level, notes } = levelOf(r, ctx, docTs);
    r.level = level;
    if (notes.length > 0) r.levelNotes = notes;
  }
}

/**
 * The PAdES baseline level a signature reaches (ETSI EN 319 142-1 §6):
 * B-T needs a time-stamp over the signature; B-LT a DSS written after the signature (after
 * its time-stamp) holding validation data for it; B-LTA a document time-stamp over such a DSS.
 * B-LT and B-LTA are only granted with a signature time-stamp attribute: a signature whose
 * only proof of time is a later document time-stamp is reported B-T (pyHanko's pades-lta
 * profile rejects it for lacking a signature time-stamp), and the report says why.
 */
function levelOf(
  r: SignatureReport,
  ctx: ValidationContext,
  docTs: SignatureReport[],
): { level: PadesLevel | 'none'; notes: string[] } {
  const sigEnd = end(r.coverage.byteRange as number[]);
  if (
    !r.digestMatches ||
    !r.signatureValid ||
    r.signingCertificateV2 !== 'bound' ||
    r.nonConformities.length > 0
  )
    return { level: 'none', notes: [] };
  const laterTs = docTs.filter((t) => end(t.coverage.byteRange as number[]) > sigEnd);
  if (!r.timestamp?.isValid) {
    if (laterTs.length === 0) return { level: 'B-B', notes: [] };
    const dssLater = ctx.dss.updates.some((u) => u > sigEnd);
    return {
      level: 'B-T',
      notes: [
        'No signature time-stamp: the time of existence comes from a later document time-stamp' +
          (dssLater
            ? '; the validation data and document time-stamps added later do not make it B-LT or B-LTA (that needs a signature time-stamp).'
            : '.'),
      ],
    };
  }
  const dss = ctx.dss;
  const vriKey = vriKeyOf(ctx, r);
  const dssAfter = dss.updates.filter((u) => u > sigEnd);
  // With revocation checked, the chain check says whether the DSS proves every certificate's
  // status; with revocation 'off', the VRI entry (or, without one, any revocation data) stands in.
  const hasData =
    r.revocation.inFile ??
    (dss.vriKeys.has(vriKey)
      ? dss.vriWithRevocation.has(vriKey)
      : dss.ocspResponses.length > 0 || dss.crls.length > 0);
  if (!dss.present || dssAfter.length === 0) return { level: 'B-T', notes: [] };
  if (!hasData)
    return {
      level: 'B-T',
      notes: ["The DSS holds no OCSP response or CRL for some certificate of this signature's chain."],
    };
  const lta = laterTs.some((t) => dssAfter.some((u) => end(t.coverage.byteRange as number[]) > u));
  return { level: lta ? 'B-LTA' : 'B-LT', notes: [] };
}

function vriKeyOf(ctx: ValidationContext, r: SignatureReport): string {
  const [, b = 0, c = 0] = r.coverage.byteRange;
  const hex = Buffer.from(ctx.reader.bytes.subarray(b + 1, c - 1)).toString('latin1');
  return createHash('sha1').update(Buffer.from(hex, 'hex')).digest('hex').toUpperCase();
}

function docMdpOf(sig: PdfDict): 1 | 2 | 3 | undefined {
  const refs = sig.get('Reference');
  if (!Array.isArray(refs)) return undefined;
  for (const ref of refs) {
    if (!(ref instanceof PdfDict) || ref.name('TransformMethod') !== 'DocMDP') continue;
    const params = ref.get('TransformParams');
    const p = params instanceof PdfDict ? params.get('P') : undefined;
    return p === 1 || p === 3 ? p : 2;
  }
  return undefined;
}

function numbers(v: unknown): number[] {
  return Array.isArray(v) ? v.map((x) => (typeof x === 'number' ? x : -1)) : [];
}

function end(range: number[]): number {
  return (range[2] ?? 0) + (range[3] ?? 0);
}

/** The CN of a subject DN ("CN=Jane Doe, O=…"), else the whole DN. */
function commonNameOf(subject: string | undefined): string | undefined {
  if (subject === undefined) return undefined;
  return /(?:^|,\s*)CN=([^,+]+)/.exec(subject)?.[1]?.trim() ?? subject;
}

function text(d: PdfDict, key: string): string | undefined {
  const v = d.get(key);
  return v instanceof PdfString ? v.text : undefined;
}
