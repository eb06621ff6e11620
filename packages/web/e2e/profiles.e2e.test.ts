import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext, type PageWatch } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, signIn } from './support/flows';

interface Profile {
  id: string;
  scope_type: string;
  scope_id: string;
  name: string;
  current_version: number;
}
interface Version {
  version: number;
  note: string | null;
  settings: {
    pades_level: string;
    tsa_urls: string[];
    seal_id: string | null;
    appearance: { font: string; fields: string[]; languages: string[] };
    certificate_policy: { policy_oids: string[] };
  };
}

/**
 * Signing profiles page (docs/seals.md, Signing profiles): the administrator creates an
 * organisation profile through the form (a malformed TSA URL is refused and nothing is
 * saved), edits it (TSA failover order, seal, appearance font, fields and languages, policy
 * OID), sees version 2 above version 1 in its history, and asks which profile
 * applies to the organisation; axe in English, Hebrew (right to left) and Chinese.
 */
describe('Signing profiles page', () => {
  let server: E2eServer;
  let browser: Browser;
  let token = '';
  const organisation = 'Fuzhou Profiles Co., Ltd.';
  let sealId = '';

  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin());
    const seal = await apiCall<{ id: string }>(server.url, token, 'POST', '/seals', {
      organisation,
      seal_type: 'contract',
      name: 'Profile seal',
    });
    sealId = seal.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(locale: Locale) {
    const opened = await openContext(browser, server.url, { locale });
    await signIn(opened.page, server.url, 'admin', adminPassword, '/signing-profiles');
    await opened.page.getByTestId('profiles-table').waitFor();
    return opened;
  }
  function expectClean(watch: PageWatch) {
    expect(watch.errors).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  }
  const profiles = async () =>
    (await apiCall<{ items: Profile[] }>(server.url, token, 'GET', '/profiles')).items;
  const versions = async (id: string) =>
    (await apiCall<{ versions: Version[] }>(server.url, token, 'GET', `/profiles/${id}`)).versions;

  it('creates a profile, edits it and shows version 2 in its history and as the effective profile', async () => {
    const { context, page, watch } = await open('en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('profiles-create').click();
    await page.getByTestId('profiles-scope-id').fill(organisation);
    await page.getByTestId('profiles-name').fill('Contracts');
    await page.getByTestId('profiles-level').click();
    await page.locator('.ant-select-item-option', { hasText: 'B-T: time-stamped' }).click();
    const addTsa = async (url: string) => {
      await page.getByTestId('profiles-tsa-new').fill(url);
      await page.getByTestId('profiles-tsa-add').click();
    };
    await addTsa('https://tsa-one.example/tsr');
    await addTsa('ftp://tsa-two.example');
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await page.getByTestId('profiles-save').click();
    await expect
      .poll(() => page.getByTestId('profiles-problem').textContent())
      .toContain('ftp://tsa-two.example');
    expect(await profiles()).toEqual([]);

    await page.getByTestId('profiles-tsa-remove-1').click();
    await addTsa('https://tsa-two.example/tsr');
    await page.getByTestId('profiles-note').fill('first');
    await page.getByTestId('profiles-save').click();
    await expect.poll(async () => (await profiles()).length).toBe(1);
    const [created] = await profiles();
    expect(created).toMatchObject({ scope_type: 'organisation', scope_id: organisation, current_version: 1 });
    const id = created?.id ?? '';

    await page.getByTestId(`profiles-edit-${id}`).click();
    await expect.poll(() => page.getByTestId('profiles-tsa-row-1').textContent()).toContain('tsa-two');
    // failover order: the second TSA is moved first
    await page.getByTestId('profiles-tsa-up-1').click();
    // signer and appearance: the seal, a font, one more printed field, captions without Hebrew
    await page.getByTestId('profiles-seal').click();
    await page.locator('.ant-select-item-option', { hasText: 'Profile seal' }).click();
    await page.getByTestId('profiles-font').click();
    await page.locator('.ant-select-item-option', { hasText: 'Noto Serif SC' }).click();
    await page.getByTestId('profiles-appearance-fields').getByText('Organisation', { exact: true }).click();
    await page.getByTestId('profiles-languages').getByText('Hebrew (עברית)').click();
    // what signatures carry: the detailed layout, a location, the allowed meanings
    await page.getByTestId('profiles-appearance-template').click();
    await page.locator('.ant-select-item-option', { hasText: 'Detailed' }).click();
    await page.getByTestId('profiles-location').fill('上海');
    await page.getByTestId('profiles-meanings').locator('input').fill('approval');
    await page.keyboard.press('Enter');
    await page.getByTestId('profiles-level').click();
    await page.locator('.ant-select-item-option', { hasText: 'B-LT: with validation data' }).click();
    await page.getByTestId('profiles-policy-oids').locator('input').fill('1.2.156.112562.2.1.1');
    await page.keyboard.press('Enter');
    await page.getByTestId('profiles-note').fill('long-term validation');
    await page.getByTestId('profiles-save').click();
    await expect.poll(async () => (await profiles())[0]?.current_version).toBe(2);
    const [latest, first] = await versions(id);
    expect(latest).toMatchObject({ version: 2, note: 'long-term validation' });
    expect(latest?.settings).toMatchObject({
      pades_level: 'B-LT',
      tsa_urls: ['https://tsa-two.example/tsr', 'https://tsa-one.example/tsr'],
      seal_id: sealId,
      location: '上海',
      meanings: ['approval'],
      appearance: {
        template: 'detailed',
        font: 'Noto Serif SC',
        fields: ['name', 'date', 'reason', 'organisation'],
        languages: ['zh-CN', 'en'],
      },
      certificate_policy: { policy_oids: ['1.2.156.112562.2.1.1'] },
    });
    expect(first).toMatchObject({ version: 1, note: 'first', settings: { pades_level: 'B-T' } });
    await expect.poll(() => page.getByTestId(`profiles-version-${id}`).textContent()).toBe('2');

    await page.getByTestId(`profiles-history-${id}`).click();
    await page.getByTestId('profiles-history-version-2').waitFor();
    const rows = page.getByTestId('profiles-history-table').locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('Version 2');
    expect(await rows.first().textContent()).toContain('Current');
    expect(await rows.nth(1).textContent()).toContain('Version 1');
    expect(await seriousViolations(page, '.ant-drawer')).toEqual([]);
    await page.locator('.ant-drawer-close').click();

    await page.getByTestId('profiles-effective-organisation').fill(organisation);
    await page.getByTestId('profiles-resolve').click();
    await expect
      .poll(() => page.getByTestId('profiles-effective-source').textContent())
      .toBe('Organisation profile, version 2');
    expect(await page.getByTestId('profiles-effective-result').textContent()).toContain('B-LT');
    expect(await seriousViolations(page)).toEqual([]);
    expectClean(watch);
    await context.close();
  });

  it('reads right to left in Hebrew and in Chinese, without serious axe violations', async () => {
    for (const [locale, title] of [
      ['he', 'פרופילי חתימה'],
      ['zh-CN', '签署配置'],
    ] as const) {
      const { context, page, watch } = await open(locale);
      expect(await page.locator('h1, .page-title').first().textContent()).toContain(title);
      expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'he' ? 'rtl' : 'ltr');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId('profiles-create').click();
      await page.getByTestId('profiles-name').waitFor();
      expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
      expectClean(watch);
      await context.close();
    }
  });
});
