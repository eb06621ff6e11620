import type { AppearanceLabels } from '@signx/pades';
import type { SignerRow } from './requests.repository.js';

/** What the "declined" stamp shows: who declined, why and when, in the request's language. */
export interface DeclineStamp {
  word: string;
  declinedBy: string;
  reason: string;
  at: Date;
  labels: Partial<AppearanceLabels>;
}

const WORDS: Record<string, { word: string; labels: Partial<AppearanceLabels> }> = {
  en: { word: 'DECLINED', labels: { signedBy: 'Declined by', reason: 'Reason', time: 'Time' } },
  he: { word: 'נדחה', labels: { signedBy: 'נדחה על ידי', reason: 'סיבה', time: 'זמן' } },
  'zh-CN': { word: '已拒签', labels: { signedBy: '拒签人', reason: '原因', time: '时间' } },
};

/**
 * The stamp of a rejected request (Documenso stamps and still seals a declined document):
 * taken from the signer who declined. The stamp is the visible appearance of the platform
 * seal signature itself, added as an incremental update, so the signatures made before the
 * decline stay valid and the stamp is covered by the seal.
 */
export function declineStampFor(signers: readonly SignerRow[], language: string): DeclineStamp | undefined {
  const who = signers.find((s) => s.status === 'declined' && s.declined_at);
  if (!who?.declined_at) return undefined;
  const words = WORDS[language] ?? WORDS.en;
  if (!words) return undefined;
  return {
    word: words.word,
    declinedBy: who.signer_name,
    reason: (who.decline_reason ?? '').slice(0, 200),
    at: new Date(who.declined_at),
    labels: words.labels,
  };
}
