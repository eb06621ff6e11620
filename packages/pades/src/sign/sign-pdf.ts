import { buildPadesSignedData, estimateSignedDataSize } from '../cms/index.js';
import { PadesError } from '../errors.js';
import {
  type AppearanceContent,
  blankAppearance,
  buildAppearance,
  buildStampAppearance,
} from '../pdf/appearance/appearance-builder.js';
import { signedFields } from '../pdf/form-fields.js';
import { IncrementalUpdate } from '../pdf/incremental-writer.js';
import { formatPdfDate, zoneOffsetMinutes } from '../pdf/pdf-date.js';
import { PdfDict, type PdfRef } from '../pdf/pdf-objects.js';
import { PdfReader } from '../pdf/pdf-reader.js';
import { sanitizePdf } from '../pdf/sanitizer.js';
import { buildSealAppearance } from '../pdf/seal/seal-appearance.js';
import {
  digestRanges,
  embedContents,
  fixByteRange,
  signatureDictionary,
} from '../pdf/signature-dictionary.js';
import { existingFieldSize, placeSignatureField } from '../pdf/signature-field-placer.js';
import { parseCertificate } from '../pki/certificate.parser.js';
import { organisationOf } from '../pki/organisation-certificate.js';
import { addDocumentTimestamp } from './document-timestamp.js';
import { addDss } from './dss-extender.js';
import type { SignPdfOptions } from './sign-options.js';

/** Headroom over the estimated CMS size: revocation-free CMS sizes vary by a few bytes. */
const CONTENTS_MARGIN = 64;

/**
 * Signs a PDF at a PAdES baseline level by appending one incremental update (plus a DSS and
 * a document time-stamp for B-LT/B-LTA). Earlier revisions and signatures stay untouched.
 * Reads only the xref chain and the objects it edits, so large files cost little more than
 * hashing them.
 */
export async function signPdf(
  /** The PDF, or a reader of it already open (its parsed objects are reused, not re-read). */
  input: Uint8Array | PdfReader,
  options: SignPdfOptions,
): Promise<Uint8Array> {
  const pdf = input instanceof PdfReader ? input.bytes : input;
  const level = options.level ?? 'B-B';
  if (level !== 'B-B' && !options.timestamper) {
    throw new PadesError('INVALID_ARGUMENT', `PAdES ${level} needs a time-stamp authority (timestamper).`);
  }
  const page = options.visible?.page;
  if (page !== undefined && (!Number.isInteger(page) || page < 1)) {
    throw new PadesError('INVALID_ARGUMENT', `page ${String(page)} is not a page number (1, 2, …).`);
  }
  let reader = input instanceof PdfReader ? input : new PdfReader(pdf);
  const isFirst = signedFields(reader).length === 0;
  if (options.sanitize) {
    if (!isFirst)
      throw new PadesError(
        'INVALID_ARGUMENT',
        'A signed PDF cannot be sanitized: it would break signatures.',
      );
    reader = new PdfReader(sanitizePdf(pdf, options.sanitize === true ? {} : options.sanitize));
  }
  if (options.certify && !isFirst) {
    throw new PadesError(
      'INVALID_ARGUMENT',
      'Only the first signature of a document can certify it (DocMDP).',
    );
  }
  const signed = await signOnce(reader, options);
  if (level === 'B-B' || level === 'B-T') return signed;
  // Our signature must get complete validation data; other signers' is added where obtainable.
  const withDss = await addDss(signed, { ...options.revocation, required: [newestField(signed)] });
  if (level === 'B-LT') return withDss;
  return addDocumentTimestamp(withDss, { timestamper: options.timestamper!, hash: options.signer.hash });
}

async function signOnce(reader: PdfReader, o: SignPdfOptions): Promise<Buffer> {
  const upd = new IncrementalUpdate(reader);
  const sigRef = upd.allocate();
  const signedAt = o.signingTime ?? new Date();
  const zone = o.timeZone ?? 'UTC';
  const withTs = (o.level ?? 'B-B') !== 'B-B';
  const contentsSize = o.contentsSize ?? estimateSignedDataSize(o.signer, withTs) + CONTENTS_MARGIN;
  const name = o.name ?? commonName(o.signer.certificate);
  upd.set(
    sigRef,
    signatureDictionary({
      subFilter: 'ETSI.CAdES.detached',
      contentsSize,
      date: formatPdfDate(signedAt, zoneOffsetMinutes(signedAt, zone)),
      name,
      reason: reasonText(o),
      location: o.location,
      contactInfo: o.contactInfo,
      docMdp: o.certify,
    }),
  );
  const appearance = await appearanceFor(upd, o, { printedName: name, signedAt, timeZone: zone });
  const pageIndex = Math.max(0, (o.visible?.page ?? 1) - 1);
  const stamps = await stampsFor(upd, o);
  placeSignatureField(upd, sigRef, {
    fieldName: o.fieldName,
    pageIndex,
    rect: o.visible?.rect,
    appearance,
    stamps,
  });
  if (o.certify) certifyCatalog(upd, sigRef);
  const { bytes, offsets } = upd.write();
  const prepared = fixByteRange(bytes, offsets.get(sigRef.num)!);
  const digest = digestRanges(prepared, o.signer.hash);
  const cms = await buildPadesSignedData({
    signer: o.signer,
    documentDigest: digest,
    timestamper: withTs ? o.timestamper : undefined,
  });
  return embedContents(prepared, cms);
}

