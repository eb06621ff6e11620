import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext, type PageWatch } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, signIn } from './support/flows';

interface Certificate {
  id: string;
  legal_name: string;
  state: string;
  algorithm: string;
  successor_id: string | null;
}

/**
 * Keys and certificates (docs/seals.md, Keys): the administrator generates an organisation
 * RSA-2048 key and certificate through the form (a wrong credit code is refused and nothing is
 * made), rotates it (the new key is RSA-2048 too) and revokes the successor; axe on the page and the form, English, Hebrew, Chinese.
 */
describe('Keys and certificates page', () => {
  let server: E2eServer;
  let browser: Browser;
  let token = '';

  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function keysPage(locale: Locale) {
    const opened = await openContext(browser, server.url, { locale });
    await signIn(opened.page, server.url, 'admin', adminPassword, '/keys/certificates');
    await opened.page.getByTestId('keys-table').waitFor();
    return opened;
  }
  function expectClean(watch: PageWatch) {
    expect(watch.errors).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  }
  const certificates = async () =>
    (
      await apiCall<{ items: Certificate[] }>(
        server.url,
        token,
        'GET',
        '/keys/certificates?page=1&page_size=50',
      )
    ).items;

  it('generates, refuses a wrong credit code, rotates and revokes through the page', async () => {
    const { context, page, watch } = await keysPage('en');
    // the platform keys (file keys on this server) are listed under the inventory
    const platform = page.getByTestId('keys-platform-table');
    await expect.poll(async () => platform.textContent(), { timeout: 15_000 }).toContain('Issuing CA');
    expect(await platform.textContent()).toContain('Time-stamp authority');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('keys-generate').click();
    await page.getByTestId('keys-legal-name').fill('Fuzhou Example Technology Co., Ltd.');
    await page.getByTestId('keys-uscc').fill('91350100M000100Y44');
    await page.getByTestId('keys-algorithm').click();
    await page.locator('.ant-select-item-option', { hasText: 'RSA 2048' }).click();
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await page.getByTestId('keys-save').click();
    await expect.poll(() => page.getByTestId('keys-problem').textContent()).toContain('check character');
    expect(await certificates()).toEqual([]);
    await page.getByTestId('keys-uscc').fill('91350100M000100Y43');
    await page.getByTestId('keys-save').click();
    await expect.poll(async () => (await certificates()).length).toBe(1);
    const [first] = await certificates();
    expect(first?.algorithm).toBe('RSA-2048');
    await page.getByTestId(`keys-state-${first?.id}`).waitFor();

    await page.getByTestId(`keys-rotate-${first?.id}`).click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect
      .poll(async () => (await certificates()).find((c) => c.id === first?.id)?.state)
      .toBe('superseded');
    const successor = (await certificates()).find((c) => c.id === first?.id)?.successor_id ?? '';
    expect((await certificates()).find((c) => c.id === successor)?.algorithm).toBe('RSA-2048');
    await page.getByTestId(`keys-revoke-${successor}`).click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await expect
      .poll(async () => (await certificates()).find((c) => c.id === successor)?.state)
      .toBe('revoked');
    await page.getByTestId(`keys-state-${successor}`).waitFor();
    expect(await page.getByTestId(`keys-state-${successor}`).textContent()).toBe('Revoked');
    expectClean(watch);
    await context.close();
  });

  it('reads right to left in Hebrew and in Chinese, without serious axe violations', async () => {
    for (const [locale, title] of [
      ['he', 'מפתחות ותעודות'],
      ['zh-CN', '密钥与证书'],
    ] as const) {
      const { context, page, watch } = await keysPage(locale);
      expect(await page.locator('h1, .page-title').first().textContent()).toContain(title);
      expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'he' ? 'rtl' : 'ltr');
      expect(await seriousViolations(page)).toEqual([]);
      expectClean(watch);
      await context.close();
    }
  });
});
