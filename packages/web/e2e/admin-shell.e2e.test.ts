import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { openContext, screenshot } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, apiToken, freshTotp, linkIn, mailTo, signIn } from './support/flows';

const password = adminPassword;

describe('the shell: permissions, languages, phones, session end', () => {
  let server: E2eServer;
  let browser: Browser;
  let token: string;
  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin());
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
    // Besides what the role opens, every signed-in user has their own signature pages, inbox
    // and notification settings; nothing administrative beyond the users list, which is
    // where the reader lands.
    expect(entries.map((e) => e.trim())).toEqual([
      'My signature settings',
      'Sign a record',
      'Verify a signature',
      'Users',
      'Inbox',
      'My notification settings',
    ]);
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
    // The users page's own strings come with the identity module, not the entry: after a
    // reload in Chinese its column headers are Chinese at first render, never English.
    await page.getByTestId('users-table').waitFor();
    const headers = page.locator('.ant-table-thead');
    expect(await headers.innerText()).toContain('用户名');
    expect(await headers.innerText()).not.toContain('Username');
    // And a module opened after the switch (audit) arrives in the chosen language too.
    await page.goto(`${server.url}/audit/events`);
    await page.getByRole('columnheader', { name: '操作人' }).first().waitFor();
    await context.close();
  });

  it("takes Ant Design's styles from the prebuilt file of the theme on a signed-in reload", async () => {
    const { context, page, watch } = await openContext(browser, server.url);
    await signIn(page, server.url, 'admin', password, '/system/users');
    await page.getByTestId('users-table').waitFor();
    const styles = () =>
      page.evaluate(() => ({
        files: [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
          .map((l) => new URL(l.href).pathname)
          .filter((path) => path.includes('/antd-')),
        // Styles generated in the browser for the table or buttons: the file should have them.
        generated: [...document.querySelectorAll('style[data-css-hash]')].filter((s) =>
          /\.ant-(table|btn)[{.:]/.test(s.textContent ?? ''),
        ).length,
        newButton: getComputedStyle(document.querySelector('[data-testid="user-new"]') as Element)
          .backgroundColor,
      }));
    await page.reload();
    await page.locator('[data-testid="users-table"] tr.ant-table-row').first().waitFor();
    expect(await styles()).toEqual({
      files: [expect.stringMatching(/^\/assets\/antd-light-[0-9a-f]+\.css$/)],
      generated: 0,
      newButton: 'rgb(21, 84, 173)', // the theme's primary colour, from the file
    });
    await page.getByTestId('theme-switch').first().click();
    await page.reload();
    await page.locator('[data-testid="users-table"] tr.ant-table-row').first().waitFor();
    const dark = await styles();
    expect(dark.files).toEqual([expect.stringMatching(/^\/assets\/antd-dark-[0-9a-f]+\.css$/)]);
    expect(dark.generated).toBe(0);
    expect(dark.newButton).not.toBe('rgb(21, 84, 173)');
    expect(watch.cspViolations).toEqual([]);
    await context.close();
  });

  it('paints the saved menu as a static frame on a signed-in reload, and forgets it on sign-out', async () => {
    const { context, page, watch } = await openContext(browser, server.url);
    await signIn(page, server.url, 'admin', password, '/system/users');
    await page.getByTestId('users-table').waitFor();
    const saved = () => page.evaluate(() => JSON.parse(localStorage.getItem('signx.boot-menu') ?? 'null'));
    const menu = await saved();
    expect(menu.lang).toBe('en');
    expect(menu.groups.flatMap(([, labels]: [string, string[]]) => labels)).toEqual(
      expect.arrayContaining(['Users', 'Audit trail']),
    );
    // Hold the session refresh: the app cannot mount, so what shows is boot.js's frame.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/v1/auth/refresh', async (route) => {
      await held;
      await route.continue();
    });
    await page.reload({ waitUntil: 'commit' });
    const frame = page.locator('signx-boot-admin');
    await frame.getByText('Audit trail', { exact: true }).waitFor();
    expect(await frame.getAttribute('aria-hidden')).toBe('true');
    expect(await page.getByTestId('side-menu').count()).toBe(0);
    release();
    await page.getByTestId('users-table').waitFor();
    expect(await frame.count()).toBe(0); // the app's mount replaced it
    await page.unroute('**/api/v1/auth/refresh');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
    expect(await saved()).toBeNull();
    // The next user of the browser saves their own menu, never sees the previous one.
    await signIn(page, server.url, 'reader', password, '/system/users');
    await page.getByTestId('users-table').waitFor();
    const labels = (await saved()).groups.flatMap(([, l]: [string, string[]]) => l);
    expect(labels).toContain('Users');
    expect(labels).not.toContain('Audit trail');
    expect(watch.cspViolations).toEqual([]);
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
    // The next call is refused with mfa_enrolment_required: the app moves to enrolment. The
    // click is dispatched: the notice about the role change may cover the button. A background
    // call may get there first and the search box be gone: either way the app must land on
    // enrolment.
    await page
      .getByTestId('filter-search')
      .dispatchEvent('click', undefined, { timeout: 5_000 })
      .catch(() => undefined);
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
