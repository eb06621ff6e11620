import type { ProfileSettings } from './profiles.api';

/** One refused setting: the form field it belongs to, the message key and its values. */
export interface SettingProblem {
  field: string;
  key: string;
  values?: Record<string, string | number>;
}

const OID = /^[0-2](\.[0-9]+)+$/;
const URL = /^https?:\/\/\S+$/;
export const LIMITS = { tsa: 5, text: 200, list: 20, fields: 10, languages: 5, minRsa: 2048, maxRsa: 16384 };

/**
 * Everything in a profile's settings the server would refuse (profiles.settings.ts), found
 * before sending so each field can say what is wrong: URLs, OIDs, sizes, empty choices, limits.
 */
export function settingProblems(s: ProfileSettings): SettingProblem[] {
  const out: SettingProblem[] = [];
  const add = (field: string, key: string, values?: SettingProblem['values']) =>
    out.push({ field, key, ...(values ? { values } : {}) });
  const badUrl = s.tsa_urls.find((u) => !URL.test(u) || u.length > 500);
  if (badUrl) add('tsa_urls', 'profiles.badUrl', { value: badUrl });
  if (s.tsa_urls.length > LIMITS.tsa) add('tsa_urls', 'profiles.tooMany', { n: LIMITS.tsa });
  if (new Set(s.tsa_urls).size !== s.tsa_urls.length) add('tsa_urls', 'profiles.duplicateUrl');
  for (const field of ['reasons', 'meanings'] as const) {
    const long = s[field].find((r) => r.trim().length === 0 || r.length > LIMITS.text);
    if (long !== undefined) add(field, 'profiles.textLength', { n: LIMITS.text });
    if (s[field].length > LIMITS.list) add(field, 'profiles.tooMany', { n: LIMITS.list });
  }
  const a = s.appearance;
  if (!a.template.trim()) add('appearance.template', 'profiles.required');
  if (!a.font.trim()) add('appearance.font', 'profiles.required');
  if (a.fields.length === 0) add('appearance.fields', 'profiles.pickOne');
  if (a.fields.length > LIMITS.fields) add('appearance.fields', 'profiles.tooMany', { n: LIMITS.fields });
  if (a.languages.length === 0) add('appearance.languages', 'profiles.pickOne');
  if (a.languages.length > LIMITS.languages)
    add('appearance.languages', 'profiles.tooMany', { n: LIMITS.languages });
  // The engine draws serif fonts with DejaVu Serif, which has no Hebrew (the server refuses it: 40022).
  if (a.languages.includes('he') && /serif/i.test(a.font) && !/sans/i.test(a.font))
    add('appearance.languages', 'profiles.serifNoHebrew');
  const p = s.certificate_policy;
  for (const field of ['extended_key_usage', 'policy_oids'] as const) {
    const bad = p[field].find((o) => !OID.test(o));
    if (bad) add(field, 'profiles.badOid', { value: bad });
    if (p[field].length > 10) add(field, 'profiles.tooMany', { n: 10 });
  }
  const bits = p.min_rsa_bits;
  if (!Number.isInteger(bits) || bits < LIMITS.minRsa || bits > LIMITS.maxRsa)
    add('min_rsa_bits', 'profiles.rsaRange', { min: LIMITS.minRsa, max: LIMITS.maxRsa });
  if (p.allowed_curves.length === 0) add('allowed_curves', 'profiles.pickOne');
  if (p.allowed_hashes.length === 0) add('allowed_hashes', 'profiles.pickOne');
  return out;
}

/** Moves item `from` one place up (-1) or down (+1): the TSA failover order. */
export function moveItem<T>(list: readonly T[], from: number, step: -1 | 1): T[] {
  const to = from + step;
  if (to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  [copy[from], copy[to]] = [copy[to] as T, copy[from] as T];
  return copy;
}
