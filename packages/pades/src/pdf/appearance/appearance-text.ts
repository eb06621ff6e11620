import { zoneOffsetMinutes } from '../pdf-date.js';

/** Signature meanings from 21 CFR Part 11 §11.50(a)(3) as used by the EDMS seed. */
export type SignatureMeaning = 'approval' | 'review' | 'responsibility' | 'authorship' | 'witness';

export const SIGNATURE_MEANINGS: readonly SignatureMeaning[] = [
  'approval',
  'review',
  'responsibility',
  'authorship',
  'witness',
];

/** Captions shown in the appearance; callers pass translated ones (zh-CN, he, …). */
export interface AppearanceLabels {
  signedBy: string;
  meaning: string;
  reason: string;
  time: string;
  organisation: string;
  location: string;
  certificate: string;
  /** Keyed by meaning code: the five below, or a code of the caller's own (e.g. "confirmation"). */
  meanings: Record<string, string>;
}

export const ENGLISH_LABELS: AppearanceLabels = {
  signedBy: 'Signed by',
  meaning: 'Meaning',
  reason: 'Reason',
  time: 'Time',
  organisation: 'Organisation',
  location: 'Location',
  certificate: 'Certificate',
  meanings: {
    approval: 'Approval',
    review: 'Review',
    responsibility: 'Responsibility',
    authorship: 'Authorship',
    witness: 'Witness',
  },
};

/** The lines a visible signature can print (a signing profile may pick some). */
export type ManifestationField =
  | 'name'
  | 'meaning'
  | 'reason'
  | 'date'
  | 'organisation'
  | 'location'
  | 'certificate';

/** The display order when the lines are not printed in the order the caller lists them. */
export const MANIFESTATION_ORDER: readonly ManifestationField[] = [
  'name',
  'meaning',
  'reason',
  'date',
  'organisation',
  'location',
  'certificate',
];

/** What §11.50 requires on the signature manifestation, plus the reason. */
export interface ManifestationText {
  printedName: string;
  /** One of SIGNATURE_MEANINGS or the caller's own code (shown by its label, else as the code). */
  meaning?: SignatureMeaning | (string & {});
  reason?: string;
  signedAt: Date;
  /** IANA zone used to display the time, e.g. "Asia/Shanghai" (default UTC). */
  timeZone?: string;
  labels?: Partial<AppearanceLabels>;
  /** The signer's organisation (default: the signing certificate's O). */
  organisation?: string;
  /** Where it was signed (also the PDF /Location). */
  location?: string;
  /** The signing certificate, short: subject CN and serial (and issuer when asked). */
  certificate?: string;
  /**
   * Which lines to print (default: name, meaning, reason, date): in display order
   * (MANIFESTATION_ORDER), or in the order listed when `listedOrder` is set. A line whose
   * value is missing is left out.
   */
  fields?: readonly ManifestationField[];
  listedOrder?: boolean;
}

const DEFAULT_FIELDS: readonly ManifestationField[] = ['name', 'meaning', 'reason', 'date'];

/** The text lines of the manifestation, in display order. */
export function manifestationLines(m: ManifestationText): string[] {
  const labels = { ...ENGLISH_LABELS, ...m.labels };
  const chosen = m.fields ?? DEFAULT_FIELDS;
  const order = m.listedOrder ? [...new Set(chosen)] : MANIFESTATION_ORDER.filter((f) => chosen.includes(f));
  const value: Record<ManifestationField, string | undefined> = {
    name: m.printedName,
    meaning: m.meaning ? (labels.meanings[m.meaning] ?? m.meaning) : undefined,
    reason: m.reason,
    date: formatLocalTime(m.signedAt, m.timeZone ?? 'UTC'),
    organisation: m.organisation,
    location: m.location,
    certificate: m.certificate,
  };
  const caption = (f: ManifestationField) =>
    f === 'name' ? labels.signedBy : f === 'date' ? labels.time : labels[f];
  return order.flatMap((f) => {
    const v = value[f];
    return v ? [`${caption(f)}: ${v}`] : [];
  });
}

/** "2026-01-31 14:05:22 UTC+08:00 (Asia/Shanghai)": unambiguous for auditors. */
export function formatLocalTime(date: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(date, timeZone);
  const local = new Date(date.getTime() + offset * 60_000).toISOString();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  const zone = timeZone === 'UTC' ? '' : ` (${timeZone})`;
  return `${local.slice(0, 10)} ${local.slice(11, 19)} UTC${sign}${hhmm}${zone}`;
}
