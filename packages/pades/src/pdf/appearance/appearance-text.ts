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
  /** Keyed by meaning code: the five below, or a code of the caller's own (e.g. "confirmation"). */
  meanings: Record<string, string>;
}

export const ENGLISH_LABELS: AppearanceLabels = {
  signedBy: 'Signed by',
  meaning: 'Meaning',
  reason: 'Reason',
  time: 'Time',
  meanings: {
    approval: 'Approval',
    review: 'Review',
    responsibility: 'Responsibility',
    authorship: 'Authorship',
    witness: 'Witness',
  },
};

/** The lines a visible signature can print (a signing profile may pick some). */
export type ManifestationField = 'name' | 'meaning' | 'reason' | 'date';

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
  /** Which lines to print, always in display order (default: all of them). */
  fields?: readonly ManifestationField[];
}

/** The text lines of the manifestation, in display order. */
export function manifestationLines(m: ManifestationText): string[] {
  const labels = { ...ENGLISH_LABELS, ...m.labels };
  const shown = (f: ManifestationField) => !m.fields || m.fields.includes(f);
  const lines: string[] = [];
  if (shown('name')) lines.push(`${labels.signedBy}: ${m.printedName}`);
  if (m.meaning && shown('meaning'))
    lines.push(`${labels.meaning}: ${labels.meanings[m.meaning] ?? m.meaning}`);
  if (m.reason && shown('reason')) lines.push(`${labels.reason}: ${m.reason}`);
  if (shown('date')) lines.push(`${labels.time}: ${formatLocalTime(m.signedAt, m.timeZone ?? 'UTC')}`);
  return lines;
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
