import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext, type PageWatch, screenshot } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, apiToken, confirmPopover, signIn } from './support/flows';

const password = adminPassword;

/** Every admin route, with the screenshot name for the main ones. */
const routes: { path: string; shot?: string }[] = [
  { path: '/dashboard', shot: 'dashboard' },
  { path: '/system/users', shot: 'users' },
  { path: '/system/departments', shot: 'departments' },
  { path: '/system/roles', shot: 'roles' },
  { path: '/system/sessions' },
  { path: '/system/api-keys' },
  { path: '/system/login-log' },
  { path: '/audit/events', shot: 'audit' },
  { path: '/jobs/queues', shot: 'jobs' },
  { path: '/jobs/schedules' },
  { path: '/account' },
];

async function adminPage(browser: Browser, server: E2eServer, locale: Locale = 'en', width = 1280) {
  const opened = await openContext(browser, server.url, { locale, width });
  await signIn(opened.page, server.url, 'admin', password, '/dashboard');
  await opened.page.getByTestId('side-menu').waitFor();
  return opened;
}

async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.page-title').waitFor();
  await page
    .locator('.ant-spin-spinning, .ant-skeleton')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

describe('the admin app: every page, in three languages, accessible', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    const started = await startWithAdmin();
    ({ server, browser } = started);
    const token = started.token;
    await apiCall(server.url, token, 'POST', '/users', {
      username: 'noa',
      full_name: 'Noa Levi',
      email: 'noa@example.test',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const locale of ['en', 'he'] as const) {
    it(`renders every route in ${locale} with no serious accessibility violation`, async () => {
      const { context, page, watch } = await adminPage(browser, server, locale);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'he' ? 'rtl' : 'ltr');
      for (const route of routes) {
        await visit(page, `${server.url}${route.path}`);
        expect(await seriousViolations(page), `${locale} ${route.path}`).toEqual([]);
        if (route.shot) await screenshot(page, locale, route.shot);
      }
      expectClean(watch);
      await context.close();
    });
  }

  it('shows the main pages in Chinese (screenshots for the docs)', async () => {
    const { context, page, watch } = await adminPage(browser, server, 'zh-CN');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    for (const route of routes.filter((r) => r.shot)) {
      await visit(page, `${server.url}${route.path}`);
      await screenshot(page, 'zh-CN', route.shot!);
    }
    expect(await page.locator('.page-title').textContent()).toBe('任务');
    expectClean(watch);
    await context.close();
  });

  it('creates a user: the API’s field error lands on its field, the input survives, then it saves', async () => {
    const { context, page } = await adminPage(browser, server);
    await visit(page, `${server.url}/system/users`);
    await page.getByTestId('user-new').click();
    const form = page.getByTestId('user-form');
    await form.waitFor();
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await page.getByTestId('user-username').fill('noa.cohen');
    await page.getByTestId('user-full-name').fill('Another Noa');
    await page.getByTestId('user-email').fill('not-an-email');
    await page.getByRole('button', { name: 'Save' }).click();
    const emailItem = form.locator('.ant-form-item', { has: page.getByTestId('user-email') });
    await emailItem.locator('.ant-form-item-explain-error').waitFor();
    expect(await page.getByTestId('user-full-name').inputValue()).toBe('Another Noa');
    expect(await page.getByTestId('user-email').inputValue()).toBe('not-an-email');
    await page.getByTestId('user-email').fill('noa2@example.test');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('A link to set the password was emailed').waitFor();
    await page.getByTestId('user-filter').fill('noa.cohen');
    await page.getByTestId('filter-search').click();
    await page.getByTestId('users-table').getByText('Another Noa').waitFor();
    expect(await page.getByTestId('users-table').locator('tbody tr.ant-table-row').count()).toBe(1);
    await context.close();
  });

  it('disables a user with a reason after confirmation, and the audit trail shows the change', async () => {
    const { context, page } = await adminPage(browser, server);
    await visit(page, `${server.url}/system/users`);
    const row = page.locator('tr', { hasText: 'Noa Levi' });
    await row.getByRole('button', { name: /Actions: noa/ }).click();
    await page.getByRole('menuitem', { name: 'Disable' }).click();
    await page.getByTestId('reason').fill('Left the company');
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await page.getByRole('button', { name: 'OK' }).click();
    await row.getByText('Disabled').waitFor();

    await visit(page, `${server.url}/audit/events`);
    await page.getByTestId('audit-filter-action').fill('identity.user.disabled');
    await page.getByTestId('filter-search').click();
    await page.getByTestId('audit-open').first().click();
    await page.getByTestId('audit-detail').waitFor();
    await page.getByTestId('audit-changes').getByText('disabled').first().waitFor();
    expect(await seriousViolations(page, '.ant-drawer')).toEqual([]);
    await context.close();
  });

  it('verifies the audit chain and exports CSV with a download', async () => {
    const { context, page } = await adminPage(browser, server);
    await visit(page, `${server.url}/audit/events`);
    await page.getByTestId('audit-verify').click();
    await page.getByTestId('audit-verdict').waitFor();
    expect(await page.getByTestId('audit-verdict').textContent()).toContain('Intact');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('audit-export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await context.close();
  });

  it('builds a department tree and a role with permissions', async () => {
    const { context, page } = await adminPage(browser, server);
    await visit(page, `${server.url}/system/departments`);
    await page.getByTestId('department-new').click();
    await page.getByTestId('department-name').fill('Legal');
    await page.getByTestId('department-save').click();
    await page.getByTestId('department-tree').getByText('Legal').waitFor();
    await page.getByRole('button', { name: 'Add sub-department' }).click();
    await page.getByTestId('department-name').fill('Contracts');
    await page.getByTestId('department-save').click();
    await page.getByTestId('department-tree').getByText('Contracts').waitFor();

    await visit(page, `${server.url}/system/roles`);
    await page.getByTestId('role-new').click();
    await page.getByTestId('role-code').fill('clerk');
    await page.getByTestId('role-name').fill('Clerk');
    await page
      .getByTestId('role-permissions')
      .locator('.ant-tree-treenode', { hasText: 'identity.user.read —' })
      .locator('.ant-tree-checkbox')
      .click();
    expect(await seriousViolations(page, '.ant-drawer')).toEqual([]);
    await page.getByTestId('role-save').click();
    await page.getByTestId('roles-table').getByText('Clerk', { exact: true }).waitFor();
    // A fresh token: the browser sign-ins above may have pushed the older session out.
    const fresh = await apiToken(server.url, 'admin', password);
    const roles = await apiCall<{ code: string; permissions: string[] }[]>(
      server.url,
      fresh,
      'GET',
      '/roles',
    );
    expect(roles.find((r) => r.code === 'clerk')?.permissions).toEqual(['identity.user.read']);
    await context.close();
  });

  it('creates an API key whose secret is shown once, then revokes it', async () => {
    const { context, page } = await adminPage(browser, server);
    await visit(page, `${server.url}/system/api-keys`);
    await page.getByTestId('api-key-new').click();
    await page.getByTestId('api-key-name').fill('ERP integration');
    await page.getByTestId('api-key-permissions').click();
    await page.keyboard.type('audit.event.read');
    await page.keyboard.press('Enter');
    await page.getByTestId('api-key-name').click();
    await page.getByRole('button', { name: 'Create' }).click();
    const secret = page.getByTestId('api-key-secret');
    await secret.waitFor();
    const key = (await secret.textContent())?.trim() ?? '';
    expect(key.length).toBeGreaterThan(20);
    const viaKey = await fetch(`${server.url}/api/v1/audit/events`, { headers: { 'x-api-key': key } });
    expect(viaKey.status).toBe(200);
    await page.getByTestId('api-key-secret-done').click();
    await page.getByTestId('api-key-revoke').click();
    await confirmPopover(page, 'Revoke');
    await page.getByTestId('api-keys-table').getByText('Revoked').waitFor();
    expect((await fetch(`${server.url}/api/v1/audit/events`, { headers: { 'x-api-key': key } })).status).toBe(
      401,
    );
    await context.close();
  });

  it('ends another session from the sessions page; pauses and resumes a schedule; shows the dashboard', async () => {
    await apiToken(server.url, 'admin', password);
    const { context, page } = await adminPage(browser, server);
    await visit(page, `${server.url}/system/sessions`);
    const before = await page.getByTestId('session-kick').count();
    expect(before).toBeGreaterThan(0);
    await page.getByTestId('session-kick').first().click();
    await confirmPopover(page, 'End session');
    await page.getByText('Session ended').waitFor();

    await visit(page, `${server.url}/jobs/schedules`);
    const pause = page.locator('[data-testid^="schedule-pause-"]').first();
    const name = (await pause.getAttribute('data-testid'))!.replace('schedule-pause-', '');
    await pause.click();
    await confirmPopover(page, 'Pause');
    await page.getByTestId(`schedule-resume-${name}`).click();
    await page.getByTestId(`schedule-pause-${name}`).waitFor();

    await visit(page, `${server.url}/dashboard`);
    await page.getByTestId('dashboard-stats').waitFor();
    await page.locator('.chart svg').first().waitFor();
    await page.getByTestId('health-check').first().waitFor();
    await context.close();
  });

  it('shows a dead letter with its failed attempt and retries it', async () => {
    const { context, page } = await adminPage(browser, server);
    await visit(page, `${server.url}/jobs/queues`);
    await page.getByRole('tab', { name: 'Dead letters' }).click();
    await page.getByTestId('jobs-table').getByText('e2e.partner-sync').waitFor();
    await page.getByTestId('job-open').first().click();
    await page.getByTestId('job-detail').waitFor();
    await page.locator('.ant-drawer').getByText('partner endpoint refused the export').first().waitFor();
    expect(await seriousViolations(page, '.ant-drawer')).toEqual([]);
    await page.getByTestId('job-retry').click();
    await page.getByText('Done').first().waitFor();
    await context.close();
  });

  it('saves my profile without losing input on a failed submit', async () => {
    const { context, page } = await adminPage(browser, server);
    await visit(page, `${server.url}/account`);
    await page.getByTestId('profile-full-name').fill('');
    await page.getByTestId('profile-save').click();
    await page.getByTestId('profile-form').locator('.ant-form-item-explain-error').first().waitFor();
    await page.getByTestId('profile-full-name').fill('Site Administrator');
    await page.getByTestId('profile-save').click();
    await page.getByText('Saved').waitFor();
    await page.getByTestId('user-menu').getByText('Site Administrator').waitFor();
    await context.close();
  });
});

function expectClean(watch: PageWatch): void {
  expect(watch.errors).toEqual([]);
  expect(watch.cspViolations).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}
