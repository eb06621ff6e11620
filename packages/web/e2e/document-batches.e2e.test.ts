import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docx, paragraph } from '../../server/test/office-files.js';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { openContext } from './support/browser';
import { type E2eServer, withoutMfaByDefault } from './support/e2e-server';
import { signIn } from './support/flows';

const password = adminPassword;
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
// How long a poll waits for the page to catch up on a loaded machine (a wait, not a speed check).
const settle = { timeout: 30_000 };

/**
 * Filling a template from a record of another module, and cancelling a batch, in the browser.
 * The server runs no job workers, so the batch these pages start stays queued until the page
 * cancels it: the cancel is deterministic, never a race with the generator.
 */
describe('template fill from a record and batch cancel', () => {
  let server: E2eServer;
  let browser: Browser;
  let token = '';
  let templateId = '';
  const documentIds: Record<string, string> = {};

  async function post(
    path: string,
    fields: Record<string, string>,
    file: { name: string; type: string; bytes: Buffer },
  ) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { data: Record<string, { id: string } | undefined> }).data;
  }

  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin(withoutMfaByDefault, { runJobs: false }));
    const template = await post(
      '/document-templates',
      { name: 'Record fill' },
      {
        name: 'record.docx',
        type: docxType,
        bytes: docx(paragraph('合同 {contract_number}') + paragraph('כותרת {title}', { rtl: true })),
      },
    );
    templateId = template.template?.id as string;
    for (const locale of ['zh-CN', 'he']) {
      const filed = await post(
        '/documents',
        {
          title: locale === 'he' ? 'חוזה אספקה' : '供货合同',
          category: 'contract',
          entity_type: 'contract',
          entity_id: `C-${locale}`,
          contract_number: `HT-REC-${locale}`,
        },
        { name: 'a.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') },
      );
      documentIds[locale] = filed.document?.id as string;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const locale of ['zh-CN', 'he'] as const) {
    it(`loads a document record into the fill form, starts the batch, sees its source and cancels it (${locale})`, async () => {
      const { context, page, watch } = await openContext(browser, server.url, { locale });
      await signIn(page, server.url, 'admin', password, `/document-templates/${templateId}`);
      await page.getByTestId('tab-fill').click();
      await page.getByTestId('source-type').click();
      await page
        .locator('.ant-select-item-option')
        .filter({ hasText: /^document —/ })
        .first()
        .click();
      await page.getByTestId('source-id').fill(documentIds[locale] as string);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId('source-load').click();
      await expect
        .poll(() => page.getByTestId('fill-contract_number').inputValue(), settle)
        .toBe(`HT-REC-${locale}`);
      expect(await page.getByTestId('fill-title').inputValue()).toBe(
        locale === 'he' ? 'חוזה אספקה' : '供货合同',
      );

      await page.getByTestId('fill-generate').click();
      await page.waitForURL(/batch=/);
      await page.getByTestId('batch-progress').waitFor();
      // The batch keeps where its data came from, and each row its record.
      expect(await page.getByTestId('batch-source').textContent()).toContain('document');
      await expect
        .poll(() => page.getByTestId('batch-row-source').first().textContent(), settle)
        .toContain(documentIds[locale] as string);
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByTestId('batch-cancel').click();
      const popover = page.locator('.ant-popconfirm:visible');
      await popover.waitFor();
      expect(await seriousViolations(page, '.ant-popover')).toEqual([]);
      await popover.locator('.ant-btn-primary').click();
      await expect
        .poll(() => page.getByTestId('batch-status').textContent(), settle)
        .toBe(locale === 'he' ? 'בוטל' : '已取消');
      await expect.poll(() => page.getByTestId('batch-cancel').count(), settle).toBe(0);
      expect(await page.getByTestId('batch-counts').textContent()).toMatch(/0\D+0\D+0/);
      expect(await seriousViolations(page)).toEqual([]);
      expect(watch.errors).toEqual([]);
      expect(watch.cspViolations).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
      await context.close();
    });
  }
});
