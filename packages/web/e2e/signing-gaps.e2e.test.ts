import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { openContext } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, signIn } from './support/flows';

/**
 * Issue 15 gaps through the pages: the sender sets the second factor on the new-request page
 * and changes it on the request page (he, RTL); the signer moves the free-placement signature
 * box by keyboard and by dragging, and the signature goes where the box was left (en).
 */
describe('signing pages: second factor and the movable signature box', () => {
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

  const factorOf = async (id: string) =>
    (
      await apiCall<{ factor: string }>(
        server.url,
        token,
        'GET',
        `/digital-signature/requests/${id}/second-factor`,
      )
    ).factor;
  const requestCount = async () =>
    (
      await apiCall<{ total: number }>(
        server.url,
        token,
        'GET',
        '/digital-signature/requests?page=1&page_size=1',
      )
    ).total;
  async function choose(page: Page, option: string) {
    await page.getByTestId('factor-select').click();
    await page.locator('.ant-select-item-option', { hasText: option }).click();
  }

  it('the sender sets the access code on the new-request page and changes the factor on the request page (he)', async () => {
    const { page, context, watch } = await openContext(browser, server.url, { locale: 'he' });
    await signIn(page, server.url, 'admin', adminPassword, '/signing/requests/new');
    await page.getByTestId('new-title').waitFor();
    await page.getByTestId('new-entity-id').fill('4521');
    await page.getByTestId('new-title').fill('חוזה עם קוד גישה');
    await page.getByTestId('party-name').first().fill('נועה');
    await page.getByTestId('party-email').first().fill('noa@example.com');
    await choose(page, 'קוד גישה שאמסור לחותמים');
    await page.getByTestId('factor-access-code').fill('short');
    expect(await seriousViolations(page)).toEqual([]);
    const before = await requestCount();
    await page.getByTestId('new-submit').click();
    // refused on the page: nothing was created
    await page.getByText('יש להזין קוד גישה של 6–64 תווים').waitFor();
    expect(await requestCount()).toBe(before);

    await page.getByTestId('factor-access-code').fill('Olive-Grove-2027');
    await page.getByTestId('new-submit').click();
    await page.getByTestId('signing-send').waitFor();
    const requestId = new URL(page.url()).pathname.split('/').pop()!;
    await expect.poll(() => page.getByTestId('detail-factor-current').textContent()).toContain('קוד גישה');
    expect(await factorOf(requestId)).toBe('access_code');
    expect(await seriousViolations(page)).toEqual([]);

    // on the request page: e-mail codes instead (every signer has an e-mail address)
    await choose(page, 'קוד בדואר אלקטרוני');
    await page.getByTestId('factor-save').click();
    await expect.poll(() => factorOf(requestId), { timeout: 10_000 }).toBe('email_code');
    await expect
      .poll(() => page.getByTestId('detail-factor-current').textContent())
      .toContain('קוד בדואר אלקטרוני');
    // SMS codes need a phone the signer does not have: the server's reason shows, nothing changes
    await choose(page, 'קוד ב-SMS');
    await page.getByTestId('factor-save').click();
    await page.getByTestId('detail-factor').getByText('no signer_phone').waitFor();
    expect(await factorOf(requestId)).toBe('email_code');
    expect(watch.errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('the signer moves the free signature box with the arrow keys and by dragging; the signature goes there (en)', async () => {
    const created = await apiCall<{ id: string }>(server.url, token, 'POST', '/digital-signature/requests', {
      entity_type: 'contract',
      entity_id: 88,
      title: 'Free placement',
      signers: [{ signer_name: 'Dana Free', signer_email: 'dana.free@example.com' }],
    });
    const { links } = await apiCall<{ links: { signing_url: string }[] }>(
      server.url,
      token,
      'POST',
      `/digital-signature/requests/${created.id}/send`,
      {},
    );
    const { page, context, watch } = await openContext(browser, server.url, { locale: 'en' });
    const url = links[0]!.signing_url;
    await page.goto(url.startsWith('http') ? url : `${server.url}${new URL(url).pathname}`);
    const handle = page.getByTestId('free-move');
    await handle.waitFor();
    const position = () => page.getByTestId('free-position').textContent();
    expect(await position()).toContain('60% from the left, 82% from the top of page 1');
    expect(await seriousViolations(page)).toEqual([]);

    await handle.focus();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift+ArrowRight');
    expect(await position()).toContain('70% from the left'); // kept on the page (30% wide)
    for (let i = 0; i < 10; i += 1) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Shift+ArrowUp');
    expect(await position()).toContain('60% from the left, 72% from the top');

    // drag 20% of the page's width to the left
    const pageBox = (await page.locator('.pdf-page').first().boundingBox())!;
    const start = (await handle.boundingBox())!;
    const from = { x: start.x + start.width / 2, y: start.y + start.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x - pageBox.width * 0.2, from.y, { steps: 8 });
    await page.mouse.up();
    expect(await position()).toContain('40% from the left, 72% from the top');

    await page.getByTestId('field-signature').locator('button.sign-button').click();
    const canvas = page.getByTestId('signature-canvas');
    await canvas.waitFor();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.5);
    await page.mouse.down();
    for (let i = 1; i <= 12; i += 1)
      await page.mouse.move(
        box.x + box.width * (0.1 + i * 0.06),
        box.y + box.height * (0.5 - Math.sin(i / 2) * 0.3),
      );
    await page.mouse.up();
    await page.getByTestId('pad-apply').click();
    await page.getByTestId('consent').check();
    const sent = page.waitForRequest(
      (r) => r.method() === 'POST' && r.url().endsWith('/digital-signature/sign'),
    );
    await page.getByTestId('finish').click();
    const body = (await sent).postDataJSON() as { signature_placement?: Record<string, number> };
    expect(body.signature_placement).toMatchObject({ page: 1, y: 72, width: 30, height: 8 });
    expect(Math.abs((body.signature_placement?.x ?? 0) - 40)).toBeLessThan(0.5);
    await page.getByTestId('sign-done').waitFor({ timeout: 60_000 });
    expect(watch.errors).toEqual([]);
    await context.close();
  }, 180_000);
});
