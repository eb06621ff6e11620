import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext, screenshot } from './support/browser';
import { type E2eServer, withoutMfaByDefault } from './support/e2e-server';
import { signIn } from './support/flows';

/** A partner system on loopback that checks each webhook's signature with its own HMAC code. */
describe('the webhooks page', () => {
  let server: E2eServer;
  let browser: Browser;
  let receiver: Server;
  let secret = '';
  const received: { type: string; valid: boolean }[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
        const signed = `${req.headers['webhook-id']}.${req.headers['webhook-timestamp']}.${body}`;
        const mac = `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
        received.push({
          type: JSON.parse(body).type,
          valid: String(req.headers['webhook-signature']).split(' ').includes(mac),
        });
        res.writeHead(200).end('thanks');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    ({ server, browser } = await startWithAdmin({
      ...withoutMfaByDefault,
      OUTBOUND_ALLOW_LIST: '127.0.0.1',
    }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    receiver?.close();
  });

  async function open(locale: Locale): Promise<{ page: Page; close: () => Promise<void> }> {
    const opened = await openContext(browser, server.url, { locale });
    await signIn(opened.page, server.url, 'admin', adminPassword, '/webhooks');
    await opened.page.locator('.page-title').waitFor();
    return { page: opened.page, close: () => opened.context.close() };
  }
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 100));
  };

  it('creates an endpoint (secret shown once), sends a test, shows the log and redelivers', async () => {
    const { page, close } = await open('en');
    await page.getByTestId('endpoint-add').click();
    await page
      .getByTestId('endpoint-url')
      .fill(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`);
    await page.getByTestId('endpoint-events').click();
    await page.keyboard.type('webhooks.endpoint.test');
    await page.keyboard.press('Enter');
    await page.locator('.ant-modal-title').click(); // closes the dropdown, not the dialog
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    secret = (await page.getByTestId('endpoint-secret').innerText()).trim();
    expect(secret).toMatch(/^whsec_/);
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('endpoint-owner-cell').innerText()).toBe('Me');
    await page.getByTestId('endpoint-owner-filter').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Mine' }).click();
    await page.getByTestId('endpoint-owner-cell').waitFor();
    await page.locator('[data-testid^="endpoint-test-"]').click();
    await until(() => received.length >= 1);
    expect(received).toEqual([{ type: 'webhooks.endpoint.test', valid: true }]);
    await page.locator('[data-testid^="endpoint-log-"]').click();
    const row = page.getByTestId('delivery-table').locator('tbody tr').filter({ hasText: 'Succeeded' });
    await row.waitFor();
    expect(await seriousViolations(page, '.ant-drawer')).toEqual([]);
    await screenshot(page, 'en', 'webhooks-log');
    await page.locator('[data-testid^="redeliver-"]').first().click();
    await until(() => received.length >= 2);
    expect(received.map((r) => r.valid)).toEqual([true, true]);
    await close();
  });

  for (const locale of ['en', 'he', 'zh-CN'] as const) {
    it(`renders in ${locale} with no serious accessibility violation`, async () => {
      const { page, close } = await open(locale);
      await page.getByTestId('endpoints-table').waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'he' ? 'rtl' : 'ltr');
      expect(await seriousViolations(page)).toEqual([]);
      if (locale !== 'he') await screenshot(page, locale, 'webhooks');
      await close();
    });
  }
});
