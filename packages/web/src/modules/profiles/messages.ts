import { registerModuleMessages } from '@/platform/i18n/module-messages';
import en from './locales/en.json';

// This module's strings: imported by each of its components that shows any.
registerModuleMessages('profiles', en, {
  'zh-CN': () => import('./locales/zh-CN.json'),
  he: () => import('./locales/he.json'),
});
