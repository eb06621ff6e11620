import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { launchBrowser, screenshot } from './support/browser';
import { type E2eServer, startE2eServer } from './support/e2e-server';
import { apiCall, apiToken, mailTo } from './support/flows';
import {
  administrator,
  bellShows,
  contractTemplate,
  createOperator,
  leaPassword,
  operatorPage,
  pages,
  template,
  visit,
} from './support/notification-setup';

describe('the notification pages', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: string;
  let leaId: string;
  /** A partner system on loopback that refuses every webhook for good (HTTP 400). */
  let partner: Server;
  const partnerCalls: { signature: string | undefined }[] = [];
  const send = (channels: string[], contractName: string) =>
    apiCall<{ deliveries: { status: string }[] }>(server.url, admin, 'POST', '/notifications/send', {
      template,
      channels,
      recipients: [{ type: 'user', id: leaId }],
      params: { contractName },
    });

  beforeAll(async () => {
    partner = createServer((request, response) => {
      partnerCalls.push({ signature: request.headers['x-signx-signature'] as string | undefined });
      request.resume();
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end('{"error":"unknown partner"}');
    });
    await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
    [server, browser] = await Promise.all([
      startE2eServer({ OUTBOUND_ALLOW_LIST: '127.0.0.1' }),
      launchBrowser(),
    ]);
    admin = await administrator(server);
    leaId = await createOperator(server, admin);
    await apiCall(server.url, admin, 'POST', '/notifications/templates', contractTemplate);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    partner?.close();
  });

  for (const locale of ['en', 'he', 'zh-CN'] as const) {
    it(`renders every notification page in ${locale} with no serious accessibility violation`, async () => {
      const { context, page, watch } = await operatorPage(browser, server, locale);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'he' ? 'rtl' : 'ltr');
      for (const route of pages) {
        await visit(page, `${server.url}${route.path}`);
        expect(await seriousViolations(page), `${locale} ${route.path}`).toEqual([]);
        if (route.shot && locale !== 'he') await screenshot(page, locale, route.shot);
      }
      await page.getByTestId('notification-bell').click();
      await page.getByTestId('bell-panel').waitFor();
      expect(await seriousViolations(page, '.ant-popover'), `${locale} bell`).toEqual([]);
      await page.keyboard.press('Escape');
      await visit(page, `${server.url}/notifications/templates`);
      await page.getByTestId('template-open').first().click();
      await page.getByTestId('template-preview').getByTestId('preview-body').waitFor();
      expect(await seriousViolations(page, '.ant-drawer'), `${locale} template editor`).toEqual([]);
      if (locale !== 'he') await screenshot(page, locale, 'notifications-template-editor');
      expect(watch.errors).toEqual([]);
      expect(watch.cspViolations).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
      await context.close();
    });
  }

  it('brings an in-app message to the bell live, then marks it and all others read', async () => {
    const { context, page } = await operatorPage(browser, server, 'en', '/notifications/preferences');
    await bellShows(page, 0);
    await send(['in_app'], 'Lease 7');
    await bellShows(page, 1);
    await page.getByTestId('notification-bell').click();
    const item = page.getByTestId('bell-item').filter({ hasText: 'Signed: Lease 7' });
    await item.waitFor();
    await item.getByTestId('bell-mark-read').click();
    await bellShows(page, 0);
    await send(['in_app'], 'Lease 8');
    await send(['in_app'], 'Lease 9');
    await bellShows(page, 2);
    await page.getByTestId('bell-panel').getByText('Signed: Lease 9').waitFor();
    await page.getByTestId('bell-mark-all').click();
    await bellShows(page, 0);
    const unread = await apiCall<{ total: number }>(
      server.url,
      await apiToken(server.url, 'lea', leaPassword),
      'GET',
      '/notifications/inbox/unread',
    );
    expect(unread.total).toBe(0);
    await context.close();
  });

  it('edits a template with a live preview; the next email uses the new version, the old one is in the diff', async () => {
    const { context, page } = await operatorPage(browser, server, 'en', '/notifications/templates');
    await page.getByTestId('template-filter').fill(template);
    await page.getByTestId('filter-search').click();
    await page.getByTestId('templates-table').getByText(template).waitFor();
    await page.getByTestId('template-open').first().click();
    await page.getByTestId('preview-subject').getByText('Signed: Supply contract').waitFor();
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the seed's template syntax, not a JS template
    await page.getByTestId('variant-subject').fill('Countersigned by all parties: ${contractName}');
    await page.getByTestId('variant-body').click();
    await page
      .getByTestId('preview-subject')
      .getByText('Countersigned by all parties: Supply contract')
      .waitFor();
    await page.getByTestId('variant-body').fill('<p>{{ contractName }} is signed by {{ signer }}.</p>');
    await page.getByTestId('template-note').fill('Wording from legal');
    await page.getByTestId('template-save').click();
    // The body reads a variable that is not declared: the server refuses, the input stays.
    await page.locator('.ant-notification-notice, .ant-form-item-explain-error, .error').first().waitFor();
    expect(await page.getByTestId('variant-body').inputValue()).toContain('{{ signer }}');
    await page.getByTestId('variant-body').fill('<p>{{ contractName }} is signed by everyone.</p>');
    await page.getByTestId('template-save').click();
    await page.getByText('Saved as version 2').waitFor();

    const before = server.mail.messages.length;
    await send(['email'], 'Lease 10');
    const mail = await mailTo(server.mail, 'lea@example.test', before);
    expect(mail.subject).toBe('Countersigned by all parties: Lease 10');
    expect(mail.text).toContain('Lease 10 is signed by everyone.');

    await page.getByRole('tab', { name: 'Versions' }).click();
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the seed's template syntax, not a JS template
    await page.getByTestId('template-diff').getByText('Signed: ${contractName}').waitFor();
    expect(await seriousViolations(page, '.ant-drawer')).toEqual([]);
    await context.close();
  });

  it('honours my settings: in-app switched off for a category is suppressed, as the send log shows', async () => {
    const { context, page } = await operatorPage(browser, server, 'en', '/notifications/preferences');
    await page.getByTestId('switch-contracts-in_app').waitFor();
    await page.getByTestId('switch-contracts-in_app').click();
    await page.getByTestId('prefs-dnd-start').fill('22:00');
    await page.getByTestId('prefs-dnd-end').fill('07:00');
    await page.getByTestId('prefs-time-zone').fill('Not/AZone');
    await page.getByTestId('prefs-save').click();
    await page.locator('.ant-form-item-explain-error, .ant-notification-notice').first().waitFor();
    await page.getByTestId('prefs-time-zone').fill('Asia/Jerusalem');
    await page.getByTestId('prefs-save').click();
    await page.getByText('Saved').first().waitFor();
    await page.reload();
    await page.getByTestId('switch-contracts-in_app').waitFor();
    expect(await page.getByTestId('switch-contracts-in_app').isChecked()).toBe(false);
    expect(await page.getByTestId('prefs-dnd-start').inputValue()).toBe('22:00');

    await send(['in_app'], 'Lease 11');
    await visit(page, `${server.url}/notifications/deliveries`);
    await page.getByTestId('log-filter-template').fill(template);
    await page.getByTestId('log-filter-recipient').fill('Lea');
    for (let i = 0; i < 20; i += 1) {
      await page.getByTestId('filter-search').click();
      const row = page.getByTestId('deliveries-table').locator('tr', { hasText: 'Suppressed' });
      if ((await row.count()) > 0) break;
      await page.waitForTimeout(500);
    }
    const row = page.getByTestId('deliveries-table').locator('tr', { hasText: 'Suppressed' }).first();
    await row.getByTestId('delivery-open').click();
    await page.getByTestId('delivery-detail').waitFor();
    expect(await page.getByTestId('delivery-body').textContent()).toContain('Lease 11 is signed');
    expect(await seriousViolations(page, '.ant-drawer')).toEqual([]);
    await context.close();
  });

  it('sets up a webhook group: the secret never comes back; a failed test delivery is resent from the log', async () => {
    const { context, page } = await operatorPage(browser, server, 'en', '/notifications/channels');
    await page.getByTestId('group-new').click();
    await page.getByTestId('group-channel').click();
    await page.locator('.ant-select-item-option', { hasText: 'Webhook' }).click();
    await page.getByTestId('group-code').fill('partners');
    await page.getByTestId('group-name').fill('Partner systems');
    await page.getByRole('button', { name: 'Save' }).click();
    const card = page.getByTestId('group-card').filter({ hasText: 'Partner systems' });
    await card.waitFor();
    await card.getByTestId('endpoint-new').click();
    await page.getByTestId('endpoint-name').fill('ERP');
    const port = (partner.address() as AddressInfo).port;
    await page
      .getByTestId('endpoint-url-input')
      .fill(`http://127.0.0.1:${port}/hooks/signx?token=hidden-in-query`);
    await page.getByTestId('endpoint-secret').fill('whsec-very-secret-value');
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();
    await card.getByText('Secret set (hidden)').waitFor();
    expect(await card.getByTestId('endpoint-url').textContent()).not.toContain('hidden-in-query');
    // Nowhere in the markup either, not even in the dialog kept for its closing animation.
    const html = await page.content();
    expect(html).not.toContain('whsec-very-secret-value');
    expect(html).not.toContain('hidden-in-query');
    const overview = await apiCall(server.url, admin, 'GET', '/notifications/channels');
    expect(JSON.stringify(overview)).not.toContain('whsec-very-secret-value');
    expect(JSON.stringify(overview)).not.toContain('hidden-in-query');

    await card.getByTestId('group-test').click();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByTestId('test-result').waitFor();
    await page.locator('.ant-modal-footer').getByRole('button', { name: 'Close' }).click();

    await visit(page, `${server.url}/notifications/deliveries`);
    await page.getByTestId('log-filter-status').click();
    await page.locator('.ant-select-item-option', { hasText: 'Failed' }).click();
    let rows = 0;
    for (let i = 0; i < 30 && rows === 0; i += 1) {
      await page.getByTestId('filter-search').click();
      await page.waitForTimeout(500);
      rows = await page.getByTestId('deliveries-table').locator('tr', { hasText: 'Webhook' }).count();
    }
    await page
      .getByTestId('deliveries-table')
      .locator('tr', { hasText: 'Webhook' })
      .first()
      .getByTestId('delivery-open')
      .click();
    await page.getByTestId('delivery-detail').waitFor();
    await page.getByTestId('delivery-resend').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Resend' }).click();
    await page.getByText('Queued again').waitFor();
    // The partner saw a signed request (the secret is used, just never shown).
    expect(partnerCalls.length).toBeGreaterThan(0);
    expect(partnerCalls[0]?.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    await context.close();
  });

  it('keeps the sensitive-word list: a blocked word refuses a text, a masked one is starred out', async () => {
    const { context, page } = await operatorPage(browser, server, 'en', '/notifications/words');
    await page.getByTestId('word-input').fill('leakword');
    await page.getByTestId('word-action').click();
    await page.locator('.ant-select-item-option', { hasText: 'Block' }).click();
    await page.getByTestId('word-add').click();
    await page.getByTestId('words-table').getByText('leakword').waitFor();
    await page.getByTestId('word-input').fill('rudeword');
    await page.getByTestId('word-action').click();
    await page.locator('.ant-select-item-option', { hasText: 'Mask' }).click();
    await page.getByTestId('word-add').click();
    await page.getByTestId('words-table').getByText('rudeword').waitFor();
    await page.getByTestId('word-check-text').fill('A rudeword here');
    await page.getByTestId('word-check').click();
    await page.getByTestId('word-verdict').getByText('Passes').waitFor();
    expect(await page.getByTestId('word-masked').textContent()).not.toContain('rudeword');
    await page.getByTestId('word-check-text').fill('Please LEAKWORD this');
    await page.getByTestId('word-check').click();
    await page.getByTestId('word-verdict').getByText('Blocked by').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
