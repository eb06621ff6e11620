import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { openContext } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, confirmPopover, signIn } from './support/flows';
import { cjkSamplePdf } from './support/signing-fixtures';

const password = adminPassword;

/**
 * Requests made from a template (issue 15 items 9 and 10) through the pages: bulk send from
 * a CSV on the template's setup page (row errors first, then progress to the end), and an
 * in-person signing on the host's device (kiosk page, then the host unlocks with a password).
 */
describe('bulk send and in-person signing through the pages', () => {
  let server: E2eServer;
  let browser: Browser;
  let token: string;
  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A template with a stored PDF, an open `client` role and the company as a fixed second signer. */
  async function readyTemplate(code: string): Promise<string> {
    const template = await apiCall<{ id: string }>(
      server.url,
      token,
      'POST',
      '/digital-signature/templates',
      {
        template_name: `Service ${code}`,
        template_code: code,
        entity_type: 'contract',
        signature_order: 'sequential',
      },
    );
    await apiCall(server.url, token, 'PUT', `/digital-signature/templates/${template.id}/roles`, {
      roles: [
        { role_key: 'client', label: 'Client' },
        {
          role_key: 'company',
          signer_type: 'company',
          signer_name: 'ACME',
          signer_email: 'acme@example.com',
          signing_order: 2,
        },
      ],
    });
    const pdf = await fetch(
      `${server.url}/api/v1/digital-signature/templates/${template.id}/documents?file_name=agreement`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
        body: new Uint8Array(cjkSamplePdf()),
      },
    );
    expect(pdf.status).toBe(201);
    return template.id;
  }

  it('bulk send (zh-CN): bad rows listed by row and column, then a clean file sent with progress', async () => {
    const id = await readyTemplate('BULK_E2E');
    const { page, context, watch } = await openContext(browser, server.url, { locale: 'zh-CN' });
    await signIn(page, server.url, 'admin', password, `/signing/templates/${id}/setup`);
    await page.getByTestId('bulk-panel').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const bad = join(tmpdir(), `bulk-bad-${Date.now()}.csv`);
    writeFileSync(
      bad,
      'client.name,client.email\n王芳,wang@example.com\n,nobody@example.com\nEli,not-mail\n',
    );
    await page.getByTestId('bulk-file').setInputFiles(bad);
    await page.getByTestId('bulk-start').click();
    await page.getByTestId('bulk-row-errors').waitFor();
    const errors = await page.getByTestId('bulk-row-errors').textContent();
    expect(errors).toContain('rows[2].client.name');
    expect(errors).toContain('rows[3].client.email');
    expect(await seriousViolations(page)).toEqual([]);
    const good = join(tmpdir(), `bulk-good-${Date.now()}.csv`);
    writeFileSync(
      good,
      'client.name,client.email\n王芳,wang@example.com\nדנה,dana@example.com\nEli,eli@example.com\n',
    );
    await page.getByTestId('bulk-file').setInputFiles(good);
    await page.getByTestId('bulk-start').click();
    await page.getByTestId('bulk-progress').waitFor();
    await expect
      .poll(() => page.getByTestId('bulk-progress').textContent(), { timeout: 60_000 })
      .toContain('已完成');
    expect(await page.getByTestId('bulk-progress').textContent()).toContain('3');
    expect(await seriousViolations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('in person (he): the host hands over the device, the signer signs in kiosk mode, the host unlocks', async () => {
    const id = await readyTemplate('INPERSON_E2E');
    const created = await apiCall<{ id: string }>(server.url, token, 'POST', '/digital-signature/requests', {
      entity_type: 'repair',
      entity_id: 'R-1',
      title: 'קבלת תיקון',
      template_id: id,
      signers: [
        { signer_name: 'דנה לקוחה', signer_phone: '+972 50-111-2222', signing_order: 1 },
        { signer_name: 'Shop', signer_email: 'shop@example.com', signer_type: 'company', signing_order: 2 },
      ],
    });
    await apiCall(server.url, token, 'POST', `/digital-signature/requests/${created.id}/send`, {});
    const { page, context, watch } = await openContext(browser, server.url, { locale: 'he' });
    await signIn(page, server.url, 'admin', password, `/signing/requests/${created.id}`);
    await page.getByTestId('in-person-start').click();
    await confirmPopover(page, 'מסירת המכשיר');
    await page.getByTestId('kiosk-bar').waitFor({ timeout: 30_000 });
    expect(page.url()).not.toContain('#kiosk');
    await expect.poll(() => page.getByTestId('verify-link').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('next-field').click();
    await page.keyboard.press('Enter');
    await page.getByTestId('pad-tab-typed').click();
    await page.getByTestId('typed-input').press('Enter');
    await page.getByTestId('consent').check();
    await page.getByTestId('finish').click();
    await page.getByTestId('kiosk-ended').waitFor({ timeout: 60_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('kiosk-host').click();
    await page.getByTestId('in-person-locked').waitFor();
    // every admin page leads back here while locked
    await page.goto(`${server.url}/signing/requests`);
    await page.getByTestId('in-person-locked').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('unlock-password').fill(password);
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('in-person-unlocked').waitFor();
    const request = await apiCall<{ signers: { signer_name: string; status: string }[] }>(
      server.url,
      token,
      'GET',
      `/digital-signature/requests/${created.id}`,
    );
    expect(request.signers.find((s) => s.signer_name === 'דנה לקוחה')?.status).toBe('signed');
    expect(watch.errors).toEqual([]);
    await context.close();
  }, 180_000);
});
