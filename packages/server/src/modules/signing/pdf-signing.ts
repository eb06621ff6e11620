import {
  type AppearanceLabels,
  type DssGap,
  type DssOptions,
  ENGLISH_LABELS,
  extendToLta,
  type PadesLevel,
  type Signer,
  signPdf,
  type Timestamper,
} from '@signx/pades';
import type { PlatformTrust } from '../../platform/trust/platform-trust.js';
import type { ProfileAppearance } from '../profiles/index.js';
import type { DeclineStamp } from './decline-stamp.js';
import type { DocumentPlacement } from './field-stamps.js';
import type { SignatureMark } from './signature-input.js';
import { createTextPdf } from './text-pdf.js';

/** Appearance labels per request language (the mark, printed name, reason and time are shown). */
const LABELS: Record<string, Partial<AppearanceLabels>> = {
  en: {},
  he: { signedBy: 'נחתם על ידי', reason: 'סיבה', time: 'זמן' },
  'zh-CN': { signedBy: '签署人', reason: '原因', time: '时间' },
};
/** The "Meaning" caption, shown translated where a signature names its meaning (Part 11 records). */
const MEANING_CAPTION: Record<string, string> = { en: 'Meaning', he: 'משמעות', 'zh-CN': '含义' };

/** Where the n-th signature box sits on page 1: rows of three along the bottom margin. */
function boxFor(index: number): [number, number, number, number] {
  return [36 + (index % 3) * 180, 36 + Math.floor(index / 3) * 84, 172, 78];
}

/** The field name of the n-th signer signature (0-based) in a request's documents. */
export const signatureFieldName = (index: number) => `SignX_Signature_${index + 1}`;
const SEAL_FIELD = 'SignX_Platform_Seal';

/**
 * Signs one PDF for one signer: a PAdES B-T signature by the signer's own certificate,
 * time-stamped by the platform TSA, with a visible appearance (mark, printed name, reason,
 * time). Every signature is an incremental update, so earlier ones stay valid.
 */
export async function signForSigner(
  pdf: Uint8Array,
  input: {
    signer: Signer;
    /** Absent only for B-B. */
    timestamper?: Timestamper;
    mark: SignatureMark;
    printedName: string;
    reason: string;
    signedAt: Date;
    index: number;
    language: string;
    /** Placed fields: the signature's box (page 0: the default box) and the filled values. */
    placement?: DocumentPlacement;
    /** §11.50 meaning code (default approval) and its caption, for Part 11 record signatures. */
    meaning?: string;
    meaningLabel?: string;
    /** The PDF /Location (a signing profile's location). */
    location?: string;
    /** IANA zone of /M and the shown time (default UTC). */
    timeZone?: string;
    /** Default: the request's n-th signer field. */
    fieldName?: string;
    /** PAdES level (default B-T); B-LT and B-LTA need `revocation` (the platform's sources). */
    level?: PadesLevel;
    revocation?: DssOptions;
    /** A configured signing profile's lines, captions and font (default: every line, the request language's captions). */
    appearance?: ProfileAppearance;
  },
): Promise<Uint8Array> {
  const meaning = input.meaning ?? 'approval';
  const look = input.appearance;
  const labels = look?.labels ?? LABELS[input.language] ?? {};
  const placed = input.placement && input.placement.page > 0 ? input.placement : undefined;
  return signPdf(pdf, {
    signer: input.signer,
    level: input.level ?? 'B-T',
    timestamper: input.timestamper,
    ...(input.revocation ? { revocation: input.revocation } : {}),
    signingTime: input.signedAt,
    name: input.printedName,
    ...(input.reason ? { reason: input.reason } : {}),
    meaning,
    ...(input.location ? { location: input.location } : {}),
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
    fieldName: input.fieldName ?? signatureFieldName(input.index),
    visible: {
      page: placed?.page ?? 1,
      rect: placed?.rect ?? boxFor(input.index),
      ...(input.mark.image ? { image: input.mark.image } : { typedName: input.mark.typedName }),
      labels: input.meaningLabel
        ? {
            ...labels,
            meaning: look?.labels.meaning ?? MEANING_CAPTION[input.language] ?? 'Meaning',
            meanings: { ...ENGLISH_LABELS.meanings, [meaning]: input.meaningLabel },
          }
        : labels,
      ...(look
        ? {
            fields: look.fields,
            listedOrder: look.listedOrder,
            certificate: { issuer: look.certificateIssuer },
          }
        : {}),
      ...(look?.fonts ? { fonts: look.fonts } : {}),
      stamps: input.placement?.stamps ?? [],
    },
  });
}

