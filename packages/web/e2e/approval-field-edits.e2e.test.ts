import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithAdmin } from './support/admin-session';
import { seriousViolations } from './support/axe';
import { openContext } from './support/browser';
import type { E2eServer } from './support/e2e-server';
import { apiCall, apiToken, signIn } from './support/flows';
import { createApprovalUsers } from './support/people';

const password = 'Amber-Harbour-58!';

/**
 * Editing fields while approving (docs/workflow.md, Editing fields during approval): the
 * manager's step grants edit on the amount and read on the reason; Ben sees the amount as
 * an input and the reason as text, a cleared required amount is refused under the field,
 * and the changed amount goes with his approval as `form_changes`.
 */
describe('approval page: form changes', () => {
  let server: E2eServer;
  let browser: Browser;
  let approvalId = '';
  let phoneId = '';
  let part11Id = '';

  beforeAll(async () => {
    let token: string;
    ({ server, browser, token } = await startWithAdmin());
    const ids = await createApprovalUsers(
      server,
      token,
      [
        ['ana', 'ana'],
        ['ben', 'ben'],
      ],
      password,
    );
    const definition = await apiCall<{ id: string }>(server.url, token, 'POST', '/workflows', {
      key: 'budget',
      name: 'Budget',
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
            approvers: [{ type: 'user', user_ids: [ids.ben] }],
            field_permissions: { amount: 'edit', reason: 'read' },
          },
          { id: 'end', type: 'end' },
        ],
      },
    });
    await apiCall(server.url, token, 'POST', `/workflows/${definition.id}/publish`);
    const sop = await apiCall<{ id: string }>(server.url, token, 'POST', '/workflows', {
      key: 'sop',
      name: 'SOP release',
      body: {
        form: { fields: [{ key: 'amount', label: 'Amount', type: 'number', required: true }] },
        process: [
          { id: 'start', type: 'start' },
          {
            id: 'qa',
            type: 'signature',
            approvers: [{ type: 'user', user_ids: [ids.ben] }],
            meaning: 'approval',
          },
          { id: 'end', type: 'end' },
        ],
      },
    });
    await apiCall(server.url, token, 'POST', `/workflows/${sop.id}/publish`);
    const ana = await apiToken(server.url, 'ana', password);
    const startOne = async (key: string, title: string) =>
      (
        await apiCall<{ id: string }>(server.url, ana, 'POST', '/approvals', {
          definition_key: key,
          title,
          form_data: key === 'sop' ? { amount: 1 } : { amount: 100, reason: 'Offsite' },
        })
      ).id;
    approvalId = await startOne('budget', 'Team offsite');
    phoneId = await startOne('budget', 'Offsite from the phone');
    part11Id = await startOne('sop', 'SOP-7');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Ben changes the amount his step may edit and approves; a cleared amount is refused by field', async () => {
    const { context, page, watch } = await openContext(browser, server.url, {});
    await signIn(page, server.url, 'ben', password, `/approvals/${approvalId}`);
    const amount = page.getByTestId('approval-field-amount').locator('input');
    await amount.waitFor();
    expect(await page.getByTestId('approval-field-reason').locator('input').count()).toBe(0);
    expect(await page.getByTestId('approval-field-reason').textContent()).toContain('Offsite');
    expect(await seriousViolations(page)).toEqual([]);

    await amount.fill('');
    await page.getByTestId('approval-action-approve').click();
    await page.getByTestId('approval-dialog-ok').click();
    await page.getByTestId('approval-field-amount').getByRole('alert').waitFor();
    await page.keyboard.press('Escape');
    const ben = await apiToken(server.url, 'ben', password);
    const unchanged = await apiCall<{ status: string; form_data: Record<string, unknown> }>(
      server.url,
      ben,
      'GET',
      `/approvals/${approvalId}`,
    );
    expect([unchanged.status, unchanged.form_data.amount]).toEqual(['running', 100]);

    await amount.fill('250');
    await page.getByTestId('approval-action-approve').click();
    await page.getByTestId('approval-dialog-ok').click();
    await expect.poll(() => page.getByTestId('approval-status').textContent()).toContain('Approved');
    const after = await apiCall<{
      form_data: Record<string, unknown>;
      timeline: { action: string; details: { field_changes?: unknown[] } }[];
    }>(server.url, ben, 'GET', `/approvals/${approvalId}`);
    expect(after.form_data).toEqual({ amount: 250, reason: 'Offsite' });
    expect(after.timeline.find((e) => e.action === 'approve')?.details.field_changes).toEqual([
      { field: 'amount', old: 100, new: 250 },
    ]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it("on the phone page Ben's edit of the amount goes with his approval as form_changes", async () => {
    const { context, page, watch } = await openContext(browser, server.url, {});
    await signIn(page, server.url, 'ben', password, `/m/approvals/${phoneId}`);
    const amount = page.getByTestId('approval-field-amount').locator('input');
    await amount.waitFor();
    await amount.fill('300');
    await page.getByTestId('approval-action-approve').click();
    await page.getByTestId('approval-dialog-ok').click();
    await expect.poll(() => page.getByTestId('approval-status').textContent()).toContain('Approved');
    const ben = await apiToken(server.url, 'ben', password);
    const after = await apiCall<{ form_data: Record<string, unknown> }>(
      server.url,
      ben,
      'GET',
      `/approvals/${phoneId}`,
    );
    expect(after.form_data).toEqual({ amount: 300, reason: 'Offsite' });
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('Ben declines his Part 11 signature task with a reason; without one the dialog asks for it', async () => {
    const { context, page, watch } = await openContext(browser, server.url, {});
    await signIn(page, server.url, 'ben', password, `/approvals/${part11Id}`);
    await page.getByTestId('approval-action-decline').click();
    await page.getByTestId('approval-dialog-ok').click();
    await page.getByTestId('approval-dialog').getByRole('alert').filter({ hasText: 'reason' }).waitFor();
    await page.getByTestId('approval-comment').fill('Wrong revision');
    await page.getByTestId('approval-dialog-ok').click();
    await expect.poll(() => page.getByTestId('approval-status').textContent()).toContain('Rejected');
    const ben = await apiToken(server.url, 'ben', password);
    const after = await apiCall<{ status: string; timeline: { action: string; comment: string | null }[] }>(
      server.url,
      ben,
      'GET',
      `/approvals/${part11Id}`,
    );
    expect(after.timeline.find((e) => e.action === 'reject')?.comment).toBe('Wrong revision');
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
