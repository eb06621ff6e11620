import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext, type PageWatch } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, apiToken, confirmPopover, signIn } from './support/flows';

interface RequestOptions {
  challenge: string;
  rpId: string;
  allowCredentials: { id: string; type: 'public-key' }[];
}

/**
 * Runs in the page: navigator.credentials.get for the options but with user verification
 * discouraged (what a modified client could do), returned as the JSON the API takes. Plain
 * JavaScript text, so no test-transform helper leaks into the page.
 */
const assertWithoutUv = `async (options) => {
  const bytes = (b64) => Uint8Array.from(atob(b64.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const text = (buffer) =>
    btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/[+]/g, '-').replace(/[/]/g, '_').replace(/=+$/, '');
  const credential = await navigator.credentials.get({
    publicKey: {
      challenge: bytes(options.challenge),
      rpId: options.rpId,
      allowCredentials: options.allowCredentials.map((c) => ({ type: 'public-key', id: bytes(c.id) })),
      userVerification: 'discouraged',
    },
  });
  const answer = credential.response;
  return {
    flags: new Uint8Array(answer.authenticatorData)[32],
    json: {
      id: credential.id,
      rawId: text(credential.rawId),
      type: 'public-key',
      clientExtensionResults: {},
      response: {
        clientDataJSON: text(answer.clientDataJSON),
        authenticatorData: text(answer.authenticatorData),
        signature: text(answer.signature),
      },
    },
  };
}`;

interface Passkey {
  id: string;
  name: string;
  last_used_at: string | null;
}

/**
 * "My passkeys" end to end with Chromium's virtual authenticator (DevTools protocol,
 * WebAuthn domain): add a passkey after re-entering the password, verify with it, rename
 * and remove it, in three languages; a device that does not verify the user (UV=false) is
 * refused on the user-verification-required path.
 */