/** How a seal treats the signatures already in the PDF. */
export interface SealOptions {
  /**
   * The fields of the platform-certified signer signatures: these and the seal must get
   * complete validation data from the platform's OCSP/CRL, else the seal fails.
   */
  ownFields: readonly string[];
  /** The SSRF-safe outbound fetch, for a third party's signature that says where to look. */
  fetch?: typeof fetch;
  /** What could not be had for a third party's (or own-certificate) signature. */
  onGap?: (gap: DssGap) => void;
  /** A declined request: the seal becomes the visible "declined" stamp. */
  declined?: { stamp: DeclineStamp; index: number };
}

/**
 * The platform seal on completion (or on decline, then with the visible "declined" stamp): a
 * signature by the platform seal certificate, then validation data for every signature (DSS)
 * and a document time-stamp over it all, PAdES B-LTA. Signatures by a third party or by a
 * signer's own certificate (another CA) are extended as far as their certificates allow and
 * what could not be had goes to `onGap`, instead of refusing the whole seal.
 */
export async function sealToLta(
  pdf: Uint8Array,
  trust: PlatformTrust,
  options: SealOptions = { ownFields: [] },
): Promise<Uint8Array> {
  const timestamper = await trust.timestamper();
  const revocation = await trust.revocationSources();
  const stamp = options.declined?.stamp;
  const sealed = await signPdf(pdf, {
    signer: await trust.sealSigner(),
    level: 'B-T',
    timestamper,
    // The decline time goes into the reason line; the signing time stays the seal's own.
    reason: stamp
      ? `${stamp.reason} (${stamp.at.toISOString().slice(0, 16).replace('T', ' ')} UTC)`
      : 'SignX platform seal: all signatures collected',
    fieldName: SEAL_FIELD,
    // A declined request's seal is visible: the "declined" stamp (word, who, reason, time).
    ...(stamp && options.declined
      ? {
          name: stamp.declinedBy,
          visible: {
            page: 1,
            rect: boxFor(options.declined.index),
            typedName: stamp.word,
            labels: stamp.labels,
          },
        }
      : {}),
  });
  return extendToLta(sealed, {
    timestamper,
    revocation: {
      ...revocation,
      required: [SEAL_FIELD, ...options.ownFields],
      ...(options.fetch ? { fetch: options.fetch } : {}),
      onReport: (report) => {
        for (const gap of report.gaps) options.onGap?.(gap);
      },
    },
  });
}

/**
 * A one-page PDF for a request that carries no document of its own (seed 004's use cases
 * sign a record, not a file): number, record, title and description, so there is always a
 * PDF to carry the real signatures (text set by text-pdf.ts, per script run).
 */
export async function requestSummaryPdf(input: {
  requestNumber: string;
  entityType: string;
  entityId: string;
  title: string;
  description: string | null;
  createdAt: string;
}): Promise<Uint8Array> {
  const { doc, out } = await createTextPdf(false);
  doc.setTitle(`${input.requestNumber} ${input.title}`);
  out.line(input.requestNumber, 18);
  out.line(input.title.slice(0, 90), 14);
  out.line(`${input.entityType} #${input.entityId}`, 11);
  out.line((input.description ?? '').slice(0, 1200), 11);
  out.line(`Created ${input.createdAt}`, 9);
  await out.finish();
  return doc.save({ useObjectStreams: false });
}
