import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docx, paragraph } from '../../server/test/office-files.js';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { signIn } from './support/flows';

const password = adminPassword;
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const v1 = () =>
  docx(
    paragraph('合同编号 {contract_no}') +
      paragraph('ההסכם עם {party}', { rtl: true }) +
      paragraph('{#vip}VIP{/vip}'),
  );
const v2 = () =>
  docx(paragraph('合同编号 {contract_no} {amount}') + paragraph('ההסכם עם {party}', { rtl: true }));

// Real LibreOffice behind the preview and the batch: generous waits, never timed asserts.
const slow = { timeout: 240_000 };
const long = { timeout: 120_000 };
// How long a poll waits for the page to catch up on a loaded machine (a wait, not a speed check).
const settle = { timeout: 30_000 };

describe('document templates, batches and retention', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin());
  });
  let token = '';

  /** Files a small PDF through the API (the retention tests hold it). */
  async function fileDocument(title: string): Promise<void> {
    const form = new FormData();
    for (const [name, value] of Object.entries({
      title,
      category: 'contract',
      entity_type: 'contract',
      entity_id: title,
    }))
      form.append(name, value);
    const pdf = '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), `${title}.pdf`);
    const response = await fetch(`${server.url}/api/v1/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(response.status, await response.clone().text()).toBe(201);
  }
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const modalOk = (page: Page) => page.locator('.ant-modal-footer .ant-btn-primary').last().click();

  async function uploadAndEditSchema(page: Page, locale: Locale) {
    await page.getByTestId('templates-table').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('template-upload').click();
    await page.locator('[data-testid="docx-drop"] input[type=file]').setInputFiles({
      name: 'contract.docx',
      mimeType: docxType,
      buffer: v1(),
    });
    await page.getByTestId('template-name').fill(`采购合同 ${locale}`);
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await modalOk(page);
    await page.waitForURL(/\/document-templates\/[0-9a-f-]{36}$/);
    const labels = page.getByTestId('variable-label');
    await expect.poll(() => labels.count(), settle).toBe(3);
    await labels.first().fill('Contract no.');
    await page.getByTestId('variable-sample').nth(0).fill('HT-SAMPLE');
    await page.getByTestId('variable-sample').nth(1).fill('כהן');
    await page.getByTestId('variables-save').click();
    await page.locator('.ant-message-success').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // A new version: the edits stay on the variables still there, the diff names the new one.
    await page.getByTestId('version-upload').click();
    await page.locator('[data-testid="docx-drop"] input[type=file]').setInputFiles({
      name: 'contract-v2.docx',
      mimeType: docxType,
      buffer: v2(),
    });
    await page.getByTestId('version-note').fill('amount');
    await modalOk(page);
    await expect.poll(() => page.getByTestId('variable-diff').textContent(), settle).toContain('amount');
    expect(await page.getByTestId('variable-diff').textContent()).toContain('vip');
    await expect.poll(() => labels.count(), settle).toBe(3);
    expect(await labels.first().inputValue()).toBe('Contract no.');
  }

  async function fillOnceWithPreview(page: Page) {
    await page.getByTestId('tab-fill').click();
    await page.getByTestId('fill-amount').fill('1200');
    expect(await page.getByTestId('fill-contract_no').inputValue()).toBe('HT-SAMPLE');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('fill-preview').click();
    await page.locator('[data-testid="preview-pages"] canvas').first().waitFor(long);
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await page.keyboard.press('Escape');
  }

  async function batch(page: Page, locale: Locale) {
    await page.getByTestId('to-batch').click();
    await page.getByTestId('batch-start').waitFor();
    await page.getByTestId('batch-entity-type').fill('contract');
    await page.getByTestId('mode-paste').click();
    const bad = [
      { contract_no: 'HT-1', party: 'א', amount: '1', entity_id: `C-${locale}-1` },
      { contract_no: '', party: 'ב', amount: '2' },
    ];
    await page.getByTestId('batch-paste').fill(JSON.stringify(bad));
    await page.getByTestId('batch-start').click();
    const problems = page.getByTestId('batch-problems');
    await problems.waitFor();
    const text = await problems.textContent();
    expect(text).toContain('contract_no');
    expect(text).toContain('entity_id');
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing ran: the page still offers the form. Now a CSV with good rows.
    await page.getByTestId('mode-file').click();
    const csv = `contract_no,party,amount,entity_id,file_name\nHT-${locale}-1,אבי,100,C-${locale}-1,first-${locale}\nHT-${locale}-2,张三,200,C-${locale}-2,second-${locale}\n`;
    await page.locator('[data-testid="batch-drop"] input[type=file]').setInputFiles({
      name: 'rows.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByTestId('batch-start').click();
    await page.waitForURL(/batch=/);
    await page.getByTestId('batch-zip').waitFor(long);
    expect(await page.getByTestId('batch-counts').textContent()).toMatch(/2/);
    await expect.poll(() => page.getByTestId('batch-document').count(), settle).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('batch-zip').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    await page.getByTestId('batch-document').first().click();
    const rows = page.locator('[data-testid="documents-table"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), settle).toBe(1);
    expect(await rows.first().textContent()).toContain(`first-${locale}.pdf`);
  }

  for (const locale of ['en', 'he'] as const) {
    it(
      `uploads a template, edits its schema, adds a version, previews a fill and runs a batch (${locale})`,
      slow,
      async () => {
        const { context, page, watch } = await openContext(browser, server.url, { locale });
        await signIn(page, server.url, 'admin', password, '/document-templates');
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'he' ? 'rtl' : 'ltr');
        await uploadAndEditSchema(page, locale);
        await fillOnceWithPreview(page);
        await batch(page, locale);
        // The refused batch (400) is the one failed request the console reports.
        expect(watch.errors.filter((e) => !e.includes('400 (Bad Request)'))).toEqual([]);
        expect(watch.cspViolations).toEqual([]);
        expect(watch.foreignRequests).toEqual([]);
        await context.close();
      },
    );
  }

  for (const locale of ['he', 'zh-CN'] as const) {
    it(`sets a category's retention and places and releases a legal hold (${locale})`, slow, async () => {
      await fileDocument(`held-${locale}`);
      const { context, page } = await openContext(browser, server.url, { locale });
      await signIn(page, server.url, 'admin', password, '/documents/retention');
      await page.getByTestId('retention-table').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId('retention-edit-technical').click();
      const years = page.locator('.ant-modal .ant-input-number-input');
      await years.fill(locale === 'he' ? '7' : '9');
      expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
      await modalOk(page);
      await expect
        .poll(() => page.getByTestId('retention-table').textContent(), settle)
        .toContain(locale === 'he' ? '7' : '9');
      await page.getByTestId('hold-document').click();
      await page.keyboard.type(`held-${locale}`);
      await page.locator('.ant-select-item-option').first().click();
      await page.getByTestId('hold-reason').fill('litigation 2026-17');
      await page.getByTestId('hold-place').click();
      const held = page.locator('[data-testid="holds-table"] tbody tr.ant-table-row');
      await expect.poll(() => held.count(), settle).toBe(1);
      expect(await held.first().textContent()).toContain('litigation 2026-17');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId('hold-release').click();
      const popover = page.locator('.ant-popconfirm:visible');
      await popover.waitFor();
      await popover.locator('.ant-btn-primary').click();
      await expect.poll(() => held.count(), settle).toBe(0);
      await context.close();
    });
  }
});
