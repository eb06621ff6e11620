import { ref } from 'vue';
import en from './messages/en.json';

/**
 * The signer and verification pages' own small translator: the admin app's vue-i18n and its
 * 100 KB of admin messages would double this entry. English ships in the entry (it is the
 * fallback); Chinese and Hebrew load when chosen. Placeholders are `{name}`, as in the admin
 * locale files; the same completeness test covers both sets.
 */
export type Locale = 'zh-CN' | 'en' | 'he';
export const locales: { code: Locale; label: string; dir: 'ltr' | 'rtl' }[] = [
  { code: 'zh-CN', label: '简体中文', dir: 'ltr' },
  { code: 'en', label: 'English', dir: 'ltr' },
  { code: 'he', label: 'עברית', dir: 'rtl' },
];
type Tree = { [key: string]: string | Tree };
const storageKey = 'signx.locale';
const loaded: Partial<Record<Locale, Tree>> = { en };
export const locale = ref<Locale>('en');

/** The message at a dotted key in the current language, English when missing. */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const text = lookup(loaded[locale.value], key) ?? lookup(en, key) ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function lookup(tree: Tree | undefined, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** The saved choice, else the browser's first language we speak, else English. */
export function preferredLocale(): Locale {
  const saved = safeRead();
  if (locales.some((l) => l.code === saved)) return saved as Locale;
  for (const language of navigator.languages ?? [navigator.language]) {
    const tag = language.toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('he') || tag.startsWith('iw')) return 'he';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

const loaders: Record<Locale, () => Promise<Tree>> = {
  en: async () => en,
  'zh-CN': async () => (await import('./messages/zh-CN.json')).default,
  he: async () => (await import('./messages/he.json')).default,
};

/** Switches language and `<html lang dir>`; remembered like the admin app's choice. */
export async function setLocale(next: Locale, remember = true): Promise<void> {
  loaded[next] ??= await loaders[next]();
  locale.value = next;
  document.documentElement.lang = next;
  document.documentElement.dir = direction(next);
  if (remember) {
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // storage disabled (private mode): the choice lasts for this page only
    }
  }
}

export function direction(code: Locale = locale.value): 'ltr' | 'rtl' {
  return locales.find((l) => l.code === code)?.dir ?? 'ltr';
}

/** A date and time in the current language. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

function safeRead(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}
