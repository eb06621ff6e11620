import { createHash } from 'node:crypto';
import { parseSignedData } from '../cms/index.js';
import { isPadesError } from '../errors.js';
import { signedFields } from '../pdf/form-fields.js';
import { IncrementalUpdate } from '../pdf/incremental-writer.js';
import { n, PdfDict, type PdfObject, PdfRef, PdfStream, PdfString } from '../pdf/pdf-objects.js';
import { PdfReader } from '../pdf/pdf-reader.js';
import { decodeStream } from '../pdf/stream-filters.js';
import { parseCertificate } from '../pki/certificate.parser.js';
import { collectAvailableRevocationData, collectRevocationData } from '../pki/revocation-collector.js';
import type { DssOptions } from './sign-options.js';

type Kind = 'Certs' | 'OCSPs' | 'CRLs';
const VRI_KEY: Record<Kind, string> = { Certs: 'Cert', OCSPs: 'OCSP', CRLs: 'CRL' };

/** Validation data gathered for one signature (or document time-stamp). */
interface SignatureData {
  vriKey: string;
  data: Record<Kind, Uint8Array[]>;
}

/** A signature whose validation data could not be completed, and why. */
export interface DssGap {
  fieldName: string;
  /** Certificate subject of the signer (or TSA), when the CMS names it. */
  subject?: string;
  /** One sentence per certificate whose status could not be obtained. */
  reasons: string[];
}

/** What one addDss call did. */
export interface DssReport {
  /** Fields whose signatures (and their time-stamps) now have complete validation data. */
  extended: string[];
  /** Fields whose validation data is incomplete: what could be had is embedded, the rest is listed. */
  gaps: DssGap[];
}

/**
 * Adds (or extends) the Document Security Store in a new revision: the certificates, OCSP
 * responses and CRLs needed to validate every signature and time-stamp later, with a VRI
 * entry per signature. This is what turns B-T into B-LT.
 *
 * `required` names the signatures whose data must be complete (default: all); for any other
 * signature (one made by a third party) whatever can be obtained is embedded, the rest is
 * reported through `onReport` instead of failing. Signatures already carrying an OCSP response
 * or CRL in their VRI entry are left alone; ones recorded earlier without are tried again.
 */
export async function addDss(pdf: Uint8Array, options: DssOptions = {}): Promise<Uint8Array> {
  const reader = new PdfReader(pdf);
  const existing = reader.dict(reader.catalog().get('DSS'));
  const vri = reader.dict(existing?.get('VRI'));
  const pending: SignatureData[] = [];
  const report: DssReport = { extended: [], gaps: [] };
  const required = options.required ?? 'all';
  for (const { field, sig } of signedFields(reader)) {
    const contents = sig.get('Contents');
    if (!(contents instanceof PdfString)) continue;
    const vriKey = createHash('sha1').update(contents.bytes).digest('hex').toUpperCase();
    const known = reader.dict(vri?.get(vriKey));
    if (known && hasRevocation(reader, known)) continue;
    const strict = required === 'all' || required.includes(field.fullName);
    const got = await gather(contents.bytes, sig.name('SubFilter'), options, strict);
    if (got.missing.length === 0) report.extended.push(field.fullName);
    else report.gaps.push({ fieldName: field.fullName, subject: got.subject, reasons: got.missing });
    // A retry that found no more than the entry already holds adds nothing.
    if (known && got.data.OCSPs.length === 0 && got.data.CRLs.length === 0) continue;
    pending.push({ vriKey, data: got.data });
  }
  options.onReport?.(report);
  if (pending.length === 0) return pdf;
  return writeDss(reader, existing, vri, pending);
}

function hasRevocation(reader: PdfReader, entry: PdfDict): boolean {
  return ['OCSP', 'CRL'].some((k) => {
    const arr = reader.get(entry.get(k));
    return Array.isArray(arr) && arr.length > 0;
  });
}

