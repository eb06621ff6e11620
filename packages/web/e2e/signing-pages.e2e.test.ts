import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { launchBrowser, openContext, type PageWatch, screenshot, watchPage } from './support/browser';
import { type E2eServer, startE2eServer } from './support/e2e-server';
import { routeFixtureApi } from './support/signing-fixtures';

/**
 * The signer page and the public verification page (the lean sign.html entry) in Chromium,
 * against the real server's build, with the signing API answered in the browser in seed
 * 004's shapes (support/signing-fixtures.ts) until the signing module's routes land.
 */
describe('signer and verification pages', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function phone(locale: 'he' | 'zh-CN') {
    const context = await browser.newContext({
      locale,
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const watch: PageWatch = { errors: [], cspViolations: [], foreignRequests: [] };
    watchPage(page, watch);
    return { context, page, watch };
  }

  /** A stroke drawn with a finger (CDP touch events, so the page sees touch pointers). */
  async function touchStroke(page: Page, selector: string) {
    const box = (await page.locator(selector).boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const at = (fx: number, fy: number) => [{ x: box.x + box.width * fx, y: box.y + box.height * fy }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0.15, 0.6) });
    for (let i = 1; i <= 12; i += 1)
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: at(0.15 + i * 0.05, 0.6 - Math.sin(i / 2) * 0.3),
      });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }

  const inkedPixels = (page: Page) =>
    page.getByTestId('signature-canvas').evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count += 1;
      return count;
    });

  it('Hebrew on a phone: RTL, PDF with text layer and Chinese via self-hosted cMaps, next field, drawn signature that survives rotation, consent, sign, success, verify', async () => {
    const { context, page, watch } = await phone('he');
    const api = await routeFixtureApi(page);
    const cmaps: number[] = [];
    page.on('response', (r) => r.url().includes('/assets/pdfjs/cmaps/') && cmaps.push(r.status()));
    await page.goto(`${server.url}/sign/good-token-0123456789abcdef`);
    await page.locator('.textLayer span', { hasText: 'Service agreement' }).first().waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'he',
      'rtl',
    ]);
    await expect
      .poll(() => page.locator('[data-page="1"] .textLayer').textContent())
      .toContain('供货合同签署页');
    expect(cmaps.length).toBeGreaterThan(0);
    expect(cmaps.every((s) => s === 200)).toBe(true);
    await expect.poll(() => page.getByTestId('finish').textContent()).toContain('סיום וחתימה');
    // the seed's consent text is shown
    expect(await page.getByTestId('consent-text').textContent()).toContain(
      'אני מאשר/ת שקראתי והבנתי את המסמך',
    );
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('next-field').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-f-sig');
    await page.keyboard.press('Enter');
    await page.getByTestId('signature-canvas').waitFor();
    expect(await seriousViolations(page, '.pad-dialog')).toEqual([]);
    await touchStroke(page, '[data-testid="signature-canvas"]');
    const before = await inkedPixels(page);
    expect(before).toBeGreaterThan(50);
    // turn the phone: the pad is laid out again and the same stroke is drawn again
    await page.setViewportSize({ width: 844, height: 390 });
    await expect.poll(() => inkedPixels(page)).toBeGreaterThan(50);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => inkedPixels(page)).toBeGreaterThan(50);
    await page.getByTestId('pad-apply').click();
    await page.locator('#field-f-sig img').waitFor();

    await page.locator('#field-f-text').fill('123456782');
    await page.locator('#field-f-check').check();
    await page.getByTestId('finish').click();
    await expect
      .poll(() => page.getByTestId('sign-notice').textContent())
      .toContain('יש לאשר את נוסח ההסכמה');
    expect(api.signed).toHaveLength(0);
    await page.getByTestId('consent').check();
    await screenshot(page, 'he', 'signer-phone');
    await page.getByTestId('finish').click();
    await page.getByTestId('sign-done').waitFor();
    expect(await page.getByTestId('signature-number').textContent()).toBe('SIG-2026-00042');

    const sent = api.signed[0]!;
    expect(sent).toMatchObject({
      token: 'good-token-0123456789abcdef',
      signer_id: 'signer-1',
      signer_name: 'ישראל ישראלי',
      signature_type: 'drawn',
      consent_given: true,
      consent_text: 'אני מאשר/ת שקראתי והבנתי את המסמך',
    });
    expect(String(sent.signature_data)).toMatch(/^data:image\/png;base64,/);
    const strokes = sent.signature_strokes as number[][][];
    expect(strokes).toHaveLength(1);
    expect(strokes[0]!.length).toBeGreaterThan(5);
    for (const [x, y] of strokes[0]!) expect(x! >= 0 && x! <= 1 && y! >= 0 && y! <= 1).toBe(true);
    expect(sent.fields).toEqual(
      expect.arrayContaining([
        { id: 'f-text', value: '123456782' },
        { id: 'f-check', value: 'true' },
        { id: 'f-name', value: 'ישראל ישראלי' },
        { id: 'f-sig', value: 'signed' },
      ]),
    );

    await page.getByTestId('verify-link').click();
    await page.getByTestId('verify-result').waitFor();
    expect(await page.getByTestId('verify-result').textContent()).toContain('החתימה תקינה');
    expect(await page.getByTestId('verify-result').textContent()).toContain('ישראל ישראלי');
    expect(await seriousViolations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    await context.close();
  });

  it('Chinese on a desktop: keyboard-only typed signature, zoom keeps fields on their spot, decline with a required reason', async () => {
    const { context, page, watch } = await openContext(browser, server.url, { locale: 'zh-CN' });
    const api = await routeFixtureApi(page, '张三');
    await page.goto(`${server.url}/sign/good-token-0123456789abcdef`);
    await page.locator('.textLayer span', { hasText: 'Service agreement' }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await page.getByTestId('finish').textContent()).toContain('完成并签署');
    expect(await seriousViolations(page)).toEqual([]);

    const ratio = async () => {
      const pageBox = (await page.locator('[data-page="1"]').boundingBox())!;
      const fieldBox = (await page.locator('#field-f-text').boundingBox())!;
      return [
        pageBox.width,
        (fieldBox.x - pageBox.x) / pageBox.width,
        (fieldBox.y - pageBox.y) / pageBox.height,
      ];
    };
    const [width, fx, fy] = await ratio();
    await page.getByTestId('zoom-in').click();
    await expect.poll(async () => (await ratio())[0]).toBeGreaterThan(width! * 1.2);
    const [, zx, zy] = await ratio();
    expect(Math.abs(zx! - fx!)).toBeLessThan(0.01);
    expect(Math.abs(zy! - fy!)).toBeLessThan(0.01);

    await page.getByTestId('next-field').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-f-sig');
    await page.keyboard.press('Enter');
    await page.getByTestId('pad-tab-drawn').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('typed-input').inputValue()).toBe('张三');
    expect(await seriousViolations(page, '.pad-dialog')).toEqual([]);
    await page.getByTestId('typed-input').press('Enter');
    await page.locator('#field-f-sig img').waitFor();
    // the typed mark is the name itself (the server draws it); the page shows a picture of it
    expect(await page.locator('#field-f-sig img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await screenshot(page, 'zh-CN', 'signer-desktop');

    await page.getByTestId('decline').click();
    await page.getByTestId('decline-confirm').click();
    expect(await page.locator('#decline-error').textContent()).toContain('请填写原因');
    expect(await seriousViolations(page, '.small-dialog')).toEqual([]);
    await page.getByTestId('decline-reason').fill('金额有误');
    await page.getByTestId('decline-confirm').click();
    await page.getByTestId('sign-declined').waitFor();
    expect(api.declined).toEqual([{ token: 'good-token-0123456789abcdef', reason: '金额有误' }]);
    expect(api.signed).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it('loads only the lean entry (no admin shell, no Ant Design) and says clearly when a link cannot be used', async () => {
    const { context, page, watch } = await openContext(browser, server.url, { locale: 'en' });
    await routeFixtureApi(page);
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/sign/expired-token-0123456789abcdef`);
    await page.getByTestId('sign-unavailable').waitFor();
    expect(await page.getByTestId('sign-unavailable').textContent()).toContain(
      'This signing link cannot be used',
    );
    expect(scripts.some((s) => /AdminLayout|vue-i18n|antd|LoginPage|pdf/.test(s))).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    // a later signer in a sequential order is told to wait
    await page.goto(`${server.url}/sign/later-token-0123456789abcdef`);
    await expect.poll(() => page.getByTestId('sign-waiting').textContent()).toContain('It is not your turn');
    // no field placed by the sender: one required signature box on the last page
    await page.goto(`${server.url}/sign/nofields-token-0123456789abcdef`);
    await page.locator('[data-page="2"] [data-testid="field-signature"]').waitFor();
    expect(await page.locator('[data-testid^="field-"]').count()).toBe(1);
    expect(await page.getByTestId('next-field').isEnabled()).toBe(true);
    await page.goto(`${server.url}/sign/expired-token-0123456789abcdef`);
    await page.getByTestId('sign-unavailable').waitFor();
    // the language switch turns the page to Hebrew, right to left
    await page.getByTestId('language').selectOption('he');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByTestId('sign-unavailable').textContent()).toContain('לא ניתן להשתמש בקישור');
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('the signer entry needs at most 150 KB gzip of JavaScript before pdf.js, with no Ant Design, vue-i18n or admin code', () => {
    const root = inject('webRoot');
    const manifest = JSON.parse(readFileSync(join(root, '.vite', 'signer-manifest.json'), 'utf8')) as Record<
      string,
      { file: string; imports?: string[]; isEntry?: boolean }
    >;
    const files = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const child of chunk.imports ?? []) visit(child);
    };
    expect(manifest['sign.html']?.isEntry).toBe(true);
    visit('sign.html');
    visit('src/signer/SignerApp.vue');
    const scripts = [...files].filter((f) => f.endsWith('.js'));
    const code = scripts.map((f) => readFileSync(join(root, f)));
    const gzip = code.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
    expect(gzip).toBeLessThanOrEqual(150 * 1024);
    const text = code.map(String).join('\n');
    expect(text).not.toMatch(/ant-design|antd|ConfigProvider/);
    expect(text).not.toMatch(/createI18n|AdminLayout/);
    expect(scripts.some((f) => /pdf/.test(f))).toBe(false);
  });

  it('public verification by number: valid, invalid with the reason in Hebrew and Chinese, unknown number', async () => {
    for (const [locale, reason] of [
      ['he', 'החתימה בוטלה'],
      ['zh-CN', '签名已被撤销'],
    ] as const) {
      const { context, page } = await openContext(browser, server.url, { locale, width: 390, height: 800 });
      await routeFixtureApi(page);
      await page.goto(`${server.url}/verify/SIG-2026-00007`);
      await page.getByTestId('verify-result').waitFor();
      expect(await page.getByTestId('verify-reason').textContent()).toBe(reason);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId('verify-number').fill('sig-2026-99999');
      await page.getByTestId('verify-submit').click();
      await page.getByTestId('verify-problem').waitFor();
      expect(new URL(page.url()).pathname).toBe('/verify/SIG-2026-99999');
      await screenshot(page, locale, 'verify');
      await context.close();
    }
    const { context, page } = await openContext(browser, server.url, { locale: 'en' });
    await routeFixtureApi(page);
    await page.goto(`${server.url}/verify`);
    await page.getByTestId('verify-number').fill('SIG-2026-00042');
    await page.getByTestId('verify-number').press('Enter');
    await page.getByTestId('verify-result').waitFor();
    expect(await page.getByTestId('verify-result').textContent()).toContain('The signature is valid');
    await context.close();
  });
});
