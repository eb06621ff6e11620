import { describe, expect, it } from 'vitest';
import {
  act,
  approval,
  as,
  call,
  detail,
  end,
  pending,
  publish,
  start,
  startApproval,
  user,
  useWorkflowApp,
} from '../../../../test/workflow-kit.js';
import { workflowErrors } from '../workflow.errors.js';

// Concurrent requests: on PostgreSQL they overlap for real (the token row lock and the
// compare-and-set on the task decide); on SQLite the transactions queue.
const t = useWorkflowApp(async (t) => {
  await publish(t, 'or-sign', [start, approval('a1', [2, 3], { mode: 'or' }), approval('a2', [4]), end]);
  await publish(t, 'countersign', [start, approval('a1', [2, 3], { mode: 'and' }), approval('a2', [4]), end]);
  await publish(t, 'fork', [
    start,
    {
      id: 'par',
      type: 'parallel',
      branches: [
        { id: 'l', nodes: [approval('l1', [2])] },
        { id: 'r', nodes: [approval('r1', [3])] },
      ],
    },
    approval('after', [4]),
    end,
  ]);
});

const approve = (who: number, id: string, headers: Record<string, string> = {}) =>
  call(t, 'POST', `/approvals/${id}/approve`, { ...as(user(who)), ...headers }, {});

describe('race safety', () => {
  it('or-sign: two approvers at the same moment → exactly one wins, the other gets 409', async () => {
    for (let round = 0; round < 3; round += 1) {
      const d = await startApproval(t, 'or-sign');
      const answers = await Promise.all([approve(2, d.id), approve(3, d.id)]);
      const statuses = answers.map((a) => a.statusCode).sort();
      expect(statuses).toEqual([200, 409]);
      const loser = answers.find((a) => a.statusCode === 409);
      expect(loser?.json().code).toBe(workflowErrors.TASK_ALREADY_DECIDED.api);
      const after = await detail(t, d.id);
      expect(pending(after)).toEqual(['a2:4']);
      expect(after.timeline.filter((e) => e.action === 'approve')).toHaveLength(1);
    }
  });

  it('a double click is idempotent: the same decision again, or the same Idempotency-Key, changes nothing', async () => {
    const d = await startApproval(t, 'or-sign');
    const key = { 'idempotency-key': `click-${d.id}` };
    const [first, second] = await Promise.all([approve(2, d.id, key), approve(2, d.id, key)]);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    const again = await approve(2, d.id);
    expect(again.statusCode).toBe(200);
    const after = await detail(t, d.id);
    expect(after.timeline.filter((e) => e.action === 'approve')).toHaveLength(1);
    expect(pending(after)).toEqual(['a2:4']);
    // A different decision by the same person after the node moved on is a conflict.
    const late = await call(t, 'POST', `/approvals/${d.id}/reject`, as(user(2)), {});
    expect([late.statusCode, late.json().code]).toEqual([409, workflowErrors.TASK_ALREADY_DECIDED.api]);
  });

  it('countersign: concurrent approvals of all approvers complete the node exactly once', async () => {
    const d = await startApproval(t, 'countersign');
    const answers = await Promise.all([approve(2, d.id), approve(3, d.id)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const after = await detail(t, d.id);
    expect(pending(after)).toEqual(['a2:4']);
    expect(after.tasks.filter((x) => x.node_id === 'a2')).toHaveLength(1);
  });

  it('parallel join: branches finishing at the same moment join once, with no hanging join', async () => {
    const d = await startApproval(t, 'fork');
    expect(pending(d)).toEqual(['l1:2', 'r1:3']);
    const answers = await Promise.all([approve(2, d.id), approve(3, d.id)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const after = await detail(t, d.id);
    expect(pending(after)).toEqual(['after:4']);
    expect(after.tasks.filter((x) => x.node_id === 'after')).toHaveLength(1);
    const done = await act(t, 4, d.id, 'approve');
    expect(done.status).toBe('approved');
  });
});
