import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { openContext, type PageWatch, watchPage } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, signIn } from './support/flows';
import { cjkSamplePdf } from './support/signing-fixtures';

const password = adminPassword;

interface Created {
  id: string;
  request_number: string;
  status: string;
  signers: { id: string; signer_name: string; status: string; signed_at: string | null }[];
  signatures: { signature_number: string; signer_name: string }[];
}

/**
 * The whole flow against the real signing module: a request on invoice #123 created through
 * the API as seed 004 posts it, sent; the customer opens the link on a phone in Hebrew, draws
 * and signs; the company's signer (second in order, refused before) types a signature on a
 * desktop in Chinese; the request completes; the public page verifies both; the sender's
 * list and detail pages show it.
 */
describe('signing flow through the pages', () => {
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

  async function touchStroke(page: Page, selector: string) {
    const box = (await page.locator(selector).boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const at = (fx: number, fy: number) => [{ x: box.x + box.width * fx, y: box.y + box.height * fy }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0.1, 0.5) });
    for (let i = 1; i <= 15; i += 1)
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: at(0.1 + i * 0.05, 0.5 - Math.sin(i / 2) * 0.3),
      });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }

  it('create by API, customer draws on a phone (he), company types on a desktop (zh-CN), verify, sender pages', async () => {
    const created = await apiCall<Created>(server.url, token, 'POST', '/digital-signature/requests', {
      entity_type: 'invoice',
      entity_id: 123,
      title: 'אישור חשבונית #123',
      signers: [
        {
          signer_name: 'ישראל ישראלי',
          signer_email: 'customer@example.com',
          signer_type: 'customer',
          signing_order: 1,
        },
        {
          signer_name: '王经理',
          signer_email: 'manager@company.com',
          signer_type: 'company',
          signing_order: 2,
        },
      ],
    });
    const { links } = await apiCall<{ links: { signer_name: string; signing_url: string }[] }>(
      server.url,
      token,
      'POST',
      `/digital-signature/requests/${created.id}/send`,
      {},
    );
    const customerUrl = links.find((l) => l.signer_name === 'ישראל ישראלי')!.signing_url;
    const companyUrl = links.find((l) => l.signer_name === '王经理')!.signing_url;
    expect(customerUrl).toMatch(new RegExp(`^${server.url}/sign/[A-Za-z0-9_-]{20,}$`));

    // the company's signer is second: the page says to wait (the server refuses to sign)
    const desk = await openContext(browser, server.url, { locale: 'zh-CN' });
    await desk.page.goto(companyUrl);
    await desk.page.getByTestId('sign-waiting').waitFor();

    // the customer on a phone, in Hebrew
    const context = await browser.newContext({
      locale: 'he',
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    context.setDefaultTimeout(30_000);
    const phone = await context.newPage();
    const watch: PageWatch = { errors: [], cspViolations: [], foreignRequests: [] };
    watchPage(phone, watch);
    await phone.goto(customerUrl);
    await phone.locator('.pdf-page canvas').first().waitFor();
    await expect.poll(() => phone.locator('.textLayer span').count()).toBeGreaterThan(0);
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.getByTestId('next-field').click();
    await phone.keyboard.press('Enter');
    await phone.getByTestId('signature-canvas').waitFor();
    await touchStroke(phone, '[data-testid="signature-canvas"]');
    await phone.setViewportSize({ width: 844, height: 390 });
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.getByTestId('pad-apply').click();
    await phone.getByTestId('consent').check();
    await phone.getByTestId('finish').click();
    await phone.getByTestId('sign-done').waitFor({ timeout: 60_000 });
    const customerNumber = (await phone.getByTestId('signature-number').textContent())!;
    expect(customerNumber).toMatch(/^SIG-\d{4}-\d{5}$/);
    await phone.getByTestId('verify-link').click();
    await phone.getByTestId('verify-result').waitFor();
    expect(await phone.getByTestId('verify-result').textContent()).toContain('החתימה תקינה');
    expect(await phone.getByTestId('verify-result').textContent()).toContain('ישראל ישראלי');
    expect(watch.errors).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    await context.close();

    // now it is the company's turn: typed signature with the keyboard, in Chinese
    await desk.page.goto(companyUrl);
    await desk.page.getByTestId('next-field').waitFor();
    await desk.page.getByTestId('next-field').click();
    await desk.page.keyboard.press('Enter');
    await desk.page.getByTestId('pad-tab-drawn').focus();
    await desk.page.keyboard.press('ArrowRight');
    expect(await desk.page.getByTestId('typed-input').inputValue()).toBe('王经理');
    await desk.page.getByTestId('typed-input').press('Enter');
    await desk.page.getByTestId('consent').check();
    await desk.page.getByTestId('finish').click();
    await desk.page.getByTestId('sign-done').waitFor({ timeout: 60_000 });
    const companyNumber = (await desk.page.getByTestId('signature-number').textContent())!;
    expect(companyNumber).not.toBe(customerNumber);
    // a used link cannot sign again
    await desk.page.goto(companyUrl);
    await expect
      .poll(
        async () =>
          (await desk.page.getByTestId('sign-done').count()) +
          (await desk.page.getByTestId('sign-unavailable').count()),
      )
      .toBe(1);
    expect(desk.watch.errors).toEqual([]);
    await desk.context.close();

    const done = await apiCall<Created>(
      server.url,
      token,
      'GET',
      `/digital-signature/requests/${created.id}`,
    );
    expect(done.status).toBe('completed');
    expect(done.signers.every((s) => s.status === 'signed')).toBe(true);
    const verified = await fetch(`${server.url}/api/v1/digital-signature/verify/${companyNumber}`).then((r) =>
      r.json(),
    );
    expect(verified).toMatchObject({
      valid: true,
      signature_number: companyNumber,
      signer_name: '王经理',
      signature_type: 'typed',
    });

    // the signed PDF uploaded on the public page: valid, each signer certificate meets the profile
    const [doc] = (
      await apiCall<{ documents: { document_id: string; current_version: number }[] }>(
        server.url,
        token,
        'GET',
        `/digital-signature/requests/${created.id}`,
      )
    ).documents;
    const content = `${server.url}/api/v1/documents/${doc!.document_id}/versions/${doc!.current_version}/content`;
    const pdf = await fetch(content, { headers: { authorization: `Bearer ${token}` } }).then((r) =>
      r.arrayBuffer(),
    );
    const upload = await openContext(browser, server.url, { locale: 'en' });
    await upload.page.goto(`${server.url}/verify`);
    const file = { name: 'signed.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) };
    await upload.page.getByTestId('verify-pdf').setInputFiles(file);
    await upload.page.getByTestId('verify-pdf-submit').click();
    await upload.page.getByTestId('verify-pdf-result').waitFor();
    const policies = await upload.page.getByTestId('verify-pdf-policy').allTextContents();
    expect(policies.length).toBeGreaterThanOrEqual(2);
    expect(policies.every((p) => p === 'Met')).toBe(true);
    expect(await seriousViolations(upload.page)).toEqual([]);
    await upload.context.close();

    // the sender's pages, in English and Hebrew
    for (const locale of ['en', 'he'] as const) {
      const admin = await openContext(browser, server.url, { locale });
      await signIn(admin.page, server.url, 'admin', password, '/signing/requests');
      await admin.page
        .getByTestId('signing-requests-table')
        .locator('tbody tr', { hasText: created.request_number })
        .waitFor();
      expect(await seriousViolations(admin.page)).toEqual([]);
      await admin.page.getByTestId('signing-open').first().click();
      await expect.poll(() => admin.page.getByTestId('signing-signer').count()).toBe(2);
      expect(await admin.page.getByTestId('signing-status').textContent()).toBe(
        locale === 'en' ? 'Completed' : 'הושלמה',
      );
      expect(await admin.page.locator('main').textContent()).toContain(customerNumber);
      expect(await seriousViolations(admin.page)).toEqual([]);
      await admin.context.close();
    }
  }, 300_000); // two real PAdES signatures and five browser contexts: slow on a loaded machine

  it('sender pages: a template through its dialog, a new request through the form, sent with its links shown once (Hebrew)', async () => {
    const { page, context, watch } = await openContext(browser, server.url, { locale: 'he' });
    await signIn(page, server.url, 'admin', password, '/signing/templates');
    await page.getByTestId('signing-templates-table').waitFor();
    await page.getByTestId('tpl-create').click();
    await page.getByTestId('tpl-name').fill('חוזה שירות');
    await page.getByTestId('tpl-code').fill('SERVICE_CONTRACT');
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await page.locator('.ant-modal .ant-btn-primary').click();
    await page
      .getByTestId('signing-templates-table')
      .locator('tbody tr', { hasText: 'SERVICE_CONTRACT' })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.url}/signing/requests/new`);
    await page.getByTestId('new-title').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('new-entity-id').fill('456');
    await page.getByTestId('new-title').fill('חוזה שירות שנתי');
    // a document uploaded from the form; a field placed on its page with the keyboard and the pointer
    await page
      .getByTestId('new-upload')
      .setInputFiles({ name: 'service.pdf', mimeType: 'application/pdf', buffer: cjkSamplePdf() });
    await page.getByTestId('place-add').waitFor();
    await expect.poll(() => page.getByTestId('place-add').isEnabled()).toBe(true);
    await page.getByTestId('place-add').click();
    const field = page.getByTestId('placed-field');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('placed-field');
    const before = await field.getAttribute('style');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await field.getAttribute('style')).toContain('left: 37%');
    expect(await field.getAttribute('style')).toContain('top: 51.5%');
    const box = (await field.boundingBox())!;
    await page.mouse.move(box.x + 10, box.y + 5);
    await page.mouse.down();
    await page.mouse.move(box.x - 60, box.y - 80, { steps: 5 });
    await page.mouse.up();
    expect(await field.getAttribute('style')).not.toBe(before);
    expect(await seriousViolations(page)).toEqual([]);
    await field.focus();
    await page.keyboard.press('Delete');
    expect(await field.count()).toBe(0);
    await page.getByTestId('party-name').first().fill('ישראל ישראלי');
    await page.getByTestId('party-email').first().fill('customer@example.com');
    await page.getByTestId('party-add').click();
    await page.getByTestId('party-name').nth(1).fill('מנהל החברה');
    await page.getByTestId('party-email').nth(1).fill('manager@company.com');
    await page.getByTestId('new-submit').click();
    await page.getByTestId('signing-send').waitFor();
    expect(await page.getByTestId('signing-status').textContent()).toBe('ממתינה');
    expect(await page.getByTestId('signing-signer').count()).toBe(2);
    await page.getByTestId('signing-send').click();
    await page.getByTestId('signing-links').waitFor();
    expect(await page.getByTestId('signing-links').locator('a').count()).toBe(2);
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
