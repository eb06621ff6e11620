import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { type E2eServer, startE2eServer } from './support/e2e-server';
import { apiCall } from './support/flows';
import {
  administrator,
  contractTemplate,
  createOperator,
  operatorPage,
  template,
  visit,
} from './support/notification-setup';

/** Changing the channel setup from its page, and the delivery statistics page. */
describe('notification setup changes and statistics', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: string;
  let leaId: string;
  const secrets = ['whsec-change-me-not', 'url-token-in-query', 'tw-auth-token-secret', 'ali-key-secret'];

  beforeAll(async () => {
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
  });

  it('changes a group, its robot and an SMS provider; write-only values start empty, stay kept and never come back', async () => {
    const group = await apiCall<{ id: string }>(server.url, admin, 'POST', '/notifications/channels/groups', {
      channel: 'webhook',
      code: 'ops',
      name: 'Ops',
    });
    await apiCall(server.url, admin, 'POST', `/notifications/channels/groups/${group.id}/endpoints`, {
      name: 'ERP',
      url: 'http://127.0.0.1:9/hook?token=url-token-in-query',
      secret: 'whsec-change-me-not',
    });
    const provider = (kind: string, settings: Record<string, string>, secret: string) =>
      apiCall(server.url, admin, 'POST', '/notifications/channels/providers', {
        kind,
        name: kind === 'twilio' ? 'Twilio' : 'Aliyun',
        position: kind === 'twilio' ? 1 : 2,
        settings,
        secret,
      });
    await provider('twilio', { account_sid: 'AC1', from: '+15550001111' }, 'tw-auth-token-secret');
    await provider('aliyun', { access_key_id: 'AK1', sign_name: 'SignX' }, 'ali-key-secret');

    const { context, page } = await operatorPage(browser, server, 'en', '/notifications/channels');
    const card = page.getByTestId('group-card').filter({ hasText: 'Ops' });
    await card.getByTestId('group-edit').click();
    expect(await page.getByTestId('group-name').inputValue()).toBe('Ops');
    await page.getByTestId('group-name').fill('Ops alerts');
    await page.getByTestId('group-enabled').click();
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();
    const changed = page.getByTestId('group-card').filter({ hasText: 'Ops alerts' });
    await changed.getByText('Disabled').first().waitFor();

    await changed.getByTestId('endpoint-edit').click();
    expect(await page.getByTestId('endpoint-name').inputValue()).toBe('ERP');
    expect(await page.getByTestId('endpoint-url-input').inputValue()).toBe('');
    expect(await page.getByTestId('endpoint-secret').inputValue()).toBe('');
    await page.getByTestId('endpoint-name').fill('ERP 2');
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();
    await changed.getByText('ERP 2').waitFor();
    await changed.getByText('Secret set (hidden)').waitFor();
    expect(await changed.getByTestId('endpoint-url').textContent()).toBe('127.0.0.1:9/hook');

    await changed.getByTestId('endpoint-edit').click();
    await page.getByTestId('endpoint-remove-secret').click();
    await page.getByRole('button', { name: 'Save' }).click();
    await changed.getByText('No secret').waitFor();

    const twilioRow = page.getByTestId('providers-table').locator('tr', { hasText: 'Twilio' });
    await twilioRow.getByTestId('provider-edit').click();
    expect(await page.getByTestId('provider-settings').inputValue()).toContain('account_sid=AC1');
    expect(await page.getByTestId('provider-secret').inputValue()).toBe('');
    await page.getByTestId('provider-name').fill('Twilio backup');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('providers-table').getByText('Twilio backup').waitFor();
    const receipt = await page.getByTestId('provider-receipt-url').textContent();
    expect(receipt).toMatch(/\/api\/v1\/notifications\/callbacks\/aliyun\/[\w-]+\/[\w-]{43}$/);

    const html = await page.content();
    const overview = JSON.stringify(await apiCall(server.url, admin, 'GET', '/notifications/channels'));
    for (const secret of secrets) {
      expect(html).not.toContain(secret);
      expect(overview).not.toContain(secret);
    }
    expect(overview).toContain('"has_secret":false');
    await context.close();
  });

  it('counts deliveries per channel and per category over a period, in every locale without a serious accessibility violation', async () => {
    await apiCall(server.url, admin, 'POST', '/notifications/send', {
      template,
      channels: ['in_app', 'email'],
      recipients: [{ type: 'user', id: leaId }],
      params: { contractName: 'Stats contract' },
    });
    const to = new Date(Date.now() + 60_000).toISOString();
    const from = new Date(Date.now() - 86_400_000).toISOString();
    for (let i = 0; i < 40; i += 1) {
      const stats = await apiCall<{ channel: string; counts: Record<string, number> }[]>(
        server.url,
        admin,
        'GET',
        `/notifications/stats?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      );
      if (stats.filter((s) => s.counts.sent).length >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    for (const locale of ['en', 'he', 'zh-CN'] as const) {
      const { context, page, watch } = await operatorPage(browser, server, locale, '/notifications/stats');
      await visit(page, `${server.url}/notifications/stats`);
      await page.getByTestId('stats-row-name').first().waitFor();
      expect(await seriousViolations(page), `${locale} statistics`).toEqual([]);
      if (locale === 'en') {
        const inApp = page.getByTestId('stats-table').locator('tr', { hasText: 'In-app' });
        expect((await inApp.locator('td').allTextContents()).slice(1, 3)).toEqual(['1', '0']);
        await page.getByTestId('stats-by').getByText('By category').click();
        const contracts = page.getByTestId('stats-table').locator('tr', { hasText: 'contracts' });
        await contracts.waitFor();
        expect(await contracts.locator('td').nth(6).textContent()).toBe('2');
        await page.getByTestId('stats-period').click();
        await page.locator('.ant-select-item-option', { hasText: 'Last 90 days' }).click();
        await contracts.waitFor();
      }
      expect(watch.errors).toEqual([]);
      await context.close();
    }
  });
});
