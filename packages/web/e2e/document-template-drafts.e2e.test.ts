import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docx, loopTable, paragraph } from '../../server/test/office-files.js';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, signIn } from './support/flows';

const password = adminPassword;
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const template = () =>
  docx(
    paragraph('合同编号 {contract_no}') +
      paragraph('ההסכם עם {party}', { rtl: true }) +
      paragraph('{#vip}VIP{/vip}') +
      loopTable('items', ['{name}', '{qty}']),
  );

// Real LibreOffice behind every preview: generous waits, never timed asserts.
const slow = { timeout: 240_000 };
const long = { timeout: 120_000 };
const settle = { timeout: 30_000 };

describe('document templates: preview with sample data before saving', () => {
  let server: E2eServer;
  let browser: Browser;
  let token = '';
  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const templateNames = async () =>
    (await apiCall<{ items: { name: string }[] }>(server.url, token, 'GET', '/document-templates')).items.map(
      (item) => item.name,
    );
  const previewShown = (page: Page) =>
    page.locator('[data-testid="preview-pages"] canvas').first().waitFor(long);
  const closePreview = (page: Page) =>
    page.locator('.ant-modal-wrap:visible .ant-modal-close').last().click();

  async function previewDraftThenSave(page: Page, name: string) {
    await page.getByTestId('templates-table').waitFor();
    await page.getByTestId('template-upload').click();
    await page.locator('[data-testid="docx-drop"] input[type=file]').setInputFiles({
      name: 'contract.docx',
      mimeType: docxType,
      buffer: template(),
    });
    await page.getByTestId('template-name').fill(name);
    await page.getByTestId('draft-preview').click();
    await previewShown(page);
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await closePreview(page);
    // Samples came from the schema and stay editable; nothing is saved yet.
    const contractNo = page.getByTestId('draft-sample-contract_no');
    expect(await contractNo.inputValue()).toBe('HT-2026-0001');
    await contractNo.fill('HT-E2E-DRAFT');
    await page.getByTestId('draft-preview-again').click();
    await previewShown(page);
    await closePreview(page);
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    expect(await templateNames()).not.toContain(name);
    await page.locator('.ant-modal-footer .ant-btn-primary').last().click();
    await page.waitForURL(/\/document-templates\/[0-9a-f-]{36}$/);
    expect(await templateNames()).toContain(name);
    const samples = page.getByTestId('variable-sample');
    await expect.poll(() => samples.first().inputValue(), settle).toBe('HT-E2E-DRAFT');
  }

  async function previewUnsavedSchema(page: Page) {
    await page.getByTestId('variable-sample').nth(1).fill('אבי לוי');
    await page.getByTestId('variables-preview').click();
    await previewShown(page);
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await closePreview(page);
    expect(await seriousViolations(page)).toEqual([]);
  }

  for (const locale of ['en', 'he'] as const satisfies readonly Locale[]) {
    it(
      `previews a new template with generated samples, saves it from the draft (${locale})`,
      slow,
      async () => {
        const { context, page, watch } = await openContext(browser, server.url, { locale });
        await signIn(page, server.url, 'admin', password, '/document-templates');
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'he' ? 'rtl' : 'ltr');
        await previewDraftThenSave(page, `草稿预览 ${locale}`);
        await previewUnsavedSchema(page);
        expect(watch.errors).toEqual([]);
        expect(watch.cspViolations).toEqual([]);
        expect(watch.foreignRequests).toEqual([]);
        await context.close();
      },
    );
  }
});
