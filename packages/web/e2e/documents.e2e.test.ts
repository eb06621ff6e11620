import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiToken, signIn } from './support/flows';

const password = adminPassword;

async function samplePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([400, 300]);
  page.drawText('Supply contract HT-E2E', {
    x: 40,
    y: 250,
    size: 18,
    font: await pdf.embedFont(StandardFonts.Helvetica),
  });
  return Buffer.from(await pdf.save());
}

describe('the document library', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    ({ server, browser } = await startWithAdmin());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function library(locale: Locale) {
    const opened = await openContext(browser, server.url, { locale });
    await signIn(opened.page, server.url, 'admin', password, '/documents?contract_number=HT-E2E');
    await opened.page.getByTestId('documents-table').waitFor();
    return opened;
  }

  it('uploads several files by drag-and-drop input with progress, lists them under the contract, previews the PDF with pdf.js', async () => {
    const { context, page, watch } = await library('en');
    await page.getByTestId('documents-upload').click();
    await page.getByTestId('upload-entity-id').fill('C-E2E');
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await page.locator('[data-testid="upload-drop"] input[type=file]').setInputFiles([
      { name: '供货合同.pdf', mimeType: 'application/pdf', buffer: await samplePdf() },
      {
        name: 'invoice.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('<!DOCTYPE html><p>not a pdf</p>'),
      },
    ]);
    await page.getByTestId('upload-start').click();
    await page.locator('.ant-modal [role="alert"]').waitFor();
    expect(await page.getByTestId('upload-item').count()).toBe(2);
    await expect.poll(() => page.locator('.ant-progress-status-success').count()).toBe(1);
    await page.getByRole('button', { name: 'Close' }).last().click();
    const rows = page.locator('[data-testid="documents-table"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('供货合同.pdf');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('document-versions').first().click();
    // The current version's pages as thumbnails (pdftoppm on the server), each opening the preview.
    await expect.poll(() => page.getByTestId('page-thumbnail').count()).toBe(1);
    expect(await seriousViolations(page, '.ant-drawer')).toEqual([]);
    await page.getByTestId('page-thumbnail').first().click();
    await page.locator('[data-testid="preview-pages"] canvas').first().waitFor();
    // Escape closes what holds the focus. On a quick machine the first page can be drawn
    // before the preview dialog has taken the focus from the drawer, and Escape would then
    // close the drawer underneath: press it once the dialog has the focus, as a user would.
    await page.waitForFunction(() => document.activeElement?.closest('.ant-modal-wrap') != null);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="preview-pages"]').waitFor({ state: 'hidden' });
    await page.getByTestId('version-preview').click();
    await page.locator('[data-testid="preview-pages"] canvas').first().waitFor();
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    // The refused HTML upload is the one failed request the console reports.
    expect(watch.errors.filter((e) => !e.includes('415 (Unsupported Media Type)'))).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it('turns on the viewer watermark for a category; its previews are then stamped per viewer (he)', async () => {
    const { context, page } = await openContext(browser, server.url, { locale: 'he' });
    await signIn(page, server.url, 'admin', password, '/documents/retention');
    await page.getByTestId('retention-edit-other').click();
    await page.getByTestId('retention-watermark').click();
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await page.locator('.ant-modal-footer .ant-btn-primary').last().click();
    await expect.poll(() => page.getByTestId('policy-watermark').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
    // A document of that category: its preview is the viewer's stamped copy, never cached.
    const token = await apiToken(server.url, 'admin', password);
    const form = new FormData();
    for (const [name, value] of Object.entries({
      title: 'סימן מים',
      category: 'other',
      entity_type: 'contract',
      entity_id: 'C-WM',
    }))
      form.append(name, value);
    form.append('file', new Blob([new Uint8Array(await samplePdf())], { type: 'application/pdf' }), 'wm.pdf');
    const filed = await fetch(`${server.url}/api/v1/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(filed.status).toBe(201);
    const { document } = ((await filed.json()) as { data: { document: { id: string } } }).data;
    const preview = await fetch(`${server.url}/api/v1/documents/${document.id}/versions/1/preview`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect([preview.status, preview.headers.get('cache-control')]).toEqual([200, 'no-store']);
  });

  for (const locale of ['zh-CN', 'he'] as const) {
    it(`shows the library in ${locale} with no serious accessibility violation`, async () => {
      const { context, page } = await library(locale);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'he' ? 'rtl' : 'ltr');
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
