import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { type Locale, launchBrowser, openContext, type PageWatch, screenshot } from './support/browser';
import { type E2eServer, startE2eServer } from './support/e2e-server';
import { apiCall, apiToken, confirmPopover, freshTotp, linkIn, mailTo, signIn } from './support/flows';

const password = 'Quiet-Lantern-73!';

/**
 * These suites test the pages, not the sign-in: they open a fresh browser context and sign
 * in a dozen times, and an authenticator code is accepted once per 30-second step, so MFA
 * would make them wait minutes. They therefore start the server with the product's own
 * setting for installations that run the seeded roles without MFA (MFA_REQUIRED_DEFAULT=false,
 * docs/identity.md). Sign-in with the default (MFA required, enrolment, TOTP and recovery
 * codes) is covered by sign-in.e2e.test.ts.
 */
const withoutMfaByDefault = { MFA_REQUIRED_DEFAULT: 'false' };

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
    [server, browser] = await Promise.all([startE2eServer(withoutMfaByDefault), launchBrowser()]);
    const first = await apiToken(server.url, 'admin', server.adminPassword);
    await apiCall(server.url, first, 'POST', '/auth/password/change', {
      current_password: server.adminPassword,
      new_password: password,
    });
    const token = await apiToken(server.url, 'admin', password);
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

describe('the shell: permissions, languages, phones, session end', () => {
  let server: E2eServer;
  let browser: Browser;
  let token: string;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(withoutMfaByDefault), launchBrowser()]);
    const first = await apiToken(server.url, 'admin', server.adminPassword);
    await apiCall(server.url, first, 'POST', '/auth/password/change', {
      current_password: server.adminPassword,
      new_password: password,
    });
    token = await apiToken(server.url, 'admin', password);
    await apiCall(server.url, token, 'POST', '/roles', {
      code: 'user_reader',
      name: 'User reader',
      description: 'Reads users only',
      data_scope: 'all',
      mfa_required: false,
      permissions: ['identity.user.read'],
    });
    await apiCall(server.url, token, 'POST', '/users', {
      username: 'reader',
      full_name: 'Read Only',
      email: 'reader@example.test',
      roles: ['user_reader'],
    });
    const welcome = await mailTo(server.mail, 'reader@example.test');
    const resetToken = decodeURIComponent(linkIn(welcome.text).split('#token=')[1] ?? '');
    await fetch(`${server.url}/api/v1/auth/password/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: resetToken, new_password: password }),
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows only what the permissions open: no menu entry, no button, a 403 page on the URL', async () => {
    const { context, page } = await openContext(browser, server.url);
    await signIn(page, server.url, 'reader', password);
    await page.getByTestId('side-menu').waitFor();
    const entries = await page.getByTestId('side-menu').locator('a').allTextContents();
    // Besides what the role opens, every signed-in user has their own inbox and notification
    // settings; nothing administrative beyond the users list.
    expect(entries.map((e) => e.trim())).toEqual(['Users', 'Inbox', 'My notification settings']);
    expect(new URL(page.url()).pathname).toBe('/system/users');
    await page.getByTestId('users-table').waitFor();
    expect(await page.getByTestId('user-new').count()).toBe(0);
    await page.goto(`${server.url}/system/roles`);
    await page.getByTestId('forbidden').waitFor();
    expect(new URL(page.url()).pathname).toBe('/system/roles');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('switches language from the header: Hebrew mirrors the whole layout, Chinese reads Chinese', async () => {
    const { context, page } = await openContext(browser, server.url);
    await signIn(page, server.url, 'admin', password, '/system/users');
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('language-switch').first().selectOption('he');
    await page.getByText('משתמשים').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const sider = await page.locator('.sider').boundingBox();
    const main = await page.locator('#main').boundingBox();
    expect(sider!.x).toBeGreaterThan(main!.x);
    expect(await page.locator('.ant-table-rtl').count()).toBeGreaterThan(0);
    await page.getByTestId('theme-switch').first().click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByTestId('language-switch').first().selectOption('zh-CN');
    await page.getByText('用户管理').first().waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      'ltr',
      'zh-CN',
    ]);
    await page.reload();
    await page.getByText('用户管理').first().waitFor();
    await context.close();
  });

  it('works on a 360 px phone: menu in a drawer, nothing wider than the screen', async () => {
    const { context, page } = await openContext(browser, server.url, { width: 360, height: 740 });
    await signIn(page, server.url, 'admin', password, '/system/users');
    await page.getByTestId('users-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByTestId('menu-toggle').click();
    await page.locator('.ant-drawer').getByRole('link', { name: 'Audit trail' }).click();
    await page.getByTestId('audit-table').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'en', 'phone-audit');
    await context.close();
  });

  it('takes the user back to sign-in, then to the same page, when the session is ended elsewhere', async () => {
    const { context, page } = await openContext(browser, server.url);
    await signIn(page, server.url, 'admin', password, '/system/users');
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out-everywhere').click();
    await page.getByTestId('sign-in').waitFor();
    const other = await openContext(browser, server.url);
    await signIn(other.page, server.url, 'admin', password, '/jobs/queues');
    await other.page.getByTestId('queues-table').waitFor();
    await apiCall(server.url, await apiToken(server.url, 'admin', password), 'POST', '/auth/logout/all');
    // The app learns of the end either from the next navigation (to Users) or first from the
    // live notification stream, which the server closes (then it was still on the queues);
    // either way it must bring the user back to where they were going.
    await other.page
      .getByRole('link', { name: 'Users' })
      .click({ timeout: 5_000 })
      .catch(() => {}); // the menu is gone already: the stream noticed first
    await other.page.getByText('Your session has ended').waitFor();
    const redirect = new URL(other.page.url()).searchParams.get('redirect');
    expect(['/system/users', '/jobs/queues']).toContain(redirect);
    await other.page.getByTestId('password').fill(password);
    await other.page.getByTestId('username').fill('admin');
    await other.page.getByTestId('sign-in').click();
    await other.page.getByTestId(redirect === '/system/users' ? 'users-table' : 'queues-table').waitFor();
    expect(new URL(other.page.url()).pathname).toBe(redirect);
    await other.context.close();
    await context.close();
  });
  it('takes a signed-in user to authenticator enrolment when the role starts requiring MFA', async () => {
    const { context, page, watch } = await openContext(browser, server.url);
    await signIn(page, server.url, 'reader', password);
    await page.getByTestId('users-table').waitFor();
    const admin = await apiToken(server.url, 'admin', password);
    const roles = await apiCall<{ id: string; code: string }[]>(server.url, admin, 'GET', '/roles');
    const role = roles.find((r) => r.code === 'user_reader');
    await apiCall(server.url, admin, 'PATCH', `/roles/${role?.id}`, { mfa_required: true });
    // The next call is refused with mfa_enrolment_required: the app moves to enrolment.
    await page.getByTestId('filter-search').click();
    await page.getByTestId('enrol-password').waitFor();
    expect(new URL(page.url()).pathname).toBe('/first-login/mfa');
    await page.getByTestId('enrol-password').fill(password);
    await page.getByTestId('enrol-start').click();
    const secret = (await page.getByTestId('enrol-secret').textContent())?.trim() ?? '';
    await page.getByTestId('enrol-code').fill(await freshTotp(secret));
    await page.getByTestId('enrol-confirm').click();
    await page.getByTestId('recovery-saved').click();
    await page.getByTestId('users-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/system/users');
    expect(watch.cspViolations).toEqual([]);
    await context.close();
  });
});

function expectClean(watch: PageWatch): void {
  expect(watch.errors).toEqual([]);
  expect(watch.cspViolations).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}
