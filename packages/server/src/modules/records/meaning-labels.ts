/**
 * Captions of the signature meanings (seed 002 §4.2.2) in the three UI languages, shown in
 * the PDF appearance and the printout beside the code ("批准 (approval)"), so a reader of any
 * language sees the meaning and an auditor the exact code that was sealed.
 */
const LABELS: Record<string, Record<string, string>> = {
  en: {
    approval: 'Approval',
    review: 'Review',
    confirmation: 'Confirmation',
    witness: 'Witness',
    responsibility: 'Responsibility',
    authorship: 'Authorship',
  },
  'zh-CN': {
    approval: '批准',
    review: '审核',
    confirmation: '确认',
    witness: '见证',
    responsibility: '负责',
    authorship: '作者',
  },
  he: {
    approval: 'אישור',
    review: 'סקירה',
    confirmation: 'אימות',
    witness: 'עד',
    responsibility: 'אחריות',
    authorship: 'מחבר',
  },
};

export const MANIFEST_LANGUAGES = ['en', 'zh-CN', 'he'] as const;
export type ManifestLanguage = (typeof MANIFEST_LANGUAGES)[number];

/** "Approval (approval)"; an unknown code is shown as itself. */
export function meaningLabel(code: string, language: string): string {
  const label = (LABELS[language] ?? LABELS.en)?.[code] ?? LABELS.en?.[code];
  return label ? `${label} (${code})` : code;
}
