import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { launchBrowser, openContext, screenshot } from './support/browser';
import { type E2eServer, startE2eServer } from './support/e2e-server';
import { apiCall, apiToken, freshTotp, linkIn, mailTo, signIn } from './support/flows';

const adminPassword = 'Quiet-Lantern-73!';
const miraPassword = 'Amber-Falcon-2026!';

/**
 * Sign-in end to end, with the security defaults (every system role requires MFA): the first
 * administrator's forced password change and authenticator enrolment, a new user who sets
 * the password from the welcome mail, the emailed sign-in code, forced MFA enrolment with a
 * QR code, recovery and TOTP codes, forgot-password by mail, wrong-password messages.
 */
describe('sign-in, first login and mailed links', () => {
  let server: E2eServer;
  let browser: Browser;
  let adminSecret = '';
  let secret = '';
  let recoveryCode = '';
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('makes the first administrator change the generated password and enrol an authenticator, then opens the app', async () => {
    const { context, page, watch } = await openContext(browser, server.url);
    await signIn(page, server.url, 'admin', server.adminPassword, '/system/users');
    await page.getByTestId('current-password').waitFor();
    expect(page.url()).toContain('/first-login/password');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('current-password').fill(server.adminPassword);
    await page.getByTestId('new-password').fill('short');
    await page.getByTestId('repeat-password').fill('short');
    await page.getByTestId('save-password').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    expect(await page.getByTestId('new-password').inputValue()).toBe('short');
    await page.getByTestId('new-password').fill(adminPassword);
    await page.getByTestId('repeat-password').fill(adminPassword);
    await page.getByTestId('save-password').click();

    // The super administrator role requires MFA: the app holds the user on enrolment.
    await page.getByTestId('enrol-password').waitFor();
    expect(new URL(page.url()).pathname).toBe('/first-login/mfa');
    await page.goto(`${server.url}/system/users`);
    await page.getByTestId('enrol-password').waitFor();
    expect(new URL(page.url()).pathname).toBe('/first-login/mfa');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('enrol-password').fill(adminPassword);
    await page.getByTestId('enrol-start').click();
    await page.getByTestId('enrol-qr').waitFor();
    adminSecret = (await page.getByTestId('enrol-secret').textContent())?.trim() ?? '';
    await page.getByTestId('enrol-code').fill(await freshTotp(adminSecret));
    await page.getByTestId('enrol-confirm').click();
    await page.getByTestId('recovery-codes').waitFor();
    expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await page.getByTestId('recovery-saved').click();
    await page.getByTestId('side-menu').waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('shows the server’s message for a wrong password and keeps the username', async () => {
    const { context, page } = await openContext(browser, server.url);
    await signIn(page, server.url, 'admin', 'Not-The-Password-1!');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Sign-in failed');
    expect(await page.getByTestId('username').inputValue()).toBe('admin');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'en', 'sign-in-error');
    await context.close();
  });

  it('lets a new user set the password from the welcome mail, then enforces MFA enrolment', async () => {
    const token = await apiToken(server.url, 'admin', adminPassword, adminSecret);
    await apiCall(server.url, token, 'POST', '/roles', {
      code: 'signer',
      name: 'Signer',
      description: 'Signs with MFA',
      data_scope: 'own',
      mfa_required: true,
      permissions: ['identity.user.read'],
    });
    const before = server.mail.messages.length;
    await apiCall(server.url, token, 'POST', '/users', {
      username: 'mira',
      full_name: 'Mira Cohen',
      email: 'mira@example.test',
      roles: ['signer'],
    });
    const welcome = await mailTo(server.mail, 'mira@example.test', before);
    const link = linkIn(welcome.text);
    expect(link.startsWith(`${server.url}/reset-password#token=`)).toBe(true);

    const { context, page, watch } = await openContext(browser, server.url);
    await page.goto(link);
    await page.getByTestId('new-password').fill(miraPassword);
    await page.getByTestId('repeat-password').fill(miraPassword);
    expect(new URL(page.url()).hash).toBe('');
    await page.getByTestId('save-password').click();
    await page.getByTestId('reset-done').waitFor();

    const beforeCode = server.mail.messages.length;
    await signIn(page, server.url, 'mira', miraPassword);
    await page.getByTestId('mfa-code').waitFor();
    await page.getByTestId('send-code').click();
    const codeMail = await mailTo(server.mail, 'mira@example.test', beforeCode);
    const code = /\b(\d{6})\b/.exec(codeMail.text)?.[1] ?? '';
    await page.getByTestId('mfa-code').fill(code);
    await page.getByTestId('mfa-verify').click();

    await page.getByTestId('enrol-password').waitFor();
    expect(page.url()).toContain('/first-login/mfa');
    await page.goto(`${server.url}/system/users`);
    await page.getByTestId('enrol-password').waitFor();
    expect(page.url()).toContain('/first-login/mfa');
    await page.getByTestId('enrol-password').fill(miraPassword);
    await page.getByTestId('enrol-start').click();
    await page.getByTestId('enrol-qr').waitFor();
    expect(await page.getByTestId('enrol-qr').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    secret = (await page.getByTestId('enrol-secret').textContent())?.trim() ?? '';
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('enrol-code').fill(await freshTotp(secret));
    await page.getByTestId('enrol-confirm').click();
    await page.getByTestId('recovery-codes').waitFor();
    recoveryCode =
      (await page.getByTestId('recovery-codes').locator('li').first().textContent())?.trim() ?? '';
    await page.getByTestId('recovery-saved').click();
    await page.getByTestId('side-menu').waitFor();
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it('asks for the second factor at the next sign-in: a recovery code, then an authenticator code', async () => {
    const { context, page } = await openContext(browser, server.url);
    await signIn(page, server.url, 'mira', miraPassword);
    await page.getByTestId('mfa-code').waitFor();
    await page.locator('label', { hasText: 'Recovery code' }).click();
    await page.getByTestId('mfa-code').fill(recoveryCode);
    await page.getByTestId('mfa-verify').click();
    await page.getByTestId('side-menu').waitFor();
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();

    await signIn(page, server.url, 'mira', miraPassword);
    await page.getByTestId('mfa-code').waitFor();
    await page.getByTestId('mfa-code').fill(await freshTotp(secret));
    await page.getByTestId('mfa-verify').click();
    await page.getByTestId('side-menu').waitFor();
    await context.close();
  });

  it('resets a forgotten password through the mailed link', async () => {
    const { context, page } = await openContext(browser, server.url);
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    // The sign-in page has a username field too: fill only once the reset page is in place.
    await page.getByTestId('send-link').waitFor();
    const before = server.mail.messages.length;
    await page.getByTestId('username').fill('mira');
    await page.getByTestId('send-link').click();
    await page.getByTestId('forgot-sent').waitFor();
    const mail = await mailTo(server.mail, 'mira@example.test', before);
    await page.goto(linkIn(mail.text));
    await page.getByTestId('new-password').fill('Copper-Meadow-2026!');
    await page.getByTestId('repeat-password').fill('Copper-Meadow-2026!');
    await page.getByTestId('save-password').click();
    await page.getByTestId('reset-done').waitFor();
    await signIn(page, server.url, 'mira', 'Copper-Meadow-2026!');
    await page.getByTestId('mfa-code').waitFor();
    await context.close();
  });
});
