import { type AppearanceLabels, extendToLta, type Signer, signPdf, type Timestamper } from '@signx/pades';
import type { PlatformTrust } from '../../platform/trust/platform-trust.js';
import type { DeclineStamp } from './decline-stamp.js';
import type { SignatureMark } from './signature-input.js';
import { createTextPdf } from './text-pdf.js';

/** Appearance labels per request language (the mark, printed name, reason and time are shown). */
const LABELS: Record<string, Partial<AppearanceLabels>> = {
  en: {},
  he: { signedBy: 'נחתם על ידי', reason: 'סיבה', time: 'זמן' },
  'zh-CN': { signedBy: '签署人', reason: '原因', time: '时间' },
};

/** Where the n-th signature box sits on page 1: rows of three along the bottom margin. */
function boxFor(index: number): [number, number, number, number] {
  return [36 + (index % 3) * 180, 36 + Math.floor(index / 3) * 84, 172, 78];
}

/**
 * Signs one PDF for one signer: a PAdES B-T signature by the signer's own certificate,
 * time-stamped by the platform TSA, with a visible appearance (mark, printed name, reason,
 * time). Every signature is an incremental update, so earlier ones stay valid.
 */
/** The field name of the n-th signer signature (0-based) in a request's documents. */
export const signatureFieldName = (index: number) => `SignX_Signature_${index + 1}`;

export async function signForSigner(
  pdf: Uint8Array,
  input: {
    signer: Signer;
    timestamper: Timestamper;
    mark: SignatureMark;
    printedName: string;
    reason: string;
    signedAt: Date;
    index: number;
    language: string;
  },
): Promise<Uint8Array> {
  return signPdf(pdf, {
    signer: input.signer,
    level: 'B-T',
    timestamper: input.timestamper,
    signingTime: input.signedAt,
    name: input.printedName,
    reason: input.reason,
    meaning: 'approval',
    fieldName: signatureFieldName(input.index),
    visible: {
      page: 1,
      rect: boxFor(input.index),
      ...(input.mark.image ? { image: input.mark.image } : { typedName: input.mark.typedName }),
      labels: LABELS[input.language] ?? {},
    },
  });
}

/**
 * The platform seal on completion (or on decline, then with the visible "declined" stamp):
 * a signature by the platform seal certificate,
 * then validation data for every signature (DSS, from the platform's own OCSP/CRL) and a
 * document time-stamp over it all, PAdES B-LTA.
 */
export async function sealToLta(
  pdf: Uint8Array,
  trust: PlatformTrust,
  options: { declined?: { stamp: DeclineStamp; index: number }; required?: readonly string[] } = {},
): Promise<Uint8Array> {
  const { declined } = options;
  const timestamper = await trust.timestamper();
  const revocation = await trust.revocationSources();
  // With signatures by a signer's own certificate (another CA), only ours must have complete
  // validation data; theirs gets what can be had, its absence does not stop the seal.
  if (options.required) revocation.required = [...options.required, 'SignX_Platform_Seal'];
  const stamp = declined?.stamp;
  const sealed = await signPdf(pdf, {
    signer: await trust.sealSigner(),
    level: 'B-T',
    timestamper,
    // The decline time goes into the reason line; the signing time stays the seal's own.
    reason: stamp
      ? `${stamp.reason} (${stamp.at.toISOString().slice(0, 16).replace('T', ' ')} UTC)`
      : 'SignX platform seal: all signatures collected',
    fieldName: 'SignX_Platform_Seal',
    // A declined request's seal is visible: the "declined" stamp (word, who, reason, time).
    ...(stamp && declined
      ? {
          name: stamp.declinedBy,
          visible: {
            page: 1,
            rect: boxFor(declined.index),
            typedName: stamp.word,
            labels: stamp.labels,
          },
        }
      : {}),
  });
  return extendToLta(sealed, { timestamper, revocation });
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
  return doc.save({ useObjectStreams: false });
}
