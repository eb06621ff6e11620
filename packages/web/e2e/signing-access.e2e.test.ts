import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall } from './support/flows';

const password = adminPassword;

/**
 * The second factor on the signer page: a request protected by an access code shows the code
 * step (and nothing of the document) until the right code is entered, in he (RTL), zh-CN and en.
 */
describe('signer page: second factor', () => {
  let server: E2eServer;
  let browser: Browser;
  let token: string;
  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function protectedLink(title: string): Promise<string> {
    const created = await apiCall<{ id: string }>(server.url, token, 'POST', '/digital-signature/requests', {
      entity_type: 'contract',
      entity_id: 77,
      title,
      signers: [{ signer_name: 'Noa', signer_email: 'noa@example.com' }],
    });
    await apiCall(server.url, token, 'PUT', `/digital-signature/requests/${created.id}/second-factor`, {
      factor: 'access_code',
      access_code: 'Orchard-2027',
    });
    const { links } = await apiCall<{ links: { signing_url: string }[] }>(
      server.url,
      token,
      'POST',
      `/digital-signature/requests/${created.id}/send`,
      {},
    );
    return links[0]?.signing_url as string;
  }

  for (const [locale, wrongText] of [
    ['he', 'הקוד שגוי'],
    ['zh-CN', '验证码错误'],
    ['en', 'That code is wrong'],
  ] as [Locale, string][])
    it(`asks for the access code before the document (${locale})`, async () => {
      const url = await protectedLink(`Secret terms ${locale}`);
      const { context, page, watch } = await openContext(browser, server.url, {
        locale,
        width: 390,
        height: 844,
      });
      await page.goto(url);
      await page.getByTestId('factor-step').waitFor();
      expect(await page.locator('.pdf-page').count()).toBe(0);
      expect(await page.content()).not.toContain(`Secret terms ${locale}`);
      expect(await page.getAttribute('html', 'dir')).toBe(locale === 'he' ? 'rtl' : 'ltr');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId('factor-code').fill('Orchard-2026');
      await page.getByTestId('factor-verify').click();
      await expect.poll(() => page.getByTestId('factor-error').textContent()).toContain(wrongText);
      await page.getByTestId('factor-code').fill('Orchard-2027');
      await page.getByTestId('factor-verify').click();
      await page.locator('.pdf-page canvas').first().waitFor();
      await page.getByTestId('consent-text').waitFor();
      expect(watch.errors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
      await context.close();
    });
});
