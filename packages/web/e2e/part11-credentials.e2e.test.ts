import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, apiToken, freshTotp, signIn } from './support/flows';
import { createUserWithPassword } from './support/people';
import { cjkSamplePdf } from './support/signing-fixtures';

const quinnPassword = 'Copper-Meadow-41!';

interface InventoryRow {
  username: string;
  has_totp: boolean;
  passkeys: number;
  passkey_last_used_at: string | null;
}

/**
 * The passkey component of the signing ceremony through the dialog (Chromium's virtual
 * authenticator over the DevTools protocol, as passkeys.e2e.test.ts), and the credential
 * inventory page: it shows the passkey and its last use, an administrator removes another
 * user's authenticator and revokes the passkey after a step-up, a revoked passkey no longer
 * signs, and a non-administrator's revocation is refused by the server.
 */
describe('Part 11 credentials: the passkey ceremony and the credential inventory', () => {
  let server: E2eServer;
  let browser: Browser;
  let token = '';
  let documentId = '';
  let quinnId = '';
  let quinnSecret = '';

  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin());
    await apiCall(server.url, token, 'POST', '/signature/policies', {
      resource_type: 'document',
      operation_type: 'approve',
      policy_name: 'Document approval (passkey)',
      signature_level: 'enhanced',
      authentication_factors: 2,
      session_timeout: 10,
      session_absolute_timeout: 60,
      cooling_period: null,
      require_reason: false,
      allowed_meanings: ['approval'],
    });
    const form = new FormData();
    for (const [name, value] of Object.entries({
      title: 'SOP 7',
      category: 'technical',
      entity_type: 'sop',
      entity_id: '7',
    }))
      form.append(name, value);
    form.append('file', new Blob([new Uint8Array(cjkSamplePdf())], { type: 'application/pdf' }), 's.pdf');
    const response = await fetch(`${server.url}/api/v1/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    documentId = ((await response.json()) as { data: { document: { id: string } } }).data.document.id;
    // Quinn: an ordinary user with an authenticator, password from the welcome mail.
    quinnId = await createUserWithPassword(
      server,
      token,
      { username: 'quinn', full_name: 'Quinn Baker', roles: [] },
      quinnPassword,
    );
    const quinn = await apiToken(server.url, 'quinn', quinnPassword);
    const bind = await apiCall<{ secret: string }>(server.url, quinn, 'POST', '/auth/mfa/bind', {
      password: quinnPassword,
    });
    quinnSecret = bind.secret;
    await apiCall(server.url, quinn, 'POST', '/auth/mfa/bind/confirm', {
      code: await freshTotp(bind.secret),
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const inventory = async () =>
    (await apiCall<{ items: InventoryRow[] }>(server.url, token, 'GET', '/signature/credential-inventory'))
      .items;
  const row = async (username: string) => (await inventory()).find((r) => r.username === username);

  async function adminPage(locale: Locale, path: string) {
    const opened = await openContext(browser, server.url, { locale });
    await signIn(opened.page, server.url, 'admin', adminPassword, path);
    token = await apiToken(server.url, 'admin', adminPassword);
    return opened;
  }
  async function virtualAuthenticator(context: BrowserContext, page: Page) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
  }
  async function signWithPasskey(page: Page) {
    await page.goto(
      `${server.url}/records/sign?resourceType=document&operationType=approve&resourceId=${documentId}`,
    );
    await page.getByTestId('sign-open').click();
    await page.getByTestId('ceremony-next').click();
    await page.getByTestId('ceremony-password').fill(adminPassword);
    await page.getByTestId('ceremony-sign').click();
  }

  it('signs with password + passkey through the ceremony dialog; the inventory shows the passkey and its use', async () => {
    const { context, page, watch } = await adminPage('en', '/account?tab=passkeys');
    await virtualAuthenticator(context, page);
    await page.getByTestId('passkey-add').click();
    await page.getByTestId('passkey-name').fill('Lab phone');
    await page.getByTestId('passkey-password').fill(adminPassword);
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    await page.getByTestId('passkey-list').getByText('Lab phone', { exact: true }).waitFor();
    await apiCall(server.url, token, 'PUT', '/signature/settings', { is_biometric_enabled: true });

    await signWithPasskey(page);
    await page.getByTestId('sign-done').waitFor({ timeout: 90_000 });
    const history = await apiCall<{ items: { signature_type: string; resource_id: string }[] }>(
      server.url,
      token,
      'GET',
      '/signature/history',
    );
    expect(history.items).toEqual([expect.objectContaining({ resource_id: documentId })]);
    expect(history.items[0]?.signature_type).toContain('passkey');

    await page.goto(`${server.url}/records/credentials`);
    await expect.poll(() => page.getByTestId('credentials-passkeys-admin').textContent()).toBe('1');
    expect((await row('admin'))?.passkey_last_used_at).not.toBeNull();
    expect(await seriousViolations(page)).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it('a non-administrator cannot revoke; the administrator removes an authenticator and revokes a passkey after a step-up', async () => {
    const quinn = await apiToken(server.url, 'quinn', quinnPassword, quinnSecret);
    // Quinn (no permissions) tries to remove the administrator's passkey and authenticator: 403.
    const adminId = (await apiCall<{ user: { id: string } }>(server.url, token, 'GET', '/me')).user.id;
    const passkeys = await apiCall<{ items: { id: string }[] }>(
      server.url,
      token,
      'GET',
      `/users/${adminId}/passkeys`,
    );
    for (const path of [`/users/${adminId}/passkeys/${passkeys.items[0]?.id}`, `/users/${adminId}/mfa`]) {
      const attempt = await fetch(`${server.url}/api/v1${path}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${quinn}` },
      });
      expect(attempt.status).toBe(403);
    }
    expect((await row('admin'))?.passkeys).toBe(1);

    const { context, page, watch } = await adminPage('en', '/records/credentials');
    await virtualAuthenticator(context, page);
    // Quinn's lost authenticator: the step-up, then removed.
    await page.getByTestId('credentials-reset-totp-quinn').click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.getByTestId('credential-password').fill(adminPassword);
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await dialog.getByTestId('credential-remove-totp').click();
    await expect.poll(async () => (await row('quinn'))?.has_totp).toBe(false);
    await expect.poll(() => page.locator('.ant-modal:visible').count()).toBe(0);
    // The administrator's own passkey, revoked from the inventory (a wrong password first: refused).
    await page.getByTestId('credentials-revoke-passkey-admin').click();
    await dialog.getByTestId('credential-passkeys').getByText('Lab phone').waitFor();
    await dialog.getByTestId('credential-password').fill('not-my-password');
    await dialog.getByTestId('credential-revoke-passkey').click();
    await dialog.getByTestId('credential-problem').waitFor();
    expect((await row('admin'))?.passkeys).toBe(1);
    await dialog.getByTestId('credential-password').fill(adminPassword);
    await dialog.getByTestId('credential-revoke-passkey').click();
    await expect.poll(async () => (await row('admin'))?.passkeys).toBe(0);
    const audit = await apiCall<{ items: { action: string }[] }>(
      server.url,
      token,
      'GET',
      `/audit/events?entity_id=${quinnId}`,
    );
    expect(audit.items.map((e) => e.action)).toContain('identity.mfa.unbound');
    // The passkey no longer counts as a component: the ceremony has nothing to offer but the password.
    await page.goto(
      `${server.url}/records/sign?resourceType=document&operationType=approve&resourceId=${documentId}`,
    );
    await page.getByTestId('sign-open').click();
    await page.getByTestId('ceremony-next').click();
    await expect.poll(() => page.getByTestId('ceremony-use-passkey').count()).toBe(0);
    expect(watch.cspViolations).toEqual([]);
    await context.close();
  });
});
