import { createHmac, randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext, screenshot } from './support/browser';
import { type E2eServer, withoutMfaByDefault } from './support/e2e-server';
import { signIn } from './support/flows';

/**
 * The inbound callbacks page: an administrator makes a credential limited to loopback, an
 * "ERP" (this test, with its own HMAC code) starts a signing request with it, the page
 * shows the use, and after revocation the same call is refused.
 */
describe('the inbound callbacks page', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startWithAdmin({ ...withoutMfaByDefault }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(locale: Locale): Promise<{ page: Page; close: () => Promise<void> }> {
    const opened = await openContext(browser, server.url, { locale });
    await signIn(opened.page, server.url, 'admin', adminPassword, '/webhooks/inbound');
    await opened.page.locator('.page-title').waitFor();
    return { page: opened.page, close: () => opened.context.close() };
  }

  async function erpCall(keyId: string, secret: string) {
    const body = JSON.stringify({
      entity_type: 'invoice',
      entity_id: 'E2E-1',
      title: 'Invoice E2E-1',
      signers: [{ signer_name: 'Dana', signer_email: 'dana@example.com' }],
    });
    const requestId = randomUUID();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    const mac = createHmac('sha256', key)
      .update(`${keyId}.${requestId}.${timestamp}.${body}`)
      .digest('base64');
    const response = await fetch(`${server.url}/api/v1/callbacks/signing-requests`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'signx-key-id': keyId,
        'signx-request-id': requestId,
        'signx-timestamp': timestamp,
        'signx-signature': `v1,${mac}`,
      },
      body,
    });
    return { status: response.status, code: ((await response.json()) as { code: number }).code };
  }

  it('creates a credential (secret shown once) that a signed call uses, then revokes it', async () => {
    const { page, close } = await open('en');
    await page.getByTestId('inbound-add').click();
    await page.getByTestId('inbound-name').fill('ERP');
    await page.getByTestId('inbound-allow-list').click();
    await page.keyboard.type('127.0.0.1');
    await page.keyboard.press('Enter');
    await page.keyboard.type('::1');
    await page.keyboard.press('Enter');
    await page.locator('.ant-modal-title').click();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const secret = (await page.getByTestId('inbound-secret').innerText()).trim();
    const keyId = (await page.getByTestId('inbound-key-id').innerText()).trim();
    expect(secret).toMatch(/^whsec_/);
    expect(keyId).toMatch(/^ick_/);
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await page.keyboard.press('Escape');

    expect(await erpCall(keyId, secret)).toEqual({ status: 201, code: 0 });
    await page.getByRole('button', { name: 'Refresh' }).click();
    const row = page.getByTestId('inbound-table').locator('tbody tr').filter({ hasText: keyId });
    await row.filter({ hasText: '127.0.0.1/32' }).waitFor();
    expect(await row.innerText()).not.toContain('Never');
    await screenshot(page, 'en', 'inbound-callbacks');

    await page.locator('[data-testid^="inbound-revoke-"]').click();
    await page.locator('.ant-popover .ant-btn-primary').click();
    await row.filter({ hasText: 'Revoked' }).waitFor();
    expect(await erpCall(keyId, secret)).toEqual({ status: 401, code: 40145 });
    await close();
  });

  for (const locale of ['en', 'he', 'zh-CN'] as const) {
    it(`renders in ${locale} with no serious accessibility violation`, async () => {
      const { page, close } = await open(locale);
      await page.getByTestId('inbound-table').waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'he' ? 'rtl' : 'ltr');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId('inbound-add').click();
      await page.getByTestId('inbound-form').waitFor();
      expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
      await close();
    });
  }
});
