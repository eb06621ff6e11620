import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext, type PageWatch } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, signIn } from './support/flows';

const pin = '730418';
const policy = {
  signature_level: 'enhanced',
  authentication_factors: 2,
  session_timeout: 10,
  session_absolute_timeout: 60,
  cooling_period: null,
};

/**
 * Part 11 pages (docs/electronic-records.md): an internal signer signs a signing request
 * under a `signing_request`/`sign` policy through the ceremony dialog (a send without the
 * ceremony is refused, 40328), and a reviewer signs off an audit-trail review on
 * /records/audit-reviews through the same dialog. axe on the dialogs, English and Hebrew.
 */
describe('Part 11 pages: the signing request ceremony and the audit-review sign-off', () => {
  let server: E2eServer;
  let browser: Browser;
  let token = '';
  let adminId = '';

  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin());
    adminId = (await apiCall<{ user: { id: string } }>(server.url, token, 'GET', '/me')).user.id;
    await apiCall(server.url, token, 'PUT', '/signature/settings/pin', {
      password: adminPassword,
      new_pin: pin,
    });
    await apiCall(server.url, token, 'POST', '/signature/policies', {
      ...policy,
      resource_type: 'signing_request',
      operation_type: 'sign',
      policy_name: 'Signing requests (Part 11)',
      require_reason: true,
      allowed_meanings: ['approval', 'responsibility'],
    });
    await apiCall(server.url, token, 'POST', '/signature/policies', {
      ...policy,
      resource_type: 'audit_review',
      operation_type: 'sign_off',
      policy_name: 'Audit-trail review sign-off',
      require_reason: false,
      allowed_meanings: ['review'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

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
  async function sentRequest(title: string) {
    const request = await apiCall<{ id: string; signers: { id: string; user_id: string | null }[] }>(
      server.url,
      token,
      'POST',
      '/digital-signature/requests',
      {
        entity_type: 'document',
        entity_id: 'BR-11',
        title,
        signers: [
          {
            signer_name: 'Admin QP',
            user_id: adminId,
            signer_type: 'company',
            role: 'approver',
            signing_order: 1,
          },
          { signer_name: 'Contract lab', signer_email: 'lab@example.test', signing_order: 2 },
        ],
      },
    );
    await apiCall(server.url, token, 'POST', `/digital-signature/requests/${request.id}/send`, {});
    return request;
  }
  const part11Of = async (requestId: string) =>
    (
      await apiCall<{ items: { resource_id: string; signature_mean: string; reason: string | null }[] }>(
        server.url,
        token,
        'GET',
        '/signature/history?resourceType=signing_request',
      )
    ).items.filter((s) => s.resource_id === requestId);

  it('an internal signer signs a request through the ceremony dialog; without the ceremony the server refuses', async () => {
    const request = await sentRequest('Batch record release');
    const signerId = request.signers.find((s) => s.user_id === adminId)?.id ?? '';
    // The API without the ceremony: 40328, nothing signed.
    const refused = await fetch(
      `${server.url}/api/v1/digital-signature/requests/${request.id}/signers/${signerId}/sign`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ signature_type: 'typed', signature_data: 'Admin QP', consent_given: true }),
      },
    );
    expect([refused.status, ((await refused.json()) as { code: number }).code]).toEqual([403, 40328]);
    expect(await part11Of(request.id)).toEqual([]);

    const { context, page, watch } = await adminPage('en', `/signing/requests/${request.id}`);
    await page.getByTestId('internal-sign').click();
    const intro = page.locator('.ant-modal:visible', { hasText: 'Sign this request' });
    await intro.getByTestId('internal-sign-name').waitFor();
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await intro.getByTestId('internal-sign-consent').click();
    await intro.locator('.ant-btn-primary').click();
    // The ceremony: the policy's meanings (read through /signature/policy-terms) and its reason.
    await page.getByTestId('ceremony-meaning-select').click();
    await page.locator('.ant-select-item-option', { hasText: 'Responsibility' }).click();
    await page.getByTestId('ceremony-reason').fill('Batch meets its specification');
    await page.getByTestId('ceremony-next').click();
    await page.getByTestId('ceremony-password').waitFor();
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    // A wrong PIN: the server refuses, the dialog says so and nothing is signed.
    await page.getByTestId('ceremony-password').fill(adminPassword);
    // The PIN is preselected: the only private component the administrator has.
    await page.getByTestId('ceremony-pin').fill('111999');
    await page.getByTestId('ceremony-sign').click();
    await page.getByTestId('ceremony-problem').waitFor();
    expect(await part11Of(request.id)).toEqual([]);
    await page.getByTestId('ceremony-password').fill(adminPassword);
    await page.getByTestId('ceremony-pin').fill(pin);
    await page.getByTestId('ceremony-sign').click();
    // Signed: the page reloads the request and the signer's place has no button; a refusal
    // shows its message in the dialog (then the poll fails with it).
    const problem = page.locator('.ant-modal:visible [data-testid="ceremony-problem"]');
    await expect
      .poll(
        async () =>
          (await page.getByTestId('internal-sign').count()) === 0 ||
          ((await problem.count()) ? await problem.textContent() : 'pending'),
        { timeout: 60_000 },
      )
      .toBe(true);
    expect(await part11Of(request.id)).toEqual([
      expect.objectContaining({ signature_mean: 'responsibility', reason: 'Batch meets its specification' }),
    ]);
    // Failed ceremonies are 401 answers the console reports; nothing else.
    expect(watch.errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    await context.close();
  });

  it('the sign dialog is right to left and passes axe in Hebrew', async () => {
    const request = await sentRequest('שחרור אצווה');
    const { context, page, watch } = await adminPage('he', `/signing/requests/${request.id}`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByTestId('internal-sign').click();
    await page.getByTestId('internal-sign-name').waitFor();
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    expectClean(watch);
    await context.close();
  });

  it('signs off an audit-trail review on its page through the ceremony dialog', async () => {
    const now = Date.now();
    const review = await apiCall<{ id: string }>(server.url, token, 'POST', '/audit-reviews', {
      reviewer_id: adminId,
      period_from: new Date(now - 86_400_000).toISOString(),
      period_to: new Date(now + 60_000).toISOString(),
      scope_module: 'records',
    });
    const { context, page, watch } = await adminPage('en', '/records/audit-reviews');
    await page.getByTestId(`review-open-${review.id}`).click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByTestId('review-events').waitFor();
    await page.getByTestId('finding-text').fill('Two policies created on the same day; both justified.');
    await page.getByTestId('finding-add').click();
    await expect.poll(() => drawer.getByTestId('review-findings').textContent()).toContain('both justified');
    expect(await seriousViolations(page, '.ant-drawer')).toEqual([]);
    await page.getByTestId('review-sign-off').click();
    await page.getByTestId('ceremony-next').click();
    await page.getByTestId('ceremony-meaning').waitFor();
    expect(await page.getByTestId('ceremony-meaning').textContent()).toBe('Review');
    await page.getByTestId('ceremony-password').fill(adminPassword);
    await page.getByTestId('ceremony-pin').fill(pin);
    await page.getByTestId('ceremony-sign').click();
    await expect
      .poll(() => drawer.getByTestId('review-status').textContent(), { timeout: 60_000 })
      .toBe('Signed off');
    expect(await drawer.getByTestId('review-signoff').textContent()).toContain('review');
    const stored = await apiCall<{ status: string; findings: unknown[]; sign_off: { signature_id: string } }>(
      server.url,
      token,
      'GET',
      `/audit-reviews/${review.id}`,
    );
    expect([stored.status, stored.findings.length]).toEqual(['signed_off', 1]);
    expect(await page.getByTestId('finding-add').count()).toBe(0);
    expectClean(watch);
    await context.close();
  });
});