describe('my passkeys, with a virtual WebAuthn authenticator', () => {
  let server: E2eServer;
  let browser: Browser;
  // The API token of the current test, taken after its browser sign-in: a user keeps at most
  // five sessions, so an older token may already have been ended by later sign-ins.
  let token: string;
  beforeAll(async () => {
    ({ server, browser } = await startWithAdmin());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const passkeys = async () =>
    (await apiCall<{ items: Passkey[] }>(server.url, token, 'GET', '/me/passkeys')).items;

  async function passkeyPage(locale: Locale = 'en') {
    const opened = await openContext(browser, server.url, { locale });
    await signIn(opened.page, server.url, 'admin', adminPassword, '/dashboard');
    await opened.page.getByTestId('side-menu').waitFor();
    await opened.page.goto(`${server.url}/account`);
    await opened.page
      .getByRole('tab', { name: locale === 'en' ? 'Passkeys' : locale === 'he' ? 'מפתחות גישה' : '通行密钥' })
      .click();
    await opened.page.getByTestId('passkey-add').waitFor();
    token = await apiToken(server.url, 'admin', adminPassword);
    return opened;
  }

  /** A platform authenticator with user verification, as a phone's fingerprint sensor. */
  async function virtualAuthenticator(context: BrowserContext, page: Page, isUserVerified = true) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified,
        automaticPresenceSimulation: true,
      },
    });
    return { cdp, authenticatorId };
  }

  async function addPasskey(page: Page, name: string) {
    await page.getByTestId('passkey-add').click();
    await page.getByTestId('passkey-name').fill(name);
    await page.getByTestId('passkey-password').fill(adminPassword);
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    await page.getByTestId('passkey-list').getByText(name, { exact: true }).waitFor();
  }

  function expectClean(watch: PageWatch) {
    expect(watch.errors).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  }

  it('adds a passkey (password step-up, device UV), verifies with it, renames and removes it, accessibly', async () => {
    const { context, page, watch } = await passkeyPage();
    const { cdp, authenticatorId } = await virtualAuthenticator(context, page);
    expect(await seriousViolations(page)).toEqual([]);
    await addPasskey(page, 'Office laptop');
    const [stored] = await passkeys();
    expect(stored?.name).toBe('Office laptop');
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('passkey-try').click();
    await page.getByTestId('passkey-verified').waitFor();
    expect((await passkeys())[0]?.last_used_at).not.toBeNull();
    const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(after.credentials[0]?.signCount).toBeGreaterThan(credentials[0]?.signCount ?? 0);

    await page.getByTestId('passkey-rename-Office laptop').click();
    await page.getByTestId('passkey-name').fill('Work laptop');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    await page.getByTestId('passkey-list').getByText('Work laptop', { exact: true }).waitFor();
    expect((await passkeys()).map((p) => p.name)).toEqual(['Work laptop']);

    await page.getByTestId('passkey-remove-Work laptop').click();
    await confirmPopover(page, 'OK');
    await page
      .getByTestId('passkey-list')
      .getByText('Work laptop', { exact: true })
      .waitFor({ state: 'detached' });
    expect(await passkeys()).toEqual([]);
    // The removed passkey no longer verifies, though the device still holds it.
    await page.getByTestId('passkey-add').waitFor();
    expect(await page.getByTestId('passkey-try').isDisabled()).toBe(true);
    expectClean(watch);
    await context.close();
  });

  it('refuses a device that does not verify the user (UV=false) on the UV-required path', async () => {
    const { context, page, watch } = await passkeyPage();
    const { cdp, authenticatorId } = await virtualAuthenticator(context, page);
    await addPasskey(page, 'Shared tablet');
    await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
    await page.getByTestId('passkey-try').click();
    await page.getByTestId('passkey-problem').waitFor();
    // Chromium itself refuses: the options require UV and the device cannot verify.
    expect(await page.getByTestId('passkey-problem').textContent()).toContain('did not complete');
    // A tampered client asks the same device without UV; the server refuses its UV=false assertion.
    const started = await apiCall<{ challenge_id: string; options: RequestOptions }>(
      server.url,
      token,
      'POST',
      '/auth/step-up/passkey/options',
    );
    const response = (await page.evaluate(`(${assertWithoutUv})(${JSON.stringify(started.options)})`)) as {
      flags: number;
      json: unknown;
    };
    expect(response.flags & 0x04).toBe(0); // the device's answer really has UV clear
    await expect(
      apiCall(server.url, token, 'POST', '/auth/step-up/passkey', {
        challenge_id: started.challenge_id,
        response: response.json,
      }),
    ).rejects.toThrow(/403 This action needs a passkey that verifies you/);
    const log = await apiCall<{ items: { method: string; result: string; reason: string | null }[] }>(
      server.url,
      token,
      'GET',
      '/login-log?page=1&page_size=20',
    );
    expect(log.items.find((l) => l.method === 'step_up:passkey')).toMatchObject({
      result: 'failure',
      reason: 'passkey_user_verification_required',
    });
    expect(await page.getByTestId('passkey-verified').count()).toBe(0);
    expect((await passkeys()).find((p) => p.name === 'Shared tablet')?.last_used_at).toBeNull();
    expect(await seriousViolations(page)).toEqual([]);
    expectClean(watch);
    await context.close();
  });

  for (const locale of ['zh-CN', 'he'] as const) {
    it(`shows my passkeys in ${locale} with no serious accessibility violation`, async () => {
      const { context, page, watch } = await passkeyPage(locale);
      await virtualAuthenticator(context, page);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'he' ? 'rtl' : 'ltr');
      await addPasskey(page, `Key ${locale}`);
      expect(await seriousViolations(page)).toEqual([]);
      expectClean(watch);
      await context.close();
    });
  }

  it('refuses a passkey challenge presented by another session of the same user', async () => {
    const mine = await apiToken(server.url, 'admin', adminPassword);
    const other = await apiToken(server.url, 'admin', adminPassword);
    const started = await apiCall<{ challenge_id: string }>(
      server.url,
      mine,
      'POST',
      '/auth/step-up/passkey/options',
    );
    const junk = 'AAAA';
    await expect(
      apiCall(server.url, other, 'POST', '/auth/step-up/passkey', {
        challenge_id: started.challenge_id,
        response: {
          id: junk,
          rawId: junk,
          type: 'public-key',
          clientExtensionResults: {},
          response: { clientDataJSON: junk, authenticatorData: junk, signature: junk },
        },
      }),
    ).rejects.toThrow(/401 The passkey challenge belongs to another session/);
  });
});
