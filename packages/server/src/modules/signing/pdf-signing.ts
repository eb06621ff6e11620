import { type AppearanceLabels, extendToLta, type Signer, signPdf, type Timestamper } from '@signx/pades';
import type { PlatformTrust } from '../../platform/trust/platform-trust.js';
import type { DocumentPlacement } from './field-stamps.js';
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
    /** Placed fields: the signature's box (page 0: the default box) and the filled values. */
    placement?: DocumentPlacement;
  },
): Promise<Uint8Array> {
  const placed = input.placement && input.placement.page > 0 ? input.placement : undefined;
  return signPdf(pdf, {
    signer: input.signer,
    level: 'B-T',
    timestamper: input.timestamper,
    signingTime: input.signedAt,
    name: input.printedName,
    reason: input.reason,
    meaning: 'approval',
    fieldName: `SignX_Signature_${input.index + 1}`,
    visible: {
      page: placed?.page ?? 1,
      rect: placed?.rect ?? boxFor(input.index),
      ...(input.mark.image ? { image: input.mark.image } : { typedName: input.mark.typedName }),
      labels: LABELS[input.language] ?? {},
      stamps: input.placement?.stamps ?? [],
    },
  });
}

/**
 * The platform seal on completion: an invisible signature by the platform seal certificate,
 * then validation data for every signature (DSS, from the platform's own OCSP/CRL) and a
 * document time-stamp over it all, PAdES B-LTA.
 */
export async function sealToLta(pdf: Uint8Array, trust: PlatformTrust): Promise<Uint8Array> {
  const timestamper = await trust.timestamper();
  const revocation = await trust.revocationSources();
  const sealed = await signPdf(pdf, {
    signer: await trust.sealSigner(),
    level: 'B-T',
    timestamper,
    reason: 'SignX platform seal: all signatures collected',
    fieldName: 'SignX_Platform_Seal',
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
