import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, signIn } from './support/flows';
import { cjkSamplePdf } from './support/signing-fixtures';

/**
 * The sender's seal choice (docs/seals.md, Sender's page): the administrator, authorised to
 * use the organisation's contract seal, picks it on the new request page (only seals of
 * GET /seals/usable are offered), places it over a keyword and turns on the cross-page seal;
 * a blank keyword is named. axe in English, Hebrew (right to left) and Chinese. (Submitting
 * and checking the seal-use log is not covered here yet.)
 */
describe("Sender's seal choice", () => {
  let server: E2eServer;
  let browser: Browser;
  let token = '';
  let sealId = '';
  const legalName = 'Fuzhou Sender Seal Co., Ltd.';

  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin());
    const certificate = await apiCall<{ id: string }>(server.url, token, 'POST', '/keys/certificates', {
      legal_name: legalName,
      uscc: '91350100M000100Y43',
      storage: 'file',
    });
    const seal = await apiCall<{ id: string }>(server.url, token, 'POST', '/seals', {
      organisation: legalName,
      seal_type: 'contract',
      name: 'Sender seal',
      certificate_id: certificate.id,
    });
    sealId = seal.id;
    const me = (await apiCall<{ user: { id: string } }>(server.url, token, 'GET', '/me')).user;
    const day = 86_400_000;
    await apiCall(server.url, token, 'POST', `/seals/${sealId}/authorisations`, {
      subject_type: 'user',
      subject_id: me.id,
      valid_from: new Date(Date.now() - day).toISOString(),
      valid_until: new Date(Date.now() + 30 * day).toISOString(),
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The new request page with the sample contract uploaded and the seal picked. */
  async function withSeal(locale: Locale) {
    const opened = await openContext(browser, server.url, { locale });
    const { page } = opened;
    await signIn(page, server.url, 'admin', adminPassword, '/signing/requests/new');
    await page.getByTestId('new-title').waitFor();
    await page
      .getByTestId('new-upload')
      .setInputFiles({ name: 'contract.pdf', mimeType: 'application/pdf', buffer: cjkSamplePdf() });
    await page.getByTestId('new-seal-pick').waitFor({ timeout: 60_000 });
    await page.getByTestId('new-seal-pick').click();
    await page.locator('.ant-select-item-option', { hasText: 'Sender seal' }).click();
    await page.getByTestId('new-seal-cross-page').click();
    return opened;
  }
  async function axeClean(page: Page) {
    expect(await seriousViolations(page, '[data-testid="new-seal"]')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('offers the authorised seal with keyword placement and the cross-page toggle, and says what is missing (en)', async () => {
    const { context, page, watch } = await withSeal('en');
    await page.getByTestId('new-seal-keyword').fill('');
    await page.getByTestId('new-seal-problem').waitFor();
    expect(await page.getByTestId('new-seal-problem').textContent()).toContain('keyword');
    await page.getByTestId('new-seal-keyword').fill('SA-E2E');
    await expect.poll(() => page.getByTestId('new-seal-problem').count()).toBe(0);
    await axeClean(page);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('reads right to left in Hebrew and in Chinese, without serious axe violations', async () => {
    for (const [locale, legend] of [
      ['he', 'חותמת הארגון'],
      ['zh-CN', '组织印章'],
    ] as const) {
      const { context, page } = await withSeal(locale);
      expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'he' ? 'rtl' : 'ltr');
      expect(await page.locator('legend', { hasText: legend }).count()).toBe(1);
      await axeClean(page);
      await context.close();
    }
  });
});
