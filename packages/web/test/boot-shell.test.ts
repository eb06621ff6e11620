import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bootShell } from '../scripts/boot-shell-plugin.js';
import he from '../src/platform/i18n/locales/he.json';
import zh from '../src/platform/i18n/locales/zh-CN.json';

const localesDir = new URL('../src/platform/i18n/locales/', import.meta.url);
const bootScript = readFileSync(new URL('../public/boot.js', import.meta.url), 'utf8');

type StyleLink = {
  rel: string;
  href: string;
  media?: string;
  onload?: () => void;
  type?: string;
  src?: string;
};

const antdStyles: Record<string, string> = {
  light: '/assets/antd-light-1.css',
  dark: '/assets/antd-dark-2.css',
};

/** Runs public/boot.js against a fake page; returns what it set on <html> and added to <head>. */
function boot(
  { path = '/login', storage = {}, languages = ['en-US'], metas = antdStyles } = {} as {
    path?: string;
    storage?: Record<string, string>;
    languages?: string[];
    metas?: Record<string, string>;
  },
) {
  const root = {
    lang: 'en',
    dir: '',
    dataset: {} as Record<string, string>,
    style: { colorScheme: '' },
    head: [] as StyleLink[],
    /** What main.ts waits for before mounting (the styles loaded or failed). */
    stylesReady: undefined as Promise<void> | undefined,
    /** Requests boot.js made, with the Web Lock each was made under. */
    fetches: [] as { url: string; method?: string; headers?: Record<string, string>; lock?: string }[],
    /** The early refresh's answer, as tokens.ts would take it. */
    earlyRefresh: undefined as Promise<unknown> | undefined,
    /** Fires DOMContentLoaded, then paints a frame (runs the frame callbacks). */
    parseAndPaint: (): void => undefined,
    /** Fires DOMContentLoaded only. */
    parse: (): void => undefined,
  };
  const window = { matchMedia: () => ({ matches: false }) } as {
    matchMedia: () => { matches: boolean };
    __signxAntdStyles?: Promise<void>;
    __signxRefresh?: Promise<unknown>;
  };
  const meta = (selector: string) => {
    if (selector.includes('signx-entry')) return metas.entry ? { content: metas.entry } : null;
    const mode = /signx-antd-styles-(\w+)/.exec(selector)?.[1] ?? '';
    return metas[mode] ? { content: metas[mode] } : null;
  };
  const loaded: (() => void)[] = [];
  const frames: (() => void)[] = [];
  let lock: string | undefined;
  root.parse = () => {
    for (const listener of loaded.splice(0)) listener();
  };
  root.parseAndPaint = () => {
    root.parse();
    for (const frame of frames.splice(0)) frame();
  };
  runInNewContext(bootScript, {
    document: {
      documentElement: root,
      readyState: 'loading',
      visibilityState: 'visible',
      addEventListener: (type: string, listener: () => void) =>
        type === 'DOMContentLoaded' && loaded.push(listener),
      querySelector: meta,
      createElement: () => ({ rel: '', href: '' }),
      head: { appendChild: (link: StyleLink) => root.head.push(link) },
    },
    location: { pathname: path },
    navigator: {
      languages,
      language: languages[0],
      locks: {
        request: async (name: string, work: () => Promise<unknown>) => {
          lock = name;
          try {
            return await work();
          } finally {
            lock = undefined;
          }
        },
      },
    },
    localStorage: { getItem: (key: string) => storage[key] ?? null },
    fetch: (url: string, init: { method?: string; headers?: Record<string, string> }) => {
      root.fetches.push({ url, method: init.method, headers: init.headers, lock });
      return Promise.resolve({ ok: true, status: 200 });
    },
    requestAnimationFrame: (frame: () => void) => frames.push(frame),
    setTimeout: (work: () => void) => work(),
    window,
    String,
    Boolean,
  });
  root.stylesReady = window.__signxAntdStyles;
  root.earlyRefresh = window.__signxRefresh;
  return root;
}

describe('static sign-in shell', () => {
  const html = bootShell(localesDir).transformIndexHtml('<body><div id="app"></div></body>');

  it('writes the sign-in card in every language from the locale files', () => {
    for (const locale of ['en', 'zh-CN', 'he']) expect(html).toContain(`data-locale="${locale}"`);
    expect(html).toContain(`>${he.auth.title}<`);
    expect(html).toContain(`>${zh.auth.forgot}<`);
    expect(html).toContain('aria-hidden="true"');
  });

  it('leaves a page without the app container alone', () => {
    expect(bootShell(localesDir).transformIndexHtml('<body></body>')).toBe('<body></body>');
  });
});

