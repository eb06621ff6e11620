import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/test-app.js';
import {
  act,
  approval,
  as,
  call,
  createWorkflowApp,
  detail,
  end,
  initiator,
  pending,
  publish,
  start,
  startApproval,
  user,
} from '../../../../test/workflow-kit.js';
import { workflowErrors } from '../workflow.errors.js';

/** Node SLAs: reminder, escalation and timeout jobs, run by the job runtime when due. */
let t: TestApp;
beforeAll(async () => {
  t = await createWorkflowApp();
  const sla = {
    remind_after: 3600,
    escalate_after: 7200,
    escalate_to: { type: 'user', user_id: user(5) },
    timeout_after: 86_400,
    on_timeout: 'approve',
  };
  await publish(t, 'sla-approve', [start, approval('a1', [2, 3], { mode: 'and', sla }), end]);
  await publish(t, 'sla-reject', [
    start,
    approval('a1', [2], { sla: { timeout_after: 60, on_timeout: 'reject' } }),
    end,
  ]);
}, 180_000);
afterAll(() => t.close());

/** Makes this instance's SLA jobs of one kind due now and runs them. */
async function due(kind: string): Promise<void> {
  await t.database.db
    .updateTable('jobs')
    .set({ run_at: '2000-01-01T00:00:00.000Z' })
    .where('name', '=', 'workflow.sla.due')
    .where('payload', 'like', `%"kind":"${kind}"%`)
    .execute();
  await t.app.signx.jobs.drain();
}

const actions = async (id: string) => (await detail(t, id)).timeline.map((e) => e.action);

describe('node SLAs', () => {
  it('reminds, escalates to a person, then approves on timeout', async () => {
    const d = await startApproval(t, 'sla-approve');
    await t.app.signx.jobs.drain();
    expect(await actions(d.id)).not.toContain('sla_remind'); // not due yet
    await due('remind');
    expect(await actions(d.id)).toContain('sla_remind');
    const urged = await t.database.db
      .selectFrom('notification_messages')
      .select('template_code')
      .where('params', 'like', `%${d.id}%`)
      .where('template_code', '=', 'workflow.urged')
      .execute();
    expect(urged).toHaveLength(1);

    await act(t, 3, d.id, 'approve');
    await due('escalate');
    let now = await detail(t, d.id);
    // user 2 was late: their task went to user 5; user 3 had decided and keeps their approval
    expect(pending(now)).toEqual(['a1:5']);
    expect(now.tasks.find((x) => x.assignee_id === user(2))?.status).toBe('transferred');
    await due('escalate'); // a repeat changes nothing
    expect(pending(await detail(t, d.id))).toEqual(['a1:5']);

    await due('timeout');
    now = await detail(t, d.id);
    expect(now.status).toBe('approved');
    expect(now.timeline.filter((e) => e.action === 'sla_timeout')).toHaveLength(1);
  });

  it('rejects on timeout; a node decided in time is left alone', async () => {
    const late = await startApproval(t, 'sla-reject');
    const onTime = await startApproval(t, 'sla-reject');
    await act(t, 2, onTime.id, 'approve');
    await due('timeout');
    expect((await detail(t, late.id)).status).toBe('rejected');
    const kept = await detail(t, onTime.id);
    expect(kept.status).toBe('approved');
    expect(kept.timeline.map((e) => e.action)).not.toContain('sla_timeout');
  });

  it('refuses bad SLA settings (40053 per node)', async () => {
    const bad = await call(t, 'POST', '/workflows', as(initiator), {
      key: 'bad-sla',
      name: 'bad',
      body: {
        form: { fields: [] },
        process: [
          start,
          approval('a1', [2], { sla: { remind_after: 0, timeout_after: 60 } }),
          approval('a2', [2], {
            sla: { escalate_after: 60, escalate_to: { type: 'department_head', levels: 0 } },
          }),
          { id: 'c1', type: 'cc', recipients: [{ type: 'initiator' }], sla: { remind_after: 60 } },
          end,
        ],
      },
    });
    expect([bad.statusCode, bad.json().code]).toEqual([400, workflowErrors.DEFINITION_INVALID.api]);
    expect(bad.json().details.issues.map((i: { node_id: string }) => i.node_id)).toEqual([
      'a1',
      'a1',
      'a2',
      'c1',
    ]);
  });
});
