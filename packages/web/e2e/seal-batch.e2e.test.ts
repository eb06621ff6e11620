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
 * Batch sealing (docs/seals.md, Batch sealing): on /seals/batch the user picks a seal that
 * needs approval and three documents, files one seal-use request for the set, and once it is
 * approved seals all of them over a keyword in one go. One document changed after the
 * approval is refused on its own row while the other two are sealed; sealing again seals
 * nothing more. axe in English, Hebrew (right to left) and Chinese.
 */
describe('Batch sealing', () => {
  let server: E2eServer;
  let browser: Browser;
  let token = '';
  let sealId = '';
  const legalName = 'Ningbo Batch Seal Co., Ltd.';
  const titles = ['Batch contract A', 'Batch contract B', 'Batch contract C'];
  const ids: string[] = [];

  /** Files a PDF (a new document, or a new version of `id`); answers the document id. */
  async function upload(title: string, id?: string): Promise<string> {
    const form = new FormData();
    if (!id)
      for (const [name, value] of Object.entries({
        title,
        category: 'contract',
        entity_type: 'contract',
        entity_id: 'BATCH-1',
      }))
        form.append(name, value);
    form.append('file', new Blob([new Uint8Array(cjkSamplePdf())], { type: 'application/pdf' }), 'c.pdf');
    const response = await fetch(`${server.url}/api/v1/documents${id ? `/${id}/versions` : ''}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { data: { document: { id: string } } }).data.document.id;
  }

  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin());
    sealId = await adminSeal(server, token, {
      legalName,
      name: 'Batch seal',
      approval: { key: 'e2e-seal-batch', name: 'Batch seal-use approval' },
    });
    for (const title of titles) ids.push(await upload(title));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The batch page with the seal picked and the three documents chosen. */
  async function batchPage(locale: Locale) {
    const opened = await openContext(browser, server.url, { locale });
    const { page } = opened;
    await signIn(page, server.url, 'admin', adminPassword, '/seals/batch');
    await page.getByTestId('batch-seal').waitFor();
    await page.getByTestId('batch-seal').click();
    await page.locator('.ant-select-item-option', { hasText: 'Batch seal' }).click();
    await page.getByTestId('batch-needs-approval').waitFor();
    for (const title of titles) {
      const row = page.getByTestId('batch-documents').locator('tbody tr', { hasText: title });
      await row.locator('input[type="checkbox"]').check();
    }
    return opened;
  }
  const uses = async () =>
    (
      await apiCall<{ items: { approval_id: string | null; document_id: string }[] }>(
        server.url,
        token,
        'GET',
        `/seals/uses?seal_id=${sealId}`,
      )
    ).items;
  const outcome = (page: Page, id: string) =>
    page.getByTestId(`batch-outcome-${id}`).getAttribute('data-outcome');

  it('files one request for three documents and, approved, seals them with an outcome each (en)', async () => {
    const { context, page, watch } = await batchPage('en');
    expect(await page.getByTestId('batch-selected').textContent()).toContain('3');
    expect(await page.getByTestId('batch-apply').isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    const answered = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/use-requests'),
    );
    await page.getByTestId('batch-request').click();
    const response = await answered;
    expect(response.status()).toBe(201);
    const filed = ((await response.json()) as { data: { approval_id: string; document_count: number } }).data;
    expect(filed.document_count).toBe(3);
    await expect.poll(() => page.getByTestId('batch-status').getAttribute('data-status')).toBe('running');
    await apiCall(server.url, token, 'POST', `/approvals/${filed.approval_id}/approve`, { comment: 'e2e' });
    // Contract B changes after the approval: the approval no longer covers it as it is now.
    await upload(titles[1]!, ids[1]);
    await page.getByTestId('batch-refresh').click();
    await expect.poll(() => page.getByTestId('batch-status').getAttribute('data-status')).toBe('approved');

    await page.getByTestId('batch-keyword').fill('SA-E2E');
    await page.getByTestId('batch-apply').click();
    await page.getByTestId('batch-results').waitFor({ timeout: 60_000 });
    expect(await outcome(page, ids[0]!)).toBe('sealed');
    expect(await outcome(page, ids[1]!)).toBe('refused');
    expect(await outcome(page, ids[2]!)).toBe('sealed');
    const refusedRow = page.getByTestId('batch-results').locator('tbody tr', { hasText: titles[1]! });
    expect(await refusedRow.textContent()).toContain('40374');
    expect(await page.getByTestId('batch-summary').textContent()).toContain('2 sealed');
    expect(await seriousViolations(page)).toEqual([]);
    const logged = await uses();
    expect(logged).toHaveLength(2);
    expect(new Set(logged.map((u) => u.approval_id))).toEqual(new Set([filed.approval_id]));

    // Again: nothing more is sealed; the two are named as already sealed by this approval.
    await page.getByTestId('batch-apply').click();
    await expect.poll(() => outcome(page, ids[0]!)).toBe('already_sealed');
    expect(await outcome(page, ids[2]!)).toBe('already_sealed');
    expect(await uses()).toHaveLength(2);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('reads right to left in Hebrew and in Chinese, without serious axe violations', async () => {
    for (const [locale, heading] of [
      ['he', 'החתמה מרובה'],
      ['zh-CN', '批量用印'],
    ] as const) {
      const { context, page } = await batchPage(locale);
      expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'he' ? 'rtl' : 'ltr');
      expect(await page.getByRole('heading', { name: heading }).count()).toBeGreaterThan(0);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    }
  });
});
