import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { type Locale, openContext } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, apiToken, linkIn, mailTo, signIn } from './support/flows';

const password = 'Amber-Harbour-58!';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/**
 * The approval pages (docs/workflow.md, Pages) against the real server: an administrator
 * publishes a two-step workflow through the API; Ana starts it from the start page, Ben
 * and Cai share the or-sign first step (the second to decide is refused with 409; Ben
 * attaches a file to his approval), Dan approves the second step from his inbox in a
 * batch, and the timeline shows every step and the file.
 */
describe('approval pages', () => {
  let server: E2eServer;
  let browser: Browser;
  let token: string;
  let approvalId = '';
  const ids: Record<string, string> = {};

  async function createUser(username: string, fullName: string): Promise<string> {
    const before = server.mail.messages.length;
    const created = await apiCall<{ id: string }>(server.url, token, 'POST', '/users', {
      username,
      full_name: fullName,
      email: `${username}@example.test`,
      roles: ['approval_user'],
    });
    const link = linkIn((await mailTo(server.mail, `${username}@example.test`, before)).text);
    await apiCall(server.url, '', 'POST', '/auth/password/reset', {
      token: decodeURIComponent(new URL(link).hash.replace('#token=', '')),
      new_password: password,
    });
    return created.id;
  }

  beforeAll(async () => {
    ({ server, browser, token } = await startWithAdmin());
    await apiCall(server.url, token, 'POST', '/roles', {
      code: 'approval_user',
      name: 'Approval user',
      data_scope: 'all',
      mfa_required: false,
      // Uploading attachments goes through the documents module and its permissions.
      permissions: ['workflow.approval.use', 'documents.document.upload', 'documents.document.read'],
    });
    for (const [name, full] of [
      ['ana', 'Ana Initiator'],
      ['ben', 'Ben Manager'],
      ['cai', 'Cai Deputy'],
      ['dan', 'Dan Finance'],
    ] as const)
      ids[name] = await createUser(name, full);
    const [ben, cai, dan] = [ids.ben, ids.cai, ids.dan];
    const definition = await apiCall<{ id: string }>(server.url, token, 'POST', '/workflows', {
      key: 'trip',
      name: 'Business trip',
      body: {
        form: {
          fields: [
            { key: 'amount', label: 'Amount', type: 'number', required: true },
            { key: 'reason', label: 'Reason', type: 'text' },
          ],
        },
        process: [
          { id: 'start', type: 'start' },
          {
            id: 'mgr',
            type: 'approval',
            name: 'Manager',
            mode: 'or',
            approvers: [{ type: 'user', user_ids: [ben, cai] }],
            field_permissions: { reason: 'hidden' },
          },
          { id: 'fin', type: 'approval', name: 'Finance', approvers: [{ type: 'user', user_ids: [dan] }] },
          { id: 'end', type: 'end' },
        ],
      },
    });
    await apiCall(server.url, token, 'POST', `/workflows/${definition.id}/publish`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function as(username: string, path: string, options: { locale?: Locale; width?: number } = {}) {
    const opened = await openContext(browser, server.url, options);
    await signIn(opened.page, server.url, username, password, path);
    return opened;
  }
  const count = (page: Page, box: string) => page.getByTestId(`approvals-count-${box}`).textContent();

  it('Ana starts an approval from a published workflow: typed form, required field, progress', async () => {
    const { context, page, watch } = await as('ana', '/approvals/new');
    await page.getByTestId('approvals-start-workflow').click();
    await page.locator('.ant-select-item-option', { hasText: 'Business trip' }).click();
    await page.getByTestId('approvals-start-title').fill('Trip to Haifa');
    await page.getByTestId('approvals-start-submit').click();
    // The required amount is asked for before anything is sent.
    await page.getByTestId('approval-field-amount').getByRole('alert').waitFor();
    await page.getByTestId('approval-field-amount').locator('input').fill('1200');
    await page.getByTestId('approval-field-reason').locator('input').fill('Customer visit');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('approvals-start-submit').click();
    await page.waitForURL(/\/approvals\/[0-9a-f-]{36}$/);
    approvalId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByTestId('approval-status').waitFor();
    expect(await page.getByTestId('progress-node-mgr').getAttribute('data-state')).toBe('current');
    expect(await page.getByTestId('progress-node-fin').getAttribute('data-state')).toBe('pending');
    expect(await page.getByTestId('approval-timeline').textContent()).toContain('Ana Initiator');
    // The initiator may withdraw and urge, not decide.
    expect(await page.getByTestId('approval-action-approve').count()).toBe(0);
    await page.getByTestId('approval-action-withdraw').waitFor();
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it('on a phone (390 px, Hebrew): one column, urge once, the second urge is refused clearly', async () => {
    const { context, page, watch } = await as('ana', `/m/approvals/${approvalId}`, {
      locale: 'he',
      width: 390,
    });
    await page.getByTestId('approval-action-urge').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId('approval-action-urge').click();
    await expect.poll(() => page.getByTestId('timeline-urge').count()).toBe(1);
    await page.getByTestId('approval-action-urge').click();
    const error = page.getByTestId('approval-action-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('תזכורת');
    expect(await seriousViolations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('or-sign: Ben approves from his inbox (counts change); Cai, on the same step, gets a clear 409', async () => {
    const cai = await as('cai', `/approvals/${approvalId}`);
    await cai.page.getByTestId('approval-action-approve').waitFor();
    // The manager step hides the reason from its approvers.
    expect(await cai.page.getByTestId('approval-field-reason').count()).toBe(0);

    const { context, page, watch } = await as('ben', '/approvals');
    await expect.poll(() => count(page, 'todo'), { timeout: 10_000 }).toBe('1');
    expect(await count(page, 'done')).toBe('0');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('approvals-open').first().click();
    await page.getByTestId('approval-action-approve').click();
    await page.getByTestId('approval-comment').fill('Fine by me');
    // A program posing as a PDF is refused by the documents upload and not attached.
    const input = page.getByTestId('approval-attachment-input');
    await input.setInputFiles({
      name: 'quote.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\x90\x00x'),
    });
    const refused = page.locator('.ant-modal [role="alert"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('quote.pdf');
    await input.setInputFiles({ name: 'hotel-quote.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('approval-attachment-chosen').waitFor();
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await page.getByTestId('approval-dialog-ok').click();
    await expect.poll(() => page.getByTestId('timeline-approve').count()).toBe(1);
    expect(await page.getByTestId('approval-timeline').textContent()).toContain('Fine by me');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('timeline-attachment').filter({ hasText: 'hotel-quote.pdf' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('hotel-quote.pdf');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.getByTestId('progress-node-mgr').getAttribute('data-state')).toBe('done');
    expect(await page.getByTestId('progress-node-fin').getAttribute('data-state')).toBe('current');
    await page.goto(`${server.url}/approvals`);
    await expect.poll(() => count(page, 'done')).toBe('1');
    expect(await count(page, 'todo')).toBe('0');
    // The one error expected: the browser logs the refused upload's 415.
    expect(watch.errors.filter((e) => !e.includes('status of 415'))).toEqual([]);
    await context.close();

    // Cai's page still offers the decision Ben already made: the server refuses it (409).
    await cai.page.getByTestId('approval-action-approve').click();
    await cai.page.getByTestId('approval-dialog-ok').click();
    const error = cai.page.getByTestId('approval-action-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Someone acted on this approval first');
    // Reloaded: the decision buttons are gone.
    await expect.poll(() => cai.page.getByTestId('approval-action-approve').count()).toBe(0);
    await cai.context.close();
  });

  it('Dan approves the finance step in a batch from to-do (zh-CN); the approval is approved', async () => {
    const { context, page, watch } = await as('dan', '/approvals', { locale: 'zh-CN' });
    await expect.poll(() => count(page, 'todo'), { timeout: 10_000 }).toBe('1');
    await page.locator('[data-testid="approvals-table"] tbody .ant-checkbox-input').first().check();
    await page.getByTestId('approvals-batch-approve').click();
    await expect.poll(() => count(page, 'todo')).toBe('0');
    expect(await count(page, 'done')).toBe('1');
    expect(await seriousViolations(page)).toEqual([]);
    // The tab strip follows the ARIA tabs pattern: the arrow key moves to the next box.
    await page.getByTestId('approvals-tab-todo').focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByTestId('approvals-tab-done').getAttribute('aria-selected'))
      .toBe('true');
    await page.getByTestId('approvals-open').first().click();
    await expect.poll(() => page.getByTestId('approval-status').textContent()).toContain('已通过');
    expect(await page.getByTestId('timeline-approve').count()).toBe(2);
    // Ben's attachment is listed for Dan too, a later approver of the same approval.
    expect(await page.getByTestId('timeline-attachment').textContent()).toContain('hotel-quote.pdf');
    expect(await page.getByTestId('progress-node-end').getAttribute('data-state')).toBe('done');
    expect(await seriousViolations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('return to an earlier step, transfer, add an approver after, reject: each through its dialog', async () => {
    const ana = await apiToken(server.url, 'ana', password);
    const started = await apiCall<{ id: string }>(server.url, ana, 'POST', '/approvals', {
      definition_key: 'trip',
      title: 'Second trip',
      form_data: { amount: 50 },
    });
    const ben = await apiToken(server.url, 'ben', password);
    await apiCall(server.url, ben, 'POST', `/approvals/${started.id}/approve`, {});
    const url = `/approvals/${started.id}`;

    // Dan sends it back to the manager step.
    let opened = await as('dan', url);
    await opened.page.getByTestId('approval-action-return').click();
    await opened.page.getByTestId('approval-return-target').click();
    await opened.page.locator('.ant-select-item-option', { hasText: 'Manager' }).click();
    expect(await seriousViolations(opened.page, '.ant-modal')).toEqual([]);
    await opened.page.getByTestId('approval-dialog-ok').click();
    await expect.poll(() => opened.page.getByTestId('timeline-return').count()).toBe(1);
    expect(await opened.page.getByTestId('progress-node-mgr').getAttribute('data-state')).toBe('current');
    await opened.context.close();

    // Ben hands his new task to Dan (typed id: this role may not list users).
    opened = await as('ben', url);
    await opened.page.getByTestId('approval-action-transfer').click();
    await opened.page.getByTestId('approval-dialog-ok').click();
    await opened.page.locator('.ant-modal [role="alert"]').waitFor(); // nobody chosen yet
    await opened.page.getByTestId('approval-person').fill(ids.dan ?? '');
    await opened.page.getByTestId('approval-dialog-ok').click();
    await expect.poll(() => opened.page.getByTestId('timeline-transfer').count()).toBe(1);
    expect(await opened.page.getByTestId('approval-action-approve').count()).toBe(0);
    await opened.context.close();

    // Cai adds Ana after herself, then rejects: the dialog says the rejection ends it.
    opened = await as('cai', url);
    await opened.page.getByTestId('approval-action-add-sign').click();
    await opened.page.getByTestId('approval-person').fill(ids.ana ?? '');
    await opened.page.locator('.ant-modal .ant-radio-wrapper').nth(1).click();
    await opened.page.getByTestId('approval-dialog-ok').click();
    await expect.poll(() => opened.page.getByTestId('timeline-add_sign').count()).toBe(1);
    await opened.page.getByTestId('approval-action-reject').click();
    expect(await opened.page.locator('.ant-modal').textContent()).toContain('Rejecting ends this approval');
    await opened.page.getByTestId('approval-comment').fill('Over budget');
    await opened.page.getByTestId('approval-dialog-ok').click();
    await expect.poll(() => opened.page.getByTestId('approval-status').textContent()).toContain('Rejected');
    expect(await opened.page.getByTestId('approval-timeline').textContent()).toContain('Over budget');
    expect(await opened.page.getByTestId('progress-node-fin').getAttribute('data-state')).toBe('skipped');
    expect(opened.watch.errors).toEqual([]);
    await opened.context.close();
  });
});
