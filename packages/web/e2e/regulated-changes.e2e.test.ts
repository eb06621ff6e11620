import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext, type PageWatch } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, signIn } from './support/flows';
import { cjkSamplePdf } from './support/signing-fixtures';

interface Doc {
  id: string;
  title: string;
  state: string;
}

/**
 * Reasons for change in the document pages (Annex 11 §9, docs/electronic-records.md): the
 * administrator marks a category as regulated on the retention page; in the library, a
 * change of a document's details and a move to the trash are refused by the server without a
 * reason (40020, shown on the reason box, the document unchanged) and go through with one,
 * which the audit event keeps. English and Hebrew, axe on the dialogs.
 */
describe('documents: the reason for change of a regulated record', () => {
  let server: E2eServer;
  let browser: Browser;
  let token = '';
  const ids: Record<string, string> = {};

  async function upload(title: string, category: string) {
    const form = new FormData();
    for (const [name, value] of Object.entries({ title, category, entity_type: 'batch', entity_id: 'R-1' }))
      form.append(name, value);
    form.append('file', new Blob([new Uint8Array(cjkSamplePdf())], { type: 'application/pdf' }), 'r.pdf');
    const response = await fetch(`${server.url}/api/v1/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { data: { document: { id: string } } }).data.document.id;
  }
  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin());
    for (const title of ['Batch record A', 'Batch record B', 'רשומת אצווה C', 'Drawing D'])
      ids[title] = await upload(title, title.startsWith('Drawing') ? 'drawing' : 'technical');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const doc = (id: string) => apiCall<Doc>(server.url, token, 'GET', `/documents/${id}`);
  const events = async (id: string, action: string) =>
    (
      await apiCall<{ items: { action: string; reason: string | null }[] }>(
        server.url,
        token,
        'GET',
        `/audit/events?entity_id=${id}&action=${action}`,
      )
    ).items;
  async function adminPage(locale: Locale, path: string) {
    const opened = await openContext(browser, server.url, { locale });
    await signIn(opened.page, server.url, 'admin', adminPassword, path);
    return opened;
  }
  function expectClean(watch: PageWatch) {
    // The refusals (40020) are answers the page handles; the console reports the 400s.
    expect(watch.errors.filter((e) => !e.includes('400 (Bad Request)'))).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  }
  const row = (page: Page, title: string) =>
    page.locator('[data-testid="documents-table"] tr.ant-table-row', { hasText: title });

  it('marks the category regulated; an edit and a trashing are refused without a reason and go through with one', async () => {
    const { context, page, watch } = await adminPage('en', '/documents/retention');
    await page.getByTestId('retention-edit-technical').click();
    await page.getByTestId('retention-reason-required').click();
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await page.locator('.ant-modal').getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('policy-reason-required-technical').waitFor();
    const policies = await apiCall<{ category: string; reason_required: boolean }[]>(
      server.url,
      token,
      'GET',
      '/documents/retention-policies',
    );
    expect(policies.filter((p) => p.reason_required).map((p) => p.category)).toEqual(['technical']);

    // Edit without a reason: the server refuses (40020), the box shows why, nothing changes.
    await page.goto(`${server.url}/documents`);
    await row(page, 'Batch record A').getByTestId('document-edit').click();
    await page.getByTestId('document-edit-title').fill('Batch record A (corrected)');
    const dialog = page.locator('.ant-modal:visible');
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.locator('.ant-form-item-explain-error', { hasText: 'A reason is required' }).waitFor();
    expect((await doc(ids['Batch record A'] ?? '')).title).toBe('Batch record A');
    expect(await events(ids['Batch record A'] ?? '', 'documents.document.metadata_changed')).toEqual([]);
    // With a reason it goes through, and the audit event keeps the reason.
    await page.getByTestId('document-edit-reason').fill('Typo in the batch number');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await row(page, 'Batch record A (corrected)').waitFor();
    expect((await doc(ids['Batch record A'] ?? '')).title).toBe('Batch record A (corrected)');
    expect(await events(ids['Batch record A'] ?? '', 'documents.document.metadata_changed')).toEqual([
      expect.objectContaining({ reason: 'Typo in the batch number' }),
    ]);

    // Trashing: the server's refusal opens the reason dialog; a blank reason is refused again.
    await row(page, 'Batch record B').getByTestId('document-trash').click();
    const reasonDialog = page.locator('.ant-modal:visible', {
      hasText: 'Why is this document moved to the trash?',
    });
    await reasonDialog.getByTestId('change-reason-input').waitFor();
    expect((await doc(ids['Batch record B'] ?? '')).state).toBe('active');
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await reasonDialog.getByTestId('change-reason-input').fill('   ');
    await reasonDialog.getByRole('button', { name: 'OK' }).click();
    await reasonDialog.locator('.ant-form-item-explain-error', { hasText: 'A reason is required' }).waitFor();
    expect((await doc(ids['Batch record B'] ?? '')).state).toBe('active');
    await reasonDialog.getByTestId('change-reason-input').fill('Superseded by batch record C');
    await reasonDialog.getByRole('button', { name: 'OK' }).click();
    await expect.poll(async () => (await doc(ids['Batch record B'] ?? '')).state).toBe('trashed');
    expect(await events(ids['Batch record B'] ?? '', 'documents.document.trashed')).toEqual([
      expect.objectContaining({ reason: 'Superseded by batch record C' }),
    ]);
    await expect.poll(() => row(page, 'Batch record B').count()).toBe(0);

    // A document of another category needs no reason: trashed at once, no dialog.
    await row(page, 'Drawing D').getByTestId('document-trash').click();
    await expect.poll(async () => (await doc(ids['Drawing D'] ?? '')).state).toBe('trashed');
    expect(await page.locator('.ant-modal:visible').count()).toBe(0);
    expectClean(watch);
    await context.close();
  });

  it('asks for the reason in Hebrew too (right to left), and the dialog passes axe', async () => {
    const { context, page, watch } = await adminPage('he', '/documents');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await row(page, 'רשומת אצווה C').getByTestId('document-trash').click();
    const reasonDialog = page.locator('.ant-modal:visible', { hasText: 'מדוע המסמך מועבר לאשפה?' });
    await reasonDialog.getByTestId('change-reason-input').waitFor();
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await reasonDialog.getByTestId('change-reason-input').fill('הוחלף ברשומה חדשה');
    await reasonDialog.locator('.ant-btn-primary').click();
    await expect.poll(async () => (await doc(ids['רשומת אצווה C'] ?? '')).state).toBe('trashed');
    expect(await events(ids['רשומת אצווה C'] ?? '', 'documents.document.trashed')).toEqual([
      expect.objectContaining({ reason: 'הוחלף ברשומה חדשה' }),
    ]);
    expectClean(watch);
    await context.close();
  });
});
