import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext, type PageWatch } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, signIn } from './support/flows';

interface Seal {
  id: string;
  name: string;
  organisation: string;
  status: string;
  certificate_id: string | null;
}

/**
 * Seals pages (docs/seals.md): the administrator registers a generated seal bound to an
 * organisation certificate (live preview from the server), suspends it, grants an
 * authorisation that requires approval, and reads the seal-use log; axe in English, Hebrew
 * (right to left) and Chinese.
 */
describe('Seals pages', () => {
  let server: E2eServer;
  let browser: Browser;
  let token = '';
  const legalName = 'Fuzhou Seal Pages Co., Ltd.';

  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin());
    await apiCall(server.url, token, 'POST', '/keys/certificates', {
      legal_name: legalName,
      uscc: '91350100M000100Y43',
      storage: 'file',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(locale: Locale, path: string, testId: string) {
    const opened = await openContext(browser, server.url, { locale });
    await signIn(opened.page, server.url, 'admin', adminPassword, path);
    await opened.page.getByTestId(testId).waitFor();
    return opened;
  }
  function expectClean(watch: PageWatch) {
    expect(watch.errors).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  }
  const seals = async () =>
    (
      await apiCall<{ items: Seal[] }>(
        server.url,
        token,
        'GET',
        '/seals?page=1&page_size=50&sort=-created_at',
      )
    ).items;

  it('registers a bound generated seal with a preview, suspends it and grants an authorisation', async () => {
    const { context, page, watch } = await open('en', '/seals', 'seals-table');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('seals-create').click();
    await page.getByTestId('seals-certificate').click();
    await page.locator('.ant-select-item-option', { hasText: legalName }).click();
    expect(await page.getByTestId('seals-organisation').inputValue()).toBe(legalName);
    await page.getByTestId('seals-name').fill('Contract seal');
    await page.getByTestId('seals-title').fill('福州示例科技有限公司');
    await page.getByTestId('seals-purpose').fill('合同专用章');
    await page.getByTestId('seals-preview').waitFor();
    expect(await page.getByTestId('seals-preview').getAttribute('src')).toContain('data:image/svg+xml');
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await page.getByTestId('seals-save').click();
    await expect.poll(async () => (await seals()).length).toBe(1);
    const [seal] = await seals();
    expect(seal).toMatchObject({ organisation: legalName, status: 'active' });
    expect(seal?.certificate_id).toBeTruthy();

    await page.getByTestId(`seals-suspend-${seal?.id}`).click();
    await expect.poll(async () => (await seals())[0]?.status).toBe('suspended');
    await page.getByTestId(`seals-status-${seal?.id}`).waitFor();
    expect(await page.getByTestId(`seals-status-${seal?.id}`).textContent()).toBe('Suspended');

    await page.getByTestId(`seals-authorise-${seal?.id}`).click();
    await page.getByTestId('seals-auth-table').waitFor();
    // The person is picked by name from the identity list, never typed as an id.
    await page.getByTestId('seals-auth-subject').click();
    await page.keyboard.type('admin');
    await page.locator('.ant-select-item-option', { hasText: '(admin)' }).first().click();
    await page.getByTestId('seals-auth-categories').click();
    await page.locator('.ant-select-item-option', { hasText: 'Contracts' }).click();
    // Tab moves the focus out of the select, which closes its dropdown (Escape would close the
    // drawer, and a click on the title can land on the open dropdown instead).
    await page.keyboard.press('Tab');
    await page
      .locator('.ant-select-dropdown:visible')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await page.getByTestId('seals-auth-save').click();
    const grants = async () =>
      (
        await apiCall<{ items: { id: string; subject_id: string; categories: string[] }[] }>(
          server.url,
          token,
          'GET',
          `/seals/authorisations?seal_id=${seal?.id}&page=1&page_size=10&sort=-created_at`,
        )
      ).items;
    await expect.poll(async () => (await grants()).length).toBe(1);
    const [grant] = await grants();
    expect(grant?.categories).toEqual(['contract']);
    await page.getByTestId(`seals-auth-name-${grant?.id}`).waitFor();
    expect(await page.getByTestId(`seals-auth-name-${grant?.id}`).textContent()).toContain('(admin)');
    expect(await seriousViolations(page, '.ant-drawer')).toEqual([]);
    expectClean(watch);
    await context.close();
  });

  it('shows the seal-use log and reads right to left in Hebrew, and in Chinese, without serious axe violations', async () => {
    for (const [locale, title, logTitle] of [
      ['en', 'Seals', 'Seal-use log'],
      ['he', 'חותמות', 'יומן שימוש בחותמות'],
      ['zh-CN', '组织印章', '用印记录'],
    ] as const) {
      const registry = await open(locale, '/seals', 'seals-table');
      expect(await registry.page.locator('h1, .page-title').first().textContent()).toContain(title);
      expect(await registry.page.locator('html').getAttribute('dir')).toBe(locale === 'he' ? 'rtl' : 'ltr');
      expect(await seriousViolations(registry.page)).toEqual([]);
      expectClean(registry.watch);
      await registry.context.close();
      const log = await open(locale, '/seals/uses', 'uses-table');
      expect(await log.page.locator('h1, .page-title').first().textContent()).toContain(logTitle);
      expect(await seriousViolations(log.page)).toEqual([]);
      expectClean(log.watch);
      await log.context.close();
    }
  });
});
