import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded build; flags keep it quiet and offline. */
export const chromiumPath = process.env.SIGNX_CHROMIUM ?? '/usr/bin/chromium';
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: flags });
}

export type Locale = 'en' | 'zh-CN' | 'he';

/** Problems a page reports: script errors, CSP violations, requests that leave the server. */
export interface PageWatch {
  errors: string[];
  cspViolations: string[];
  foreignRequests: string[];
}

/**
 * A fresh browser context (its own cookies and storage) in a language, with every page
 * error, CSP violation and request to another host recorded for the test to assert on.
 */
export async function openContext(
  browser: Browser,
  base: string,
  options: { locale?: Locale; width?: number; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page; watch: PageWatch }> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en',
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    reducedMotion: 'reduce',
  });
  const watch: PageWatch = { errors: [], cspViolations: [], foreignRequests: [] };
  const origin = new URL(base).origin;
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      watch.foreignRequests.push(url);
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  watchPage(page, watch);
  return { context, page, watch };
}

export function watchPage(page: Page, watch: PageWatch): void {
  page.on('pageerror', (error) => watch.errors.push(error.message));
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy/i.test(text)) watch.cspViolations.push(text);
    else if (message.type() === 'error' && !/status of (401|403|404|409|400)/.test(text))
      watch.errors.push(text);
  });
}

/** Screenshots for docs/screenshots, remade by every end-to-end run. */
export async function screenshot(page: Page, locale: Locale, name: string): Promise<void> {
  const dir = new URL('../../../../docs/screenshots/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: new URL(`${locale}-${name}.png`, dir).pathname });
}
