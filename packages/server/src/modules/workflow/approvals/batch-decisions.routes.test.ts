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
  rowCounts,
  start,
  startApproval,
  user,
  useWorkflowApp,
} from '../../../../test/workflow-kit.js';
import { workflowErrors } from '../workflow.errors.js';

/** `POST /approvals/batch`: many decisions in one call, each on its own and reported. */
const t = useWorkflowApp(async (t) => {
  await publish(t, 'two-step', [start, approval('a1', [2]), approval('a2', [4]), end]);
  await publish(t, 'or-sign', [start, approval('a1', [2, 3], { mode: 'or' }), end]);
  await publish(t, 'other', [start, approval('a1', [5]), end]);
});

type Item = {
  approval_id: string;
  ok: boolean;
  status: number;
  code: number | null;
  approval_status: string | null;
};
const batch = async (who: number, body: object, status = 200) => {
  const response = await call(t, 'POST', '/approvals/batch', as(user(who)), body);
  expect(response.statusCode, response.body).toBe(status);
  return response.json().data as { items: Item[]; succeeded: number; failed: number };
};

describe('batch decisions', () => {
  it('approves every item it can and reports each refusal, leaving the refused ones untouched', async () => {
    const mine = await startApproval(t, 'two-step');
    const raced = await startApproval(t, 'or-sign');
    const notMine = await startApproval(t, 'other');
    const direct = await startApproval(t, 'or-sign');
    await act(t, 3, raced.id, 'approve'); // someone decided first: the approval is over
    const result = await batch(2, {
      decision: 'approve',
      comment: 'Batch OK',
      items: [mine, raced, notMine, direct].map((d) => ({ approval_id: d.id })),
    });
    expect(result.items.map((i) => [i.approval_id, i.ok, i.status, i.code, i.approval_status])).toEqual([
      [mine.id, true, 200, null, 'running'],
      [raced.id, false, 409, workflowErrors.INSTANCE_NOT_RUNNING.api, null],
      [notMine.id, false, 404, 40401, null],
      [direct.id, true, 200, null, 'approved'],
    ]);
    expect([result.succeeded, result.failed]).toEqual([2, 2]);
    expect(pending(await detail(t, mine.id))).toEqual(['a2:4']);
    const racedAfter = await detail(t, raced.id);
    expect(racedAfter.timeline.filter((e) => e.action === 'approve').map((e) => e.actor_id)).toEqual([
      user(3),
    ]);
    expect(pending(await detail(t, notMine.id))).toEqual(['a1:5']);
    const record = (await detail(t, direct.id)).timeline.find((e) => e.action === 'approve') as {
      comment?: string;
    };
    expect(record.comment).toBe('Batch OK');
  });

  it('rejects in a batch too', async () => {
    const d = await startApproval(t, 'two-step');
    const result = await batch(2, { decision: 'reject', items: [{ approval_id: d.id }] });
    expect(result.items[0]).toMatchObject({ ok: true, approval_status: 'rejected' });
  });

  it('a batch racing a single decision on the same or-sign node: exactly one decision stands', async () => {
    for (let round = 0; round < 3; round += 1) {
      const d = await startApproval(t, 'or-sign');
      const [fromBatch, single] = await Promise.all([
        call(t, 'POST', '/approvals/batch', as(user(2)), {
          decision: 'approve',
          items: [{ approval_id: d.id }],
        }),
        call(t, 'POST', `/approvals/${d.id}/approve`, as(user(3)), {}),
      ]);
      const batchOk = fromBatch.json().data.items[0].ok as boolean;
      expect(batchOk).toBe(single.statusCode !== 200);
      const after = await detail(t, d.id);
      expect(after.status).toBe('approved');
      expect(after.timeline.filter((e) => e.action === 'approve')).toHaveLength(1);
    }
  });

  it('bad input is refused whole and changes nothing', async () => {
    const d = await startApproval(t, 'two-step');
    const before = await rowCounts(t);
    await batch(2, { decision: 'approve', items: [] }, 400);
    await batch(2, { decision: 'maybe', items: [{ approval_id: d.id }] }, 400);
    await batch(2, { decision: 'approve', items: [{ approval_id: 'not-a-uuid' }] }, 400);
    const tooMany = Array.from({ length: 51 }, () => ({ approval_id: d.id }));
    await batch(2, { decision: 'approve', items: tooMany }, 400);
    expect(await rowCounts(t)).toEqual(before);
    expect(pending(await detail(t, d.id))).toEqual(['a1:2']);
  });
});
