import { describe, expect, it } from 'vitest';
import {
  act,
  approval,
  as,
  call,
  detail,
  end,
  initiator,
  pending,
  publish,
  rowCounts,
  start,
  startApproval,
  user,
  useWorkflowApp,
} from '../../../../test/workflow-kit.js';
import { workflowErrors } from '../workflow.errors.js';

const t = useWorkflowApp(async (t) => {
  await publish(t, 'percent', [
    start,
    approval('p1', [2, 3, 4, 5], { mode: 'percentage', percentage: 60 }),
    end,
  ]);
  await publish(t, 'half', [start, approval('p1', [2, 3], { mode: 'percentage', percentage: 50 }), end]);
  await publish(t, 'sequential', [start, approval('s1', [2, 3], { mode: 'sequential' }), end]);
  await publish(t, 'back', [start, approval('a1', [2], { on_reject: 'initiator' }), end]);
  await publish(t, 'simple', [start, approval('a1', [2]), approval('a2', [3]), end]);
  await publish(t, 'fork-return', [
    start,
    approval('a0', [2]),
    {
      id: 'par',
      type: 'parallel',
      branches: [
        { id: 'l', nodes: [approval('l1', [3]), approval('l2', [4])] },
        { id: 'r', nodes: [approval('r1', [5])] },
      ],
    },
    end,
  ]);
});

describe('approval modes', () => {
  it('percentage: approves at ceil(60% of 4) = 3 approvals, rejects once 3 can no longer be reached', async () => {
    let d = await startApproval(t, 'percent');
    d = await act(t, 2, d.id, 'approve');
    d = await act(t, 3, d.id, 'approve');
    expect(d.status).toBe('running');
    d = await act(t, 4, d.id, 'approve');
    expect([d.status, pending(d)]).toEqual(['approved', []]);
    let r = await startApproval(t, 'percent');
    r = await act(t, 2, r.id, 'reject');
    expect(r.status).toBe('running');
    r = await act(t, 3, r.id, 'reject');
    expect(r.status).toBe('rejected');
  });

  it('add-sign in parallel raises the counted approvers: 50% of 3 needs 2 approvals', async () => {
    let d = await startApproval(t, 'half');
    d = await act(t, 2, d.id, 'add-sign', { user_id: user(6), position: 'parallel' });
    expect(pending(d)).toEqual(['p1:2', 'p1:3', 'p1:6']);
    d = await act(t, 2, d.id, 'approve');
    expect(d.status).toBe('running');
    d = await act(t, 6, d.id, 'approve');
    expect(d.status).toBe('approved');
  });

  it('add-sign before: the added approver decides first; after: the added approver must approve too', async () => {
    let d = await startApproval(t, 'simple');
    d = await act(t, 2, d.id, 'add-sign', { user_id: user(6), position: 'before' });
    expect(pending(d)).toEqual(['a1:6']);
    await act(t, 2, d.id, 'approve', {}, 409);
    d = await act(t, 6, d.id, 'approve');
    expect(pending(d)).toEqual(['a1:2']);
    d = await act(t, 2, d.id, 'add-sign', { user_id: user(7), position: 'after' });
    d = await act(t, 2, d.id, 'approve');
    expect(pending(d)).toEqual(['a1:7']);
    d = await act(t, 7, d.id, 'approve');
    expect(pending(d)).toEqual(['a2:3']);
  });

  it('sequential: the next approver gets the task once the one before approved', async () => {
    let d = await startApproval(t, 'sequential');
    expect(pending(d)).toEqual(['s1:2']);
    expect(d.tasks.find((x) => x.assignee_id === user(3))?.status).toBe('queued');
    d = await act(t, 2, d.id, 'approve');
    expect(pending(d)).toEqual(['s1:3']);
    d = await act(t, 3, d.id, 'approve');
    expect(d.status).toBe('approved');
  });
});