async function gather(
  contents: Uint8Array,
  subFilter: string | undefined,
  o: DssOptions,
  strict: boolean,
): Promise<{ data: Record<Kind, Uint8Array[]>; missing: string[]; subject?: string }> {
  const data: Record<Kind, Uint8Array[]> = {
    Certs: [...(o.certificates ?? [])],
    OCSPs: [...(o.ocspResponses ?? [])],
    CRLs: [...(o.crls ?? [])],
  };
  const missing: string[] = [];
  let cms: ReturnType<typeof parseSignedData>;
  try {
    cms = parseSignedData(trimDer(contents));
  } catch (err) {
    if (strict || !isPadesError(err)) throw err;
    return { data, missing: [`the signature's CMS cannot be read: ${err.message}`] };
  }
  const chains: Uint8Array[][] = [];
  if (cms.signerCertificate) chains.push(orderChain(cms.signerCertificate, cms.certificates));
  else missing.push('the CMS does not carry the signer certificate');
  const tokens = subFilter === 'ETSI.RFC3161' ? [] : cms.timestampTokens;
  for (const token of tokens) {
    try {
      const tst = parseSignedData(token);
      if (tst.signerCertificate) chains.push(orderChain(tst.signerCertificate, tst.certificates));
    } catch (err) {
      if (strict || !isPadesError(err)) throw err;
      missing.push(`the signature time-stamp cannot be read: ${err.message}`);
    }
  }
  for (const chain of chains) {
    const got = strict
      ? { data: await collectRevocationData(chain, o), missing: [] }
      : await collectAvailableRevocationData(chain, o);
    data.Certs.push(...chain, ...got.data.certificates);
    data.OCSPs.push(...got.data.ocspResponses);
    data.CRLs.push(...got.data.crls);
    missing.push(...got.missing);
  }
  const subject = cms.signerCertificate ? subjectOf(cms.signerCertificate) : undefined;
  return { data, missing, subject };
}

function subjectOf(cert: Uint8Array): string | undefined {
  try {
    return parseCertificate(cert).subject;
  } catch {
    return undefined;
  }
}

/** Signer first, then the other certificates of the CMS (the collector builds the path). */
function orderChain(signer: Uint8Array, all: readonly Uint8Array[]): Uint8Array[] {
  return [signer, ...all.filter((c) => Buffer.compare(Buffer.from(c), Buffer.from(signer)) !== 0)];
}

/** /Contents is zero-padded; the DER length header says where the CMS really ends. */
export function trimDer(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0x30 || bytes.length < 2) return bytes;
  const first = bytes[1]!;
  if (first < 0x80) return bytes.subarray(0, 2 + first);
  const count = first & 0x7f;
  let len = 0;
  for (let i = 0; i < count; i += 1) len = len * 256 + (bytes[2 + i] ?? 0);
  return bytes.subarray(0, Math.min(bytes.length, 2 + count + len));
}

function writeDss(
  reader: PdfReader,
  existing: PdfDict | undefined,
  vri: PdfDict | undefined,
  pending: SignatureData[],
): Uint8Array {
  const upd = new IncrementalUpdate(reader);
  const dss = existing ? existing.clone() : PdfDict.of({ Type: n('DSS') });
  const newVri = vri ? vri.clone() : new PdfDict();
  for (const kind of ['Certs', 'OCSPs', 'CRLs'] as const) {
    const list = resolveArray(reader, dss.get(kind));
    const known = new Map<string, PdfRef>();
    for (const ref of list) if (ref instanceof PdfRef) known.set(hashOf(reader, ref), ref);
    for (const sig of pending) {
      if (kind === 'Certs') {
        // Indirect VRI entries (pyHanko writes them) are read and rewritten as direct ones.
        const before = reader.dict(vri?.get(sig.vriKey));
        newVri.set(sig.vriKey, before ? before.clone() : new PdfDict());
      }
      const refs = sig.data[kind].map((bytes) => {
        const key = createHash('sha256').update(bytes).digest('hex');
        let ref = known.get(key);
        if (!ref) {
          ref = upd.add(new PdfStream(new PdfDict(), bytes));
          known.set(key, ref);
          list.push(ref);
        }
        return ref;
      });
      // The entry was copied (never shared with the reader's cache) on the first pass.
      const entry = newVri.get(sig.vriKey) as PdfDict;
      if (refs.length > 0) entry.set(VRI_KEY[kind], [...new Set(refs)]);
    }
    if (list.length > 0) dss.set(kind, list);
  }
  dss.set('VRI', newVri);
  const dssRef = reader.catalog().get('DSS');
  if (dssRef instanceof PdfRef) upd.set(dssRef, dss);
  else upd.set(reader.rootRef, reader.catalog().clone().set('DSS', upd.add(dss)));
  return upd.write().bytes;
}

function resolveArray(reader: PdfReader, v: PdfObject | undefined): PdfObject[] {
  const arr = reader.get(v);
  return Array.isArray(arr) ? [...arr] : [];
}

function hashOf(reader: PdfReader, ref: PdfRef): string {
  const s = reader.get(ref);
  const bytes = s instanceof PdfStream ? decodeStream(s) : new Uint8Array(0);
  return createHash('sha256').update(bytes).digest('hex');
}