/** Field name of the signature that covers the whole file: the one just made. */
function newestField(pdf: Uint8Array): string {
  const found = signedFields(new PdfReader(pdf)).find(({ sig }) => {
    const r = sig.get('ByteRange');
    return Array.isArray(r) && Number(r[2]) + Number(r[3]) === pdf.length;
  });
  if (!found) throw new PadesError('MALFORMED_PDF', 'The new signature cannot be found again.');
  return found.field.fullName;
}

/** The Reason entry carries the §11.50 meaning too, so non-visual validators show it. */
function reasonText(o: SignPdfOptions): string | undefined {
  if (o.meaning && o.reason) return `${o.meaning}: ${o.reason}`;
  return o.reason ?? o.meaning;
}

async function appearanceFor(
  upd: IncrementalUpdate,
  o: SignPdfOptions,
  base: { printedName: string; signedAt: Date; timeZone: string },
): Promise<(w: number, h: number) => PdfRef> {
  const size =
    existingFieldSize(upd.reader, o.fieldName) ??
    (o.visible?.rect ? [o.visible.rect[2], o.visible.rect[3]] : undefined);
  if (!o.visible || !size || size[0] <= 0 || size[1] <= 0) return (w, h) => blankAppearance(upd, w, h);
  const content: AppearanceContent = {
    ...base,
    meaning: o.meaning,
    reason: o.reason,
    image: o.visible.image,
    typedName: o.visible.typedName,
    fonts: o.visible.fonts,
    labels: o.visible.labels,
    ...(o.visible.fields ? { fields: o.visible.fields, listedOrder: o.visible.listedOrder } : {}),
    ...signerDetails(o),
  };
  if (o.visible.seal) {
    const [w, h] = size;
    const caption = o.visible.sealCaption ?? 0;
    const isWhole = (o.visible.seal.slice?.count ?? 1) === 1;
    if (!isWhole || caption <= 0 || caption >= h) {
      const sealRef = await buildSealAppearance(upd, w, h, o.visible.seal, o.visible.fonts);
      return () => sealRef;
    }
    const inner = {
      ref: await buildSealAppearance(upd, w, h - caption, o.visible.seal, o.visible.fonts),
      height: h - caption,
    };
    const captioned = await buildAppearance(upd, w, h, { ...content, inner });
    return () => captioned;
  }
  const ref = await buildAppearance(upd, size[0], size[1], content);
  return () => ref;
}

/** Builds the appearance of each filled-in value the signature also shows. */
async function stampsFor(upd: IncrementalUpdate, o: SignPdfOptions) {
  const out = [];
  for (const stamp of o.visible?.stamps ?? []) {
    const [, , w, h] = stamp.rect;
    if (w <= 0 || h <= 0)
      throw new PadesError('INVALID_ARGUMENT', 'A stamp needs a positive width and height.');
    const seal = o.visible?.seal;
    const appearance =
      stamp.sealSlice && seal
        ? await buildSealAppearance(upd, w, h, seal, o.visible?.fonts, stamp.sealSlice)
        : await buildStampAppearance(upd, w, h, { ...stamp, fonts: o.visible?.fonts });
    out.push({ pageIndex: Math.max(0, stamp.page - 1), rect: stamp.rect, appearance });
  }
  return out;
}

function certifyCatalog(upd: IncrementalUpdate, sigRef: PdfRef): void {
  const root = upd.reader.rootRef;
  const catalog = upd.current(root);
  if (!(catalog instanceof PdfDict))
    throw new PadesError('MALFORMED_PDF', 'The PDF has no document catalog.');
  upd.set(root, catalog.clone().set('Perms', PdfDict.of({ DocMDP: sigRef })));
}

function commonName(cert: Uint8Array): string {
  const subject = parseCertificate(cert).subject;
  return /CN=([^,+]+)/.exec(subject)?.[1]?.trim() ?? subject;
}

/** The organisation, location and certificate lines: from the options, else the signing certificate. */
function signerDetails(o: SignPdfOptions): {
  organisation?: string;
  location?: string;
  certificate?: string;
} {
  const cert = parseCertificate(o.signer.certificate);
  const organisation =
    o.visible?.organisation ?? organisationOf(o.signer.certificate).organization ?? undefined;
  const serial = cert.serial.replace(/^0+(?=.)/, '').toUpperCase();
  const short = serial.length > 16 ? `${serial.slice(0, 8)}…${serial.slice(-8)}` : serial;
  const issuer = o.visible?.certificate?.issuer ? /CN=([^,+]+)/.exec(cert.issuer)?.[1]?.trim() : undefined;
  const certificate = `${commonName(o.signer.certificate)} #${short}${issuer ? ` (${issuer})` : ''}`;
  return {
    ...(organisation ? { organisation } : {}),
    ...(o.location ? { location: o.location } : {}),
    certificate,
  };
}
