import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, signIn } from './support/flows';

const slow = { timeout: 180_000 };
const settle = { timeout: 30_000 };
/** The "initiator" approver rule's label (the rule chosen to fix the node). */
const initiator: Record<Locale, string> = { en: 'Initiator', 'zh-CN': '发起人本人', he: 'היוזם' };

describe('workflow designer: build, fix, save and publish a definition', () => {
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

  const versionsOf = async (key: string) =>
    (
      await apiCall<{ items: { status: string; body: { process: { type: string }[] } }[] }>(
        server.url,
        token,
        'GET',
        `/workflows?key=${key}&page=1&page_size=10&sort=-created_at`,
      )
    ).items;
  const closeDrawer = (page: Page) => page.locator('.ant-drawer-open .ant-drawer-close').click();
  /** Adds a node of `type` at the "+" named by `anchor` (after-<id> or in-<branch id>). */
  async function addNode(page: Page, anchor: string, type: string) {
    await page.getByTestId(`plus-${anchor}`).click();
    await page.getByTestId(`add-${anchor}-${type}`).click();
  }

  async function buildTree(page: Page, key: string) {
    await page.getByTestId('workflow-create').click();
    await page.waitForURL(/\/workflows\/new$/);
    await page.getByTestId('designer-key').fill(key);
    await page.getByTestId('designer-name').fill(`E2E ${key}`);
    // A condition (branch1 with a condition, branch2 the default), then a parallel node.
    await addNode(page, 'after-start', 'condition');
    await addNode(page, 'after-cond1', 'parallel');
    await page.getByTestId('node-par1').waitFor();
    // The new condition has no value yet: the pre-check says so on its branch.
    await page.getByTestId('issues-branch1').waitFor();
    await page.getByTestId('open-branch1').click();
    await page.getByTestId('cond-value').fill('dept-1');
    await expect.poll(() => page.getByTestId('issues-branch1').count(), settle).toBe(0);
    await closeDrawer(page);
    // An approval node in the first parallel branch, without approvers: invalid.
    await addNode(page, 'in-branch3', 'approval');
    await page.getByTestId('approver-rules').waitFor();
    expect(await seriousViolations(page, '.ant-drawer')).toEqual([]);
    await closeDrawer(page);
  }

  async function serverRefusesThenFix(page: Page, key: string, locale: Locale) {
    await page.getByTestId('designer-save').click();
    // The server's 40053 names the node; the message shows on its card.
    await expect
      .poll(() => page.getByTestId('issues-approve1').textContent(), settle)
      .toContain('Approval node approve1 has no approver rules');
    expect(await versionsOf(key)).toEqual([]);
    await page.getByTestId('open-approve1').click();
    await page.getByTestId('rule-type').click();
    await page
      .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${initiator[locale]}"]`)
      .click();
    await expect.poll(() => page.getByTestId('rule-type').textContent(), settle).toContain(initiator[locale]);
    await page.getByTestId('rule-add').click();
    await closeDrawer(page);
    await expect.poll(() => page.getByTestId('issues-approve1').count(), settle).toBe(0);
  }

  for (const locale of ['en', 'zh-CN', 'he'] as const satisfies readonly Locale[]) {
    it(
      `designs a definition with a condition and a parallel branch, saves and publishes it (${locale})`,
      slow,
      async () => {
        const key = `e2e-${locale.toLowerCase()}`;
        const { context, page, watch } = await openContext(browser, server.url, { locale });
        await signIn(page, server.url, 'admin', adminPassword, '/workflows');
        await page.getByTestId('workflows-table').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await buildTree(page, key);
        if (locale === 'he') {
          // RTL: the first branch stands to the right of the second.
          const first = await page.getByTestId('branch-branch1').boundingBox();
          const second = await page.getByTestId('branch-branch2').boundingBox();
          expect((first?.x ?? 0) > (second?.x ?? 0)).toBe(true);
        }
        await serverRefusesThenFix(page, key, locale);
        await page.getByTestId('designer-save').click();
        await page.waitForURL(/\/workflows\/[0-9a-f-]{36}$/);
        await expect.poll(async () => (await versionsOf(key))[0]?.status, settle).toBe('draft');
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByTestId('designer-publish').click();
        await expect.poll(async () => (await versionsOf(key))[0]?.status, settle).toBe('published');
        const saved = (await versionsOf(key))[0];
        expect(saved?.body.process.map((n) => n.type)).toEqual(['start', 'condition', 'parallel', 'end']);
        // Published: read-only, a new version is offered instead of save.
        await page.getByTestId('designer-new-version').waitFor();
        expect(await page.getByTestId('designer-save').count()).toBe(0);
        expect(watch.errors).toEqual([]);
        expect(watch.cspViolations).toEqual([]);
        expect(watch.foreignRequests).toEqual([]);
        await context.close();
      },
    );
  }
});
