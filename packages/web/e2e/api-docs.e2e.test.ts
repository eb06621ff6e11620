import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openContext } from './support/browser';
import { type E2eServer, startE2eServer } from './support/e2e-server';

/** The API documentation pages run under the strict CSP and fetch nothing from outside. */
describe('API documentation pages', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders Swagger UI with every operation, no CSP violation, no outside request', async () => {
    const { context, page, watch } = await openContext(browser, server.url);
    await page.goto(`${server.url}/api/docs/swagger`);
    // Swagger UI parses the whole specification (every module's operations) before it
    // draws the first one; on a loaded 2-core machine that passed 20 s.
    await page.locator('.opblock').first().waitFor({ timeout: 90_000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThan(40);
    await page.waitForLoadState('networkidle');
    expect(watch.cspViolations).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('renders ReDoc with the operations, no CSP violation, no outside request', async () => {
    const { context, page, watch } = await openContext(browser, server.url);
    await page.goto(`${server.url}/api/docs/redoc`);
    await page.getByText('SignX API').first().waitFor();
    await page.locator('[data-section-id^="tag/"]').first().waitFor();
    await page.locator('input[placeholder="Search..."]').fill('password');
    // The search index runs in a worker made from a blob: it must work under the CSP too.
    await page.getByText('/api/v1/auth/password/reset', { exact: true }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(watch.cspViolations).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
