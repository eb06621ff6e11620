import type { Locale } from './i18n';

type MessageTree = Record<string, unknown>;
type Loader = () => Promise<{ default: MessageTree }>;

interface ModuleMessages {
  en: MessageTree;
  others: Partial<Record<Locale, Loader>>;
  loaded: Set<Locale>;
}

/**
 * A module's strings travel with its pages instead of the entry: each module's
 * `messages.ts` registers its English (statically imported, so it lands in the chunk its
 * pages share and counts in their route budget) and loaders for Chinese and Hebrew.
 * `merge` is vue-i18n's mergeLocaleMessage, handed in by i18n.ts so this file imports nothing
 * of it (i18n.ts calls back here when the language changes).
 */
const registry = new Map<string, ModuleMessages>();
const pending = new Set<Promise<void>>();
let merge: (locale: Locale, messages: MessageTree) => void = () => {};
let current: () => Locale = () => 'en';

export function connectModuleMessages(options: {
  merge: (locale: Locale, messages: MessageTree) => void;
  current: () => Locale;
}): void {
  merge = options.merge;
  current = options.current;
  for (const entry of registry.values()) merge('en', entry.en);
}

/**
 * Called once by a module's `messages.ts` when its first page or component loads: English at
 * once, the current language in the background; the router waits for that (see
 * `moduleMessagesReady`) so a Chinese or Hebrew page never flashes English.
 */
export function registerModuleMessages(
  name: string,
  en: MessageTree,
  others: Partial<Record<Locale, Loader>>,
): void {
  if (registry.has(name)) return;
  const entry: ModuleMessages = { en, others, loaded: new Set(['en']) };
  registry.set(name, entry);
  merge('en', en);
  track(loadInto(entry, current()));
}

async function loadInto(entry: ModuleMessages, locale: Locale): Promise<void> {
  if (entry.loaded.has(locale)) return;
  const loader = entry.others[locale];
  if (!loader) return;
  const messages = await loader();
  merge(locale, messages.default);
  entry.loaded.add(locale);
}

function track(work: Promise<void>): void {
  pending.add(work);
  void work.finally(() => pending.delete(work)).catch(() => undefined);
}

/** Every registered module's strings in `locale`, before i18n.ts switches to it. */
export async function loadModuleLocale(locale: Locale): Promise<void> {
  await Promise.all([...registry.values()].map((entry) => loadInto(entry, locale)));
}

/** Resolves once the strings of every module loaded so far are in for the current language. */
export async function moduleMessagesReady(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
