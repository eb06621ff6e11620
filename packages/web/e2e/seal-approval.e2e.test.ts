import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, signIn } from './support/flows';
import { adminSeal } from './support/seal-setup';
import { cjkSamplePdf } from './support/signing-fixtures';

/**
 * The sender's seal-use request (docs/seals.md, Sender's page): the seal's authorisation needs
 * an approval (用印审批), so the page says so and files the request for the chosen document's
 * version; a rejection is shown as such and seals nothing; a new request, approved, lets
 * Create apply the seal and the cross-page seal once, with that approval, before the request
 * is made. axe in English, Hebrew (right to left) and Chinese.
 */
describe("Sender's seal-use approval", () => {
  let server: E2eServer;
  let browser: Browser;
  let token = '';
  let sealId = '';
  const legalName = 'Xiamen Approved Seal Co., Ltd.';

  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin());
    sealId = await adminSeal(server, token, {
      legalName,
      name: 'Approval seal',
      approval: { key: 'e2e-seal-use', name: 'Seal-use approval' },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The new request page with the record typed, the contract uploaded and the seal picked. */
  async function withSeal(locale: Locale, record: string, fileName = 'contract.pdf') {
    const opened = await openContext(browser, server.url, { locale });
    const { page } = opened;
    await signIn(page, server.url, 'admin', adminPassword, '/signing/requests/new');
    await page.getByTestId('new-title').waitFor();
    await page.getByTestId('new-entity-id').fill(record);
    await page
      .getByTestId('new-upload')
      .setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: cjkSamplePdf() });
    await pickSeal(page);
    await page.getByTestId('new-seal-keyword').fill('SA-E2E');
    await page.getByTestId('new-seal-cross-page').click();
    return opened;
  }
  async function pickSeal(page: Page) {
    await page.getByTestId('new-seal-pick').waitFor({ timeout: 60_000 });
    await page.getByTestId('new-seal-pick').click();
    await page.locator('.ant-select-item-option', { hasText: 'Approval seal' }).click();
  }
  /** The seal-use requests page: the rows' statuses, and no serious axe violations. */
  async function requestsPage(page: Page): Promise<Record<string, string>> {
    await page.goto(`${server.url}/seals/use-requests`);
    await page.getByTestId('requests-table').locator('tbody tr[data-row-key]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const statuses: Record<string, string> = {};
    for (const link of await page.locator('[data-testid^="requests-approval-"]').all()) {
      const id = (await link.getAttribute('data-testid'))!.slice('requests-approval-'.length);
      const href = (await link.getAttribute('href'))!;
      statuses[href.split('/').pop()!] = (await page
        .getByTestId(`requests-status-${id}`)
        .getAttribute('data-status'))!;
    }
    return statuses;
  }
  /** Clicks "Request seal-use approval"; answers the approval id the server gave. */
  async function fileRequest(page: Page): Promise<string> {
    const answered = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/use-requests'),
    );
    await page.getByTestId('seal-approval-request').click();
    const response = await answered;
    expect(response.status()).toBe(201);
    await expect
      .poll(() => page.getByTestId('seal-approval-status').getAttribute('data-status'))
      .toBe('running');
    return ((await response.json()) as { data: { approval_id: string } }).data.approval_id;
  }
  const decide = (approvalId: string, action: 'approve' | 'reject') =>
    apiCall(server.url, token, 'POST', `/approvals/${approvalId}/${action}`, { comment: 'e2e' });
  const uses = async () =>
    (
      await apiCall<{ items: { placement: string; approval_id: string | null; document_id: string }[] }>(
        server.url,
        token,
        'GET',
        `/seals/uses?seal_id=${sealId}`,
      )
    ).items;
  async function axeClean(page: Page) {
    expect(await seriousViolations(page, '[data-testid="new-seal"]')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('files the request, shows a rejection, and seals once with a new approved request (en)', async () => {
    const { context, page, watch } = await withSeal('en', 'SEAL-A1');
    // The seal needs approval: Create is held back with the reason, nothing sealed.
    await page.getByTestId('new-seal-problem').waitFor();
    expect(await page.getByTestId('new-seal-problem').textContent()).toContain('approved seal-use request');
    await axeClean(page);

    const rejected = await fileRequest(page);
    await decide(rejected, 'reject');
    await page.getByTestId('seal-approval-refresh').click();
    await page.getByTestId('seal-approval-rejected').waitFor();
    expect(await page.getByTestId('seal-approval-rejected').textContent()).toContain('rejected');
    await axeClean(page);
    expect(await uses()).toEqual([]);

    // A new request, approved: the page sees it (polling), and Create seals with it.
    const approved = await fileRequest(page);
    await decide(approved, 'approve');
    await page.getByTestId('seal-approval-approved').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('new-seal-problem').count()).toBe(0);
    await axeClean(page);
    await page.getByTestId('new-title').fill('Approved seal agreement');
    await page.getByTestId('party-name').first().fill('Customer');
    await page.getByTestId('party-email').first().fill('customer@example.com');
    await page.getByTestId('new-submit').click();
    await page.waitForURL(/\/signing\/requests\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    const id = page.url().split('/').pop()!;
    const request = await apiCall<{ documents: { document_id: string; sent_version: number }[] }>(
      server.url,
      token,
      'GET',
      `/digital-signature/requests/${id}`,
    );
    const [document] = request.documents;
    expect(document!.sent_version).toBe(2);
    expect(await uses()).toEqual([
      expect.objectContaining({
        placement: 'keyword_cross',
        approval_id: approved,
        document_id: document!.document_id,
      }),
    ]);
    expect(watch.errors).toEqual([]);
    // The seal-use requests page lists both, with their outcome, and filters by status.
    const listed = await requestsPage(page);
    expect(listed[rejected]).toBe('rejected');
    expect(listed[approved]).toBe('used');
    await page.getByTestId('requests-status').click();
    await page.locator('.ant-select-item-option', { hasText: 'Used' }).click();
    await expect.poll(() => page.locator('[data-testid^="requests-approval-"]').count()).toBe(1);
    expect(await page.locator('[data-testid^="requests-approval-"]').getAttribute('href')).toBe(
      `/approvals/${approved}`,
    );
    await context.close();
  });

  it('reads right to left in Hebrew and in Chinese with a pending request, without serious axe violations', async () => {
    for (const [locale, pending] of [
      ['he', 'ממתינה'],
      ['zh-CN', '审批中'],
    ] as const) {
      const fileName = `contract-${locale}.pdf`;
      const { context, page } = await withSeal(locale, `SEAL-A-${locale}`, fileName);
      expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'he' ? 'rtl' : 'ltr');
      const approvalId = await fileRequest(page);
      expect(await page.getByTestId('seal-approval-status').textContent()).toBe(pending);
      await axeClean(page);
      // A reload forgets the form, not the request: choosing the same document and seal
      // picks the pending request up again, with no second request filed.
      let filed = 0;
      page.on('request', (r) => {
        if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/use-requests')) filed += 1;
      });
      await page.reload();
      await page.getByTestId('new-entity-id').fill(`SEAL-A-${locale}`);
      await page.getByTestId('new-document').click();
      await page.locator('.ant-select-item-option', { hasText: fileName }).click();
      await pickSeal(page);
      await expect
        .poll(() => page.getByTestId('seal-approval-status').getAttribute('data-status'))
        .toBe('running');
      expect(await page.getByTestId('seal-approval-request').count()).toBe(0);
      expect(filed).toBe(0);
      const listed = await requestsPage(page);
      expect(listed[approvalId]).toBe('pending');
      await context.close();
    }
  });
});