describe('boot script', () => {
  it('shows the shell on /login in the saved language, right to left for Hebrew', () => {
    const root = boot({ storage: { 'signx.locale': 'he' } });
    expect(root).toMatchObject({ lang: 'he', dir: 'rtl', dataset: { boot: 'login', theme: 'light' } });
  });

  it('follows the browser language when nothing is saved, skipping unsupported ones', () => {
    expect(boot({ languages: ['fr-FR', 'zh-TW'] }).lang).toBe('zh-CN');
    expect(boot({ languages: ['de'] }).lang).toBe('en');
    expect(boot({ storage: { 'signx.locale': 'xx' }, languages: ['he-IL'] }).dir).toBe('rtl');
  });

  it('shows the sign-in shell wherever a signed-out visitor will be sent to sign-in', () => {
    expect(boot({ path: '/login/' }).dataset.boot).toBe('login');
    expect(boot({ path: '/' }).dataset.boot).toBe('login');
    expect(boot({ path: '/system/users' }).dataset.boot).toBe('login');
  });

  it('shows no sign-in shell to a signed-in visitor or on the other public pages', () => {
    expect(boot({ storage: { 'signx.signed-in': '1' } }).dataset.boot).toBeUndefined();
    expect(boot({ path: '/system/users', storage: { 'signx.signed-in': '1' } }).dataset.boot).toBeUndefined();
    for (const path of ['/forgot-password', '/reset-password', '/first-login/password', '/first-login/mfa'])
      expect(boot({ path }).dataset.boot).toBeUndefined();
  });

  it('applies the saved theme before the first paint', () => {
    const root = boot({ storage: { 'signx.theme': 'dark' } });
    expect(root.dataset.theme).toBe('dark');
    expect(root.style.colorScheme).toBe('dark');
  });

  it("links Ant Design's prebuilt styles of the visitor's theme for signed-in visits only", async () => {
    const light = boot({ path: '/system/users', storage: { 'signx.signed-in': '1' } });
    expect(light.head.map(({ rel, href, media }) => ({ rel, href, media }))).toEqual([
      { rel: 'stylesheet', href: antdStyles.light, media: 'print' },
    ]);
    // Not render-blocking until it has arrived; then it applies, and the app may mount.
    let ready = false;
    void light.stylesReady?.then(() => {
      ready = true;
    });
    await Promise.resolve();
    expect(ready).toBe(false);
    light.head[0]?.onload?.();
    await light.stylesReady;
    expect([ready, light.head[0]?.media]).toEqual([true, 'all']);
    expect(
      boot({ storage: { 'signx.signed-in': '1', 'signx.theme': 'dark' } }).head.map(({ href }) => href),
    ).toEqual([antdStyles.dark]);
    expect(boot({ path: '/system/users' }).head).toEqual([]);
    expect(boot({ storage: { 'signx.signed-in': '1' }, metas: {} }).head).toEqual([]);
  });

  it('starts the app only once the first frame is painted, from the entry the build named', () => {
    const page = boot({ metas: { ...antdStyles, entry: '/assets/index-1.js' } });
    page.parse();
    expect(page.head).toEqual([]); // parsed, but no frame painted yet
    page.parseAndPaint();
    expect(page.head.map(({ type, src }) => ({ type, src }))).toEqual([
      { type: 'module', src: '/assets/index-1.js' },
    ]);
    // The dev server names no entry: index.html's own module script runs.
    const dev = boot();
    dev.parseAndPaint();
    expect(dev.head).toEqual([]);
  });

  it('starts the session refresh for signed-in visits at once, under the refresh lock', async () => {
    const page = boot({ path: '/system/users', storage: { 'signx.signed-in': '1' } });
    expect(page.fetches).toEqual([
      {
        url: '/api/v1/auth/refresh',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-refresh-transport': 'cookie' },
        lock: 'signx-refresh',
      },
    ]);
    await expect(page.earlyRefresh).resolves.toMatchObject({ ok: true });
    const anonymous = boot({ path: '/system/users' });
    expect([anonymous.fetches, anonymous.earlyRefresh]).toEqual([[], undefined]);
  });
});
