import { describe, expect, it } from 'vitest';
import {
  act,
  approval,
  as,
  call,
  end,
  initiator,
  pending,
  publish,
  start,
  startApproval,
  useWorkflowApp,
} from '../../../../test/workflow-kit.js';

const t = useWorkflowApp(async (t) => {
  await publish(t, 'round', [start, approval('a1', [2, 3], { mode: 'or' }), approval('a2', [4]), end]);
  await publish(t, 'round-back', [
    start,
    approval('b1', [2, 3], { mode: 'or' }),
    approval('b2', [4], { on_reject: 'initiator' }),
    end,
  ]);
});

describe('a node run again after a return', () => {
  it('counts only the decisions of its new round (an old approval does not settle it)', async () => {
    const d = await startApproval(t, 'round');
    await act(t, 2, d.id, 'approve');
    await act(t, 4, d.id, 'return', { target_node_id: 'a1' });
    const after = await act(t, 3, d.id, 'reject');
    expect(after.status).toBe('rejected');
    // The first round's approval stays in the record.
    expect(after.tasks.filter((x) => x.node_id === 'a1').map((x) => x.status)).toEqual([
      'approved',
      'cancelled',
      'cancelled',
      'rejected',
    ]);
  });

  it('after a resubmit too: the first step waits for a new decision', async () => {
    const d = await startApproval(t, 'round-back');
    await act(t, 2, d.id, 'approve');
    expect((await act(t, 4, d.id, 'reject')).status).toBe('returned');
    const again = await call(t, 'POST', `/approvals/${d.id}/resubmit`, as(initiator), {});
    expect(again.statusCode, again.body).toBe(200);
    expect(pending(again.json().data)).toEqual(['b1:2', 'b1:3']);
    expect((await act(t, 3, d.id, 'reject')).status).toBe('rejected');
  });
});
