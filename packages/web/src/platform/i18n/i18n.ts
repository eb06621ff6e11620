import dayjs from 'dayjs';
import { ref } from 'vue';
import { createI18n } from 'vue-i18n';
import en from './locales/en.json';
import { connectModuleMessages, loadModuleLocale } from './module-messages';

export type Locale = 'zh-CN' | 'en' | 'he';
export const locales: { code: Locale; label: string; dir: 'ltr' | 'rtl' }[] = [
  { code: 'zh-CN', label: '简体中文', dir: 'ltr' },
  { code: 'en', label: 'English', dir: 'ltr' },
  { code: 'he', label: 'עברית', dir: 'rtl' },
];
export type Messages = typeof en;

const storageKey = 'signx.locale';

/**
 * vue-i18n in composition mode. The shell's English ships in the entry (it is the fallback);
 * Chinese and Hebrew, with their Ant Design and dayjs locales, load only when chosen. Each
 * module's strings come with its pages (module-messages.ts). Chinese is
 * the default for browsers that prefer it, and Hebrew switches the whole page to RTL.
 */
export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en } as Record<Locale, Messages>,
});
connectModuleMessages({
  merge: (locale, messages) => i18n.global.mergeLocaleMessage(locale, messages as Messages),
  current: () => i18n.global.locale.value,
});

/** The Ant Design locale of the current language (ConfigProvider reads it). */
export const antdLocale = ref<unknown>(undefined);
export const direction = ref<'ltr' | 'rtl'>('ltr');

export function preferredLocale(): Locale {
  const saved = localStorage.getItem(storageKey);
  if (locales.some((l) => l.code === saved)) return saved as Locale;
  for (const language of navigator.languages ?? [navigator.language]) {
    const tag = language.toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('he') || tag.startsWith('iw')) return 'he';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

const loaders: Record<Locale, () => Promise<{ messages: Messages; antd: unknown }>> = {
  // Ant Design's built-in default is English already.
  en: async () => ({ messages: en, antd: undefined }),
  'zh-CN': async () => {
    const [messages, antd] = await Promise.all([
      import('./locales/zh-CN.json'),
      import('ant-design-vue/es/locale/zh_CN'),
      import('dayjs/locale/zh-cn'),
    ]);
    return { messages: messages.default, antd: antd.default };
  },
  he: async () => {
    const [messages, antd] = await Promise.all([
      import('./locales/he.json'),
      import('ant-design-vue/es/locale/he_IL'),
      import('dayjs/locale/he'),
    ]);
    return { messages: messages.default, antd: antd.default };
  },
};

/** Switches the language: messages, AntD and dayjs locales, `<html lang dir>`. */
export async function setLocale(locale: Locale, remember = true): Promise<void> {
  const [{ messages, antd }] = await Promise.all([loaders[locale](), loadModuleLocale(locale)]);
  // Merged, not set: the strings of the modules loaded so far are already in this locale.
  i18n.global.mergeLocaleMessage(locale, messages);
  i18n.global.locale.value = locale;
  antdLocale.value = antd;
  const dir = locales.find((l) => l.code === locale)?.dir ?? 'ltr';
  direction.value = dir;
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = dir;
  if (remember) localStorage.setItem(storageKey, locale);
}

export function currentLocale(): Locale {
  return i18n.global.locale.value;
}
