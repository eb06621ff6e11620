import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext, type PageWatch } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, apiToken, signIn } from './support/flows';
import { cjkSamplePdf } from './support/signing-fixtures';

const pin = '730418';

interface Signature {
  signature_id: string;
  signature_type: string;
  signature_mean: string;
  resource_id: string;
  record_sha256: string;
}

/**
 * Electronic signatures in the browser (docs/electronic-records.md): the administrator
 * creates the signature policy of "document / approve" on the policies page, sets a
 * signature PIN on "My signature settings", signs a document through the signing ceremony
 * dialog (password + PIN, first in the session), signs again with the PIN alone (same
 * session, kept in memory), and the verification page shows the signature valid. Every page
 * and the dialog pass axe (no serious or critical violation) in English and Hebrew.
 */
describe('electronic signatures: policies, settings, the ceremony dialog, verification', () => {
  let server: E2eServer;
  let browser: Browser;
  let documentId = '';

  beforeAll(async () => {
    let token: string;
    ({ server, browser, token } = await startWithAdmin());
    const form = new FormData();
    for (const [name, value] of Object.entries({
      title: 'Batch record 42',
      category: 'technical',
      entity_type: 'batch',
      entity_id: 'B-42',
    }))
      form.append(name, value);
    // A real PDF: a records signature on it also makes a PAdES signature (§11.50 in the file).
    form.append('file', new Blob([new Uint8Array(cjkSamplePdf())], { type: 'application/pdf' }), 'b.pdf');
    const response = await fetch(`${server.url}/api/v1/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(response.status, await response.clone().text()).toBe(201);
    documentId = ((await response.json()) as { data: { document: { id: string } } }).data.document.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // One API token for all set-up reads: a user keeps at most five sessions, so a fresh token
  // per call would end the browser's own session (then the page falls back to sign-in).
  let cached: Promise<string> | undefined;
  const token = () => {
    cached ??= apiToken(server.url, 'admin', adminPassword);
    return cached;
  };
  const history = async () =>
    (await apiCall<{ items: Signature[] }>(server.url, await token(), 'GET', '/signature/history')).items;

  async function adminPage(locale: Locale, path: string) {
    const opened = await openContext(browser, server.url, { locale });
    await signIn(opened.page, server.url, 'admin', adminPassword, path);
    return opened;
  }
  function expectClean(watch: PageWatch) {
    expect(watch.errors).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  }

  /**
   * Waits for the verification's outcome (the check with the audit inclusion proof is the
   * slow part on a loaded machine: a wait, not a speed check) and fails with the error shown.
   */
  async function verified(page: Page) {
    await page
      .locator('[data-testid="verify-result"], [data-testid="verify-problem"]')
      .first()
      .waitFor({ timeout: 90_000 });
    const problem = page.getByTestId('verify-problem');
    expect(await problem.count(), ((await problem.count()) ? await problem.textContent() : '') ?? '').toBe(0);
  }

  /** Opens the ceremony for the document, picks the meaning and goes to the confirmation step. */
  async function openCeremony(page: Page) {
    await page.goto(
      `${server.url}/records/sign?resourceType=document&operationType=approve&resourceId=${documentId}`,
    );
    await page.getByTestId('sign-open').click();
    await page.getByTestId('ceremony-meaning-select').click();
    await page.locator('.ant-select-item-option', { hasText: 'Approval' }).click();
    await page.getByTestId('ceremony-next').click();
    await page.getByTestId('ceremony-meaning').waitFor();
  }

  it('creates a policy, sets a PIN, signs with password + PIN, then with the PIN alone, and verifies', async () => {
    const { context, page, watch } = await adminPage('en', '/records/policies');
    // The policy: document / approve, two components, meanings approval and review.
    await page.getByTestId('policy-create').click();
    await page.getByTestId('policy-operation').click();
    await page.locator('.ant-select-item-option', { hasText: 'document / approve' }).click();
    await page.getByTestId('policy-name').fill('Document approval (Part 11)');
    await page.getByTestId('policy-meanings').fill('approval, review');
    await page.locator('.ant-modal').getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('policies-table').getByText('Document approval (Part 11)').waitFor();
    const policies = await apiCall<{
      items: { policy_name: string; allowed_meanings: string[]; version: number }[];
    }>(server.url, await token(), 'GET', '/signature/policies');
    expect(policies.items.map((p) => [p.policy_name, p.allowed_meanings, p.version])).toEqual([
      ['Document approval (Part 11)', ['approval', 'review'], 1],
    ]);

    // A PIN (needs the password); the PIN component becomes available.
    await page.goto(`${server.url}/records/settings`);
    await expect.poll(() => page.getByTestId('component-pin').textContent()).toContain('Not available');
    await page.getByTestId('pin-password').fill(adminPassword);
    await page.getByTestId('pin-new').fill(pin);
    await page.getByTestId('pin-repeat').fill(pin);
    await page.getByTestId('pin-save').click();
    await expect
      .poll(() => page.getByTestId('component-pin').textContent())
      .toMatch(/Signature PIN\s*Available/);

    // First signature of the session: the summary shows the record, its version hash and the meaning.
    await openCeremony(page);
    const dialog = page.locator('.ant-modal');
    const versions = await apiCall<{ version: number; sha256: string }[]>(
      server.url,
      await token(),
      'GET',
      `/documents/${documentId}/versions`,
    );
    expect(await page.getByTestId('ceremony-hash').textContent()).toBe(versions[0]?.sha256);
    expect(await page.getByTestId('ceremony-meaning').textContent()).toBe('Approval');
    expect(await dialog.getByTestId('ceremony-password').count()).toBe(1);
    await page.getByTestId('ceremony-password').fill(adminPassword);
    await page.getByTestId('ceremony-pin').fill(pin);
    await page.getByTestId('ceremony-sign').click();
    await page.getByTestId('sign-done').waitFor();
    const [first] = await history();
    expect(first?.resource_id).toBe(documentId);
    expect(first?.record_sha256).toBe(versions[0]?.sha256);
    expect(first?.signature_mean).toBe('approval');
    expect(first?.signature_type).toContain('password');
    expect(first?.signature_type).toContain('pin');

    // Second signature in the same session (same tab): the PIN alone, no password asked.
    await page.getByTestId('sign-open').click();
    await page.getByTestId('ceremony-meaning-select').click();
    await page.locator('.ant-select-item-option', { hasText: 'Review' }).click();
    await page.getByTestId('ceremony-next').click();
    await page.getByTestId('ceremony-pin').waitFor();
    expect(await page.getByTestId('ceremony-mode').textContent()).toContain('one private component');
    expect(await page.getByTestId('ceremony-password').count()).toBe(0);
    await page.getByTestId('ceremony-pin').fill(pin);
    await page.getByTestId('ceremony-sign').click();
    await expect.poll(async () => (await history()).length).toBe(2);
    const second = (await history()).find((s) => s.signature_id !== first?.signature_id);
    expect(second?.signature_mean).toBe('review');
    expect(second?.signature_type).not.toContain('password');
    expect(second?.signature_type).toContain('pin');

    // The verification page, opened from the confirmation: valid.
    await expect
      .poll(() => page.getByTestId('sign-verify-link').getAttribute('href'))
      .toBe(`/records/verify?id=${second?.signature_id}`);
    await page.goto(`${server.url}/records/verify?id=${second?.signature_id}`);
    const result = page.getByTestId('verify-result');
    await verified(page);
    expect(await result.getAttribute('data-valid')).toBe('true');
    expect(await result.textContent()).toContain('The signature is valid');
    expect(page.url()).toContain(second?.signature_id ?? 'missing');
    // The PAdES signature of the PDF version it produced, check by check, and the printout.
    const checks = page.getByTestId('verify-pades-checks').locator('li');
    expect(await checks.count()).toBe(6);
    expect(await checks.evaluateAll((items) => items.map((i) => i.getAttribute('data-ok')))).toEqual(
      Array(6).fill('true'),
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('verify-printout-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`signature-${second?.signature_id}.pdf`);

    // An id that is no signature: a plain error, no result.
    await page.getByTestId('verify-id').fill('00000000-0000-4000-8000-000000000000');
    await page.getByTestId('verify-run').click();
    await page.getByTestId('verify-problem').waitFor();
    expect(await page.getByTestId('verify-result').count()).toBe(0);
    expectClean(watch);
    await context.close();
  });

  for (const locale of ['en', 'he'] as const) {
    it(`has no serious accessibility violation on the records pages and the dialog (${locale})`, async () => {
      const [signature] = await history();
      expect(signature).toBeDefined();
      const { context, page, watch } = await adminPage(locale, '/records/settings');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'he' ? 'rtl' : 'ltr');
      await page.getByTestId('component-pin').waitFor();
      await page.getByTestId('signature-history').locator('tbody tr.ant-table-row').first().waitFor();
      expect(await seriousViolations(page), `${locale} settings`).toEqual([]);

      await page.goto(`${server.url}/records/policies`);
      await page.getByTestId('policies-table').locator('tbody tr.ant-table-row').first().waitFor();
      expect(await seriousViolations(page), `${locale} policies`).toEqual([]);
      await page.getByTestId('policy-create').click();
      await page.getByTestId('policy-name').waitFor();
      expect(await seriousViolations(page, '.ant-modal'), `${locale} policy dialog`).toEqual([]);
      await page.keyboard.press('Escape');

      await page.goto(`${server.url}/records/verify?id=${signature?.signature_id}`);
      await verified(page);
      expect(await page.getByTestId('verify-result').getAttribute('data-valid')).toBe('true');
      expect(await seriousViolations(page), `${locale} verify`).toEqual([]);

      await page.goto(
        `${server.url}/records/sign?resourceType=document&operationType=approve&resourceId=${documentId}`,
      );
      await page.getByTestId('sign-open').waitFor();
      expect(await seriousViolations(page), `${locale} sign`).toEqual([]);
      await page.getByTestId('sign-open').click();
      await page.getByTestId('ceremony-next').waitFor();
      expect(await seriousViolations(page, '.ant-modal'), `${locale} ceremony, intent`).toEqual([]);
      await page.getByTestId('ceremony-meaning-select').click();
      await page.locator('.ant-select-item-option').first().click();
      await page.getByTestId('ceremony-next').click();
      await page.getByTestId('ceremony-password').waitFor();
      expect(await seriousViolations(page, '.ant-modal'), `${locale} ceremony, components`).toEqual([]);
      expectClean(watch);
      await context.close();
    });
  }
});
