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
 * The sender's seal choice (docs/seals.md, Sender's page): the administrator, authorised to
 * use the organisation's contract seal, picks it on the new request page (only seals of
 * GET /seals/usable are offered), places it over a keyword and turns on the cross-page seal;
 * a blank keyword is named. Create seals the document, then makes the request on the sealed
 * version; a document filed on another record and a keyword not in the text are refused with
 * a message, before anything is sealed or created. axe in English, Hebrew (right to left) and Chinese.
 */
describe("Sender's seal choice", () => {
  let server: E2eServer;
  let browser: Browser;
  let token = '';
  let sealId = '';
  const legalName = 'Fuzhou Sender Seal Co., Ltd.';

  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin());
    sealId = await adminSeal(server, token, { legalName, name: 'Sender seal' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The new request page with the sample contract uploaded and the seal picked. */
  async function withSeal(locale: Locale, record = '') {
    const opened = await openContext(browser, server.url, { locale });
    const { page } = opened;
    await signIn(page, server.url, 'admin', adminPassword, '/signing/requests/new');
    await page.getByTestId('new-title').waitFor();
    await page.getByTestId('new-entity-id').fill(record);
    await page
      .getByTestId('new-upload')
      .setInputFiles({ name: 'contract.pdf', mimeType: 'application/pdf', buffer: cjkSamplePdf() });
    await page.getByTestId('new-seal-pick').waitFor({ timeout: 60_000 });
    await page.getByTestId('new-seal-pick').click();
    await page.locator('.ant-select-item-option', { hasText: 'Sender seal' }).click();
    await page.getByTestId('new-seal-cross-page').click();
    return opened;
  }
  /** The request's title and one party: what Create needs besides the document and the seal. */
  async function describeRequest(page: Page, record: string, title: string) {
    await page.getByTestId('new-entity-id').fill(record);
    await page.getByTestId('new-title').fill(title);
    await page.getByTestId('party-name').first().fill('Customer');
    await page.getByTestId('party-email').first().fill('customer@example.com');
  }
  const uses = async (documentId?: string) =>
    (
      await apiCall<{ items: { document_version: number; sealed_version: number; placement: string }[] }>(
        server.url,
        token,
        'GET',
        `/seals/uses?seal_id=${sealId}${documentId ? `&document_id=${documentId}` : ''}`,
      )
    ).items;
  const requests = async () =>
    (await apiCall<{ items: { id: string }[] }>(server.url, token, 'GET', '/digital-signature/requests'))
      .items;
  async function axeClean(page: Page) {
    expect(await seriousViolations(page, '[data-testid="new-seal"]')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('offers the authorised seal with keyword placement and the cross-page toggle, and says what is missing (en)', async () => {
    const { context, page, watch } = await withSeal('en');
    await page.getByTestId('new-seal-keyword').fill('');
    await page.getByTestId('new-seal-problem').waitFor();
    expect(await page.getByTestId('new-seal-problem').textContent()).toContain('keyword');
    await page.getByTestId('new-seal-keyword').fill('SA-E2E');
    await expect.poll(() => page.getByTestId('new-seal-problem').count()).toBe(0);
    await axeClean(page);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('seals the document over the keyword and across the pages, then creates the request on the sealed version', async () => {
    // Uploaded before the record id is typed, the file is filed on "contract unassigned": the
    // server would refuse the request (40076) after the seal was applied. The page says so
    // first, and nothing is sealed or created.
    const { context, page, watch } = await withSeal('en');
    await page.getByTestId('new-seal-keyword').fill('SA-E2E');
    await describeRequest(page, 'SEAL-1', 'Sealed service agreement');
    const [usesBefore, requestsBefore] = [(await uses()).length, (await requests()).length];
    await page.getByTestId('new-submit').click();
    await page.getByTestId('new-document-problem').waitFor();
    expect(await page.getByTestId('new-document-problem').textContent()).toContain('contract unassigned');
    expect((await uses()).length).toBe(usesBefore);
    expect((await requests()).length).toBe(requestsBefore);
    await axeClean(page);

    // Uploaded again on the record: Create seals it (keyword, then cross-page) and opens the request.
    const filed = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/documents',
    );
    await page
      .getByTestId('new-upload')
      .setInputFiles({ name: 'contract.pdf', mimeType: 'application/pdf', buffer: cjkSamplePdf() });
    expect((await filed).status()).toBe(201);
    await page.getByTestId('new-submit').click();
    await page.waitForURL(/\/signing\/requests\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await page.getByTestId('signing-send').waitFor();
    const id = page.url().split('/').pop()!;
    const request = await apiCall<{ documents: { document_id: string; sent_version: number }[] }>(
      server.url,
      token,
      'GET',
      `/digital-signature/requests/${id}`,
    );
    const [document] = request.documents;
    const log = await uses(document!.document_id);
    expect(log.map((u) => [u.placement, u.document_version, u.sealed_version]).sort()).toEqual([
      ['cross_page', 2, 3],
      ['keyword', 1, 2],
    ]);
    expect(document!.sent_version).toBe(3);
    const pdf = await fetch(`${server.url}/api/v1/documents/${document!.document_id}/versions/3/content`, {
      headers: { authorization: `Bearer ${token}` },
    }).then(async (r) => Buffer.from(await r.arrayBuffer()).toString('latin1'));
    // two PAdES signatures of the organisation (besides any document time-stamps), the seal's name their reason
    expect(pdf.match(/\/SubFilter\s*\/ETSI\.CAdES\.detached/g)?.length).toBe(2);
    expect(pdf).toContain('Sender seal');
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it("refuses a keyword that is not in the text with the server's message, sealing and creating nothing", async () => {
    const { context, page } = await withSeal('en', 'SEAL-2');
    await page.getByTestId('new-seal-keyword').fill('NOT-IN-THE-TEXT');
    await describeRequest(page, 'SEAL-2', 'Refused seal');
    const [usesBefore, requestsBefore] = [(await uses()).length, (await requests()).length];
    await page.getByTestId('new-submit').click();
    await expect
      .poll(() => page.getByTestId('new-seal-problem').textContent(), { timeout: 60_000 })
      .toContain('“NOT-IN-THE-TEXT” is not in the document');
    expect(page.url()).toMatch(/\/signing\/requests\/new$/);
    expect((await uses()).length).toBe(usesBefore);
    expect((await requests()).length).toBe(requestsBefore);
    await axeClean(page);
    await context.close();
  });

  it('reads right to left in Hebrew and in Chinese, without serious axe violations', async () => {
    for (const [locale, legend] of [
      ['he', 'חותמת הארגון'],
      ['zh-CN', '组织印章'],
    ] as const) {
      const { context, page } = await withSeal(locale);
      expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'he' ? 'rtl' : 'ltr');
      expect(await page.locator('legend', { hasText: legend }).count()).toBe(1);
      await axeClean(page);
      await context.close();
    }
  });
});
