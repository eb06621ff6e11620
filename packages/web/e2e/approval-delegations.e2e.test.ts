import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, apiToken, signIn } from './support/flows';
import { createApprovalUsers } from './support/people';

const password = 'Amber-Harbour-58!';

/**
 * The delegation rules page (docs/workflow.md, Delegation): Ana sets an out-of-office rule
 * to Ben from the page, the overlapping second rule is refused in words, the page reads in
 * Hebrew and Chinese, and Ana ends the rule; the API agrees at each step.
 */
describe('delegation rules page', () => {
  let server: E2eServer;
  let browser: Browser;
  let token: string;
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin());
    ids = await createApprovalUsers(
      server,
      token,
      [
        ['ana', 'ana'],
        ['ben', 'ben'],
      ],
      password,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function asAna(locale?: Locale) {
    const opened = await openContext(browser, server.url, locale ? { locale } : {});
    await signIn(opened.page, server.url, 'ana', password, '/approvals/delegations');
    await opened.page.getByTestId('delegation-form').waitFor();
    return opened;
  }
  const local = (offsetMs: number) => {
    const at = new Date(Date.now() + offsetMs);
    return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  };
  const rulesOfAna = async () =>
    (
      await apiCall<{ items: { id: string; delegate_id: string }[] }>(
        server.url,
        await apiToken(server.url, 'ana', password),
        'GET',
        '/approval-delegations',
      )
    ).items;

  it('sets a rule, refuses an overlapping one in words, and ends the rule', async () => {
    const { context, page, watch } = await asAna();
    await page.getByTestId('delegation-submit').click();
    expect(await page.getByTestId('delegation-error').textContent()).toContain('Pick a delegate');
    await page.getByTestId('delegation-delegate').fill(ids.ben ?? '');
    await page.getByTestId('delegation-starts').fill(local(-60_000));
    await page.getByTestId('delegation-ends').fill(local(2 * 86_400_000));
    await page.getByTestId('delegation-reason').fill('Annual leave');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('delegation-submit').click();
    await page.getByTestId('delegation-table').getByText('Annual leave').waitFor();
    expect(await page.getByTestId('delegation-table').textContent()).toContain('In force');
    const [rule] = await rulesOfAna();
    expect(rule?.delegate_id).toBe(ids.ben);

    // The same range again overlaps: refused, explained, nothing more stored.
    await page.getByTestId('delegation-delegate').fill(ids.ben ?? '');
    await page.getByTestId('delegation-submit').click();
    expect(await page.getByTestId('delegation-error').textContent()).toContain('already covers');
    expect(await rulesOfAna()).toHaveLength(1);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId(`delegation-end-${rule?.id}`).click();
    await expect.poll(() => page.getByTestId('delegation-table').count()).toBe(0);
    expect(await rulesOfAna()).toHaveLength(0);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it('reads right to left in Hebrew and in Chinese, without serious axe violations', async () => {
    for (const [locale, submit] of [
      ['he', 'הגדר כלל'],
      ['zh-CN', '设置委托'],
    ] as const) {
      const { context, page, watch } = await asAna(locale);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'he' ? 'rtl' : 'ltr');
      expect(await page.getByTestId('delegation-submit').textContent()).toContain(submit);
      expect(await seriousViolations(page)).toEqual([]);
      expect(watch.errors).toEqual([]);
      await context.close();
    }
  });
});