describe('approval actions', () => {
  it('reject ends the approval; reject back to the initiator lets them resubmit', async () => {
    const ended = await act(t, 2, (await startApproval(t, 'simple')).id, 'reject', { comment: 'no' });
    expect([ended.status, pending(ended)]).toEqual(['rejected', []]);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', ended.id)
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'workflow.instance.started', actor_id: initiator },
      { action: 'workflow.task.rejected', actor_id: user(2) },
      { action: 'workflow.instance.rejected', actor_id: user(2) },
    ]);
    const messages = await t.database.db
      .selectFrom('notification_messages')
      .select('template_code')
      .where('params', 'like', `%${ended.id}%`)
      .orderBy('created_at')
      .execute();
    expect(messages.map((m) => m.template_code).sort()).toEqual([
      'workflow.finished',
      'workflow.task-assigned',
    ]);
    let d = await startApproval(t, 'back');
    d = await act(t, 2, d.id, 'reject');
    expect(d.status).toBe('returned');
    await act(t, 2, d.id, 'resubmit', {}, 403);
    d = await act(t, 1, d.id, 'resubmit', { form_data: { amount: 50 } });
    expect([d.status, pending(d), d.form_data.amount]).toEqual(['running', ['a1:2'], 50]);
  });

  it('transfer hands the task on; the old assignee can no longer decide', async () => {
    let d = await startApproval(t, 'simple');
    const self = await call(t, 'POST', `/approvals/${d.id}/transfer`, as(user(2)), { to_user_id: user(2) });
    expect([self.statusCode, self.json().code]).toEqual([400, workflowErrors.TARGET_INVALID.api]);
    d = await act(t, 2, d.id, 'transfer', { to_user_id: user(8), comment: 'on leave' });
    expect(pending(d)).toEqual(['a1:8']);
    const stale = await call(t, 'POST', `/approvals/${d.id}/approve`, as(user(2)), {});
    expect([stale.statusCode, stale.json().code]).toEqual([409, workflowErrors.TASK_ALREADY_DECIDED.api]);
    d = await act(t, 8, d.id, 'approve');
    expect(pending(d)).toEqual(['a2:3']);
  });

  it('withdraw: only the initiator; open tasks close and later decisions are refused', async () => {
    let d = await startApproval(t, 'simple');
    const notMine = await call(t, 'POST', `/approvals/${d.id}/withdraw`, as(user(2)), {});
    expect([notMine.statusCode, notMine.json().code]).toEqual([403, workflowErrors.NOT_YOUR_TASK.api]);
    d = await act(t, 1, d.id, 'withdraw', { comment: 'changed my mind' });
    expect([d.status, pending(d)]).toEqual(['withdrawn', []]);
    const late = await call(t, 'POST', `/approvals/${d.id}/approve`, as(user(2)), {});
    expect(late.statusCode).toBe(409);
  });

  it('return to an earlier node across parallel branches closes every branch and runs again from there', async () => {
    let d = await startApproval(t, 'fork-return');
    d = await act(t, 2, d.id, 'approve');
    d = await act(t, 3, d.id, 'approve');
    expect(pending(d)).toEqual(['l2:4', 'r1:5']);
    const forward = await call(t, 'POST', `/approvals/${d.id}/return`, as(user(4)), { target_node_id: 'r1' });
    expect([forward.statusCode, forward.json().code]).toEqual([400, workflowErrors.TARGET_INVALID.api]);
    d = await act(t, 4, d.id, 'return', { target_node_id: 'a0', comment: 'amount unclear' });
    expect(pending(d)).toEqual(['a0:2']);
    const live = await t.database.db
      .selectFrom('workflow_tokens')
      .select('status')
      .where('instance_id', '=', d.id)
      .where('status', 'in', ['active', 'waiting'])
      .execute();
    expect(live).toHaveLength(1);
    d = await act(t, 2, d.id, 'approve');
    expect(pending(d)).toEqual(['l1:3', 'r1:5']);
    d = await act(t, 3, d.id, 'approve');
    d = await act(t, 5, d.id, 'approve');
    d = await act(t, 4, d.id, 'approve');
    expect(d.status).toBe('approved');
  });

  it('urge is rate-limited; comments join the timeline', async () => {
    let d = await startApproval(t, 'simple');
    d = await act(t, 1, d.id, 'urge');
    const again = await call(t, 'POST', `/approvals/${d.id}/urge`, as(initiator), {});
    expect([again.statusCode, again.json().code]).toEqual([409, workflowErrors.URGE_TOO_SOON.api]);
    d = await act(t, 2, d.id, 'comment', { comment: 'looking at it' });
    expect(d.timeline.map((e) => e.action)).toEqual(['start', 'urge', 'comment']);
  });
});

describe('bad input and data scope', () => {
  it('bad form data, unknown definitions and unknown tasks get clear errors and change nothing', async () => {
    const before = await rowCounts(t);
    const bad = await call(t, 'POST', '/approvals', as(initiator), {
      definition_key: 'simple',
      title: 'x',
      form_data: { amount: 'lots', colour: 'red' },
    });
    expect([bad.statusCode, bad.json().code]).toEqual([400, workflowErrors.FORM_INVALID.api]);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['form_data.amount', 'form_data.colour']);
    const missing = await call(t, 'POST', '/approvals', as(initiator), {
      definition_key: 'nope',
      title: 'x',
      form_data: {},
    });
    expect(missing.statusCode).toBe(404);
    expect(await rowCounts(t)).toEqual(before);
    const d = await startApproval(t, 'simple');
    const mid = await rowCounts(t);
    const ghost = await call(t, 'POST', `/approvals/${d.id}/approve`, as(user(2)), {
      task_id: '019a0000-0000-7000-8000-00000000ffff',
    });
    expect(ghost.statusCode).toBe(404);
    const invalid = await call(t, 'POST', `/approvals/${d.id}/add-sign`, as(user(2)), {
      user_id: user(6),
      position: 'sideways',
    });
    expect(invalid.statusCode).toBe(400);
    expect(await rowCounts(t)).toEqual(mid);
  });

  it('people see only approvals they take part in; administrators see all', async () => {
    const d = await startApproval(t, 'simple');
    expect((await call(t, 'GET', `/approvals/${d.id}`, as(user(40)))).statusCode).toBe(404);
    expect(
      (await call(t, 'POST', `/approvals/${d.id}/comment`, as(user(40)), { comment: 'hi' })).statusCode,
    ).toBe(404);
    expect((await call(t, 'GET', '/approvals?box=all', as(user(40)))).statusCode).toBe(403);
    const todo = (await call(t, 'GET', '/approvals?box=todo', as(user(2)))).json().data;
    expect(todo.items.map((i: { id: string }) => i.id)).toContain(d.id);
    const counts = (await call(t, 'GET', '/approvals/counts', as(user(40)))).json().data;
    expect(counts).toEqual({ todo: 0, done: 0, initiated: 0, cc: 0, cc_unread: 0 });
    expect((await detail(t, d.id)).id).toBe(d.id);
  });
});
