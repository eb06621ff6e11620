import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { openContext } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, signIn } from './support/flows';
import { cjkSamplePdf } from './support/signing-fixtures';

const password = adminPassword;

/**
 * Issue 15 item 3 end to end (one locale; the flow file covers he and zh-CN): the sender
 * places a signature field and a text field for the customer on the new-request page, the
 * server stores them, and the customer fills the text field ("next required field" leads),
 * signs in the placed box, and the value is recorded.
 */
describe('placed fields through the pages', () => {
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

  it('sender places a signature and a text field; the signer fills the text, signs, and the value is stored (en)', async () => {
    const { page, context, watch } = await openContext(browser, server.url, { locale: 'en' });
    await signIn(page, server.url, 'admin', password, '/signing/requests/new');
    await page.getByTestId('new-title').waitFor();
    await page.getByTestId('new-entity-id').fill('789');
    await page.getByTestId('new-title').fill('Service contract with fields');
    await page
      .getByTestId('new-upload')
      .setInputFiles({ name: 'service.pdf', mimeType: 'application/pdf', buffer: cjkSamplePdf() });
    await page.getByTestId('place-add').waitFor();
    await expect.poll(() => page.getByTestId('place-add').isEnabled(), { timeout: 60_000 }).toBe(true);
    await page.getByTestId('party-name').first().fill('Dana Customer');
    await page.getByTestId('party-email').first().fill('dana@example.com');
    // a signature field (the default kind), moved up with the keyboard
    await page.getByTestId('place-add').click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('placed-field');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    // a text field for the same party
    await page.getByTestId('place-type').click();
    await page.locator('.ant-select-item-option', { hasText: 'Text' }).click();
    await page.getByTestId('place-add').click();
    await expect.poll(() => page.getByTestId('placed-field').count(), { timeout: 10_000 }).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('new-submit').click();
    await page.getByTestId('signing-send').waitFor();
    const requestId = new URL(page.url()).pathname.split('/').pop()!;
    const fields = await apiCall<{ field_type: string; value: string | null }[]>(
      server.url,
      token,
      'GET',
      `/digital-signature/requests/${requestId}/fields`,
    );
    expect(fields.map((f) => f.field_type).sort()).toEqual(['signature', 'text']);
    await page.getByTestId('signing-send').click();
    await page.getByTestId('signing-links').waitFor();
    const link = (await page.getByTestId('signing-links').locator('a').first().getAttribute('href'))!;
    expect(watch.errors).toEqual([]);
    await context.close();

    const signer = await openContext(browser, server.url, { locale: 'en' });
    await signer.page.goto(link.startsWith('http') ? link : `${server.url}${link}`);
    await signer.page.getByTestId('field-text').waitFor();
    expect(await signer.page.getByTestId('field-signature').count()).toBe(1);
    expect(await seriousViolations(signer.page)).toEqual([]);
    // "next required field" leads to the empty ones in turn
    await signer.page.getByTestId('next-field').click();
    await signer.page.getByTestId('field-text').locator('input').fill('Herzl St 1, Tel Aviv');
    await signer.page.getByTestId('next-field').click();
    await signer.page.keyboard.press('Enter');
    const canvas = signer.page.getByTestId('signature-canvas');
    await canvas.waitFor();
    const box = (await canvas.boundingBox())!;
    await signer.page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.5);
    await signer.page.mouse.down();
    for (let i = 1; i <= 12; i += 1)
      await signer.page.mouse.move(
        box.x + box.width * (0.1 + i * 0.06),
        box.y + box.height * (0.5 - Math.sin(i / 2) * 0.3),
      );
    await signer.page.mouse.up();
    await signer.page.getByTestId('pad-apply').click();
    await expect.poll(() => signer.page.getByTestId('next-field').isDisabled()).toBe(true);
    await signer.page.getByTestId('consent').check();
    await signer.page.getByTestId('finish').click();
    await signer.page.getByTestId('sign-done').waitFor({ timeout: 60_000 });
    expect(signer.watch.errors).toEqual([]);
    await signer.context.close();

    const after = await apiCall<{ field_type: string; value: string | null }[]>(
      server.url,
      token,
      'GET',
      `/digital-signature/requests/${requestId}/fields`,
    );
    expect(after.find((f) => f.field_type === 'text')?.value).toBe('Herzl St 1, Tel Aviv');
    expect(after.find((f) => f.field_type === 'signature')?.value).toBe('signed');
  }, 240_000);
});
