import { createHash } from 'node:crypto';
import { parseSignedData } from '../cms/index.js';
import { signedFields } from '../pdf/form-fields.js';
import { IncrementalUpdate } from '../pdf/incremental-writer.js';
import { n, PdfDict, type PdfObject, PdfRef, PdfStream, PdfString } from '../pdf/pdf-objects.js';
import { PdfReader } from '../pdf/pdf-reader.js';
import { decodeStream } from '../pdf/stream-filters.js';
import { collectRevocationData } from '../pki/revocation-collector.js';
import type { DssOptions } from './sign-options.js';

type Kind = 'Certs' | 'OCSPs' | 'CRLs';
const VRI_KEY: Record<Kind, string> = { Certs: 'Cert', OCSPs: 'OCSP', CRLs: 'CRL' };

/** Validation data gathered for one signature (or document time-stamp). */
interface SignatureData {
  vriKey: string;
  data: Record<Kind, Uint8Array[]>;
}

/**
 * Adds (or extends) the Document Security Store in a new revision: the certificates, OCSP
 * responses and CRLs needed to validate every signature and time-stamp later, with a VRI
 * entry per signature. This is what turns B-T into B-LT.
 */
export async function addDss(pdf: Uint8Array, options: DssOptions = {}): Promise<Uint8Array> {
  const reader = new PdfReader(pdf);
  const existing = reader.dict(reader.catalog().get('DSS'));
  const vri = reader.dict(existing?.get('VRI'));
  const pending: SignatureData[] = [];
  for (const { sig } of signedFields(reader)) {
    const contents = sig.get('Contents');
    if (!(contents instanceof PdfString)) continue;
    const vriKey = createHash('sha1').update(contents.bytes).digest('hex').toUpperCase();
    if (vri?.has(vriKey)) continue;
    pending.push({ vriKey, data: await gather(contents.bytes, sig.name('SubFilter'), options) });
  }
  if (pending.length === 0) return pdf;
  return writeDss(reader, existing, vri, pending);
}

async function gather(
  contents: Uint8Array,
  subFilter: string | undefined,
  o: DssOptions,
): Promise<Record<Kind, Uint8Array[]>> {
  const data: Record<Kind, Uint8Array[]> = {
    Certs: [...(o.certificates ?? [])],
    OCSPs: [...(o.ocspResponses ?? [])],
    CRLs: [...(o.crls ?? [])],
  };
  const cms = parseSignedData(trimDer(contents));
  const chains: Uint8Array[][] = [];
  if (cms.signerCertificate) chains.push(orderChain(cms.signerCertificate, cms.certificates));
  const tokens = subFilter === 'ETSI.RFC3161' ? [] : cms.timestampTokens;
  for (const token of tokens) {
    const tst = parseSignedData(token);
    if (tst.signerCertificate) chains.push(orderChain(tst.signerCertificate, tst.certificates));
  }
  for (const chain of chains) {
    const got = await collectRevocationData(chain, o);
    data.Certs.push(...chain, ...got.certificates);
    data.OCSPs.push(...got.ocspResponses);
    data.CRLs.push(...got.crls);
  }
  return data;
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
      const entry = (newVri.get(sig.vriKey) as PdfDict | undefined) ?? new PdfDict();
      if (refs.length > 0) entry.set(VRI_KEY[kind], [...new Set(refs)]);
      newVri.set(sig.vriKey, entry);
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
