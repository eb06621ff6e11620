import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { openContext } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, apiToken, freshTotp, signIn } from './support/flows';
import { createUserWithPassword } from './support/people';

const quinnPassword = 'Copper-Meadow-41!';

/**
 * The users page's "Remove MFA": the server requires the administrator's step-up proof
 * (`X-Step-Up-Proof`) for it. The page asks the administrator's password, takes the proof and
 * sends it with the removal; a wrong password is refused and removes nothing.
 */
describe('users page: removing an authenticator with a step-up proof', () => {
  let server: E2eServer;
  let browser: Browser;
  let token = '';

  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin());
    await createUserWithPassword(
      server,
      token,
      { username: 'quinn', full_name: 'Quinn Baker', roles: [] },
      quinnPassword,
    );
    const quinn = await apiToken(server.url, 'quinn', quinnPassword);
    const bind = await apiCall<{ secret: string }>(server.url, quinn, 'POST', '/auth/mfa/bind', {
      password: quinnPassword,
    });
    await apiCall(server.url, quinn, 'POST', '/auth/mfa/bind/confirm', {
      code: await freshTotp(bind.secret),
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const hasTotp = async () =>
    (
      await apiCall<{ items: { username: string; has_totp: boolean }[] }>(
        server.url,
        token,
        'GET',
        '/signature/credential-inventory',
      )
    ).items.find((r) => r.username === 'quinn')?.has_totp;

  it('asks the password, sends the proof with the removal, and refuses a wrong password', async () => {
    expect(await hasTotp()).toBe(true);
    const { context, page, watch } = await openContext(browser, server.url, { locale: 'en' });
    await signIn(page, server.url, 'admin', adminPassword, '/system/users');
    token = await apiToken(server.url, 'admin', adminPassword);
    const openDialog = async () => {
      await page.getByRole('button', { name: 'Actions: quinn' }).click();
      await page.getByRole('menuitem', { name: 'Remove MFA' }).click();
      await page.getByTestId('remove-mfa-password').waitFor();
    };
    await openDialog();
    const dialog = page.locator('.ant-modal:visible');
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await dialog.getByTestId('remove-mfa-password').fill('not-my-password');
    await dialog.getByTestId('remove-mfa-confirm').click();
    await dialog.getByTestId('remove-mfa-problem').waitFor();
    expect(await hasTotp()).toBe(true);

    await dialog.getByTestId('remove-mfa-password').fill(adminPassword);
    const removal = page.waitForRequest((r) => r.method() === 'DELETE' && r.url().endsWith('/mfa'));
    await dialog.getByTestId('remove-mfa-confirm').click();
    const request = await removal;
    expect(request.headers()['x-step-up-proof']).toMatch(/\S{16,}/);
    expect((await request.response())?.status()).toBe(200);
    await expect.poll(hasTotp).toBe(false);
    await expect.poll(() => page.locator('.ant-modal:visible').count()).toBe(0);
    expect(watch.cspViolations).toEqual([]);
    await context.close();
  });
});
