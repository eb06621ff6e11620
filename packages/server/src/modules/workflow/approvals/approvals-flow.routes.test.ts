import { describe, expect, it } from 'vitest';
import { userActor } from '../../../../test/test-principal.js';
import {
  act,
  approval,
  detail,
  end,
  pending,
  publish,
  start,
  startApproval,
  user,
  useWorkflowApp,
} from '../../../../test/workflow-kit.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { completeSignatureNode } from '../index.js';
import { workflowErrors } from '../workflow.errors.js';

const t = useWorkflowApp(async (t) => {
  await publish(t, 'child', [start, approval('ca', [9]), end]);
  await publish(t, 'all-types', [
    start,
    approval('a1', [2, 3], { mode: 'or' }),
    { id: 'cc1', type: 'cc', recipients: [{ type: 'user', user_ids: [user(7)] }] },
    { id: 'h1', type: 'handler', approvers: [{ type: 'form_field', field: 'reviewer' }] },
    {
      id: 'cond',
      type: 'condition',
      branches: [
        {
          id: 'big',
          when: { subject: 'form.amount', op: 'gt', value: 1000 },
          nodes: [approval('b1', [5, 6], { mode: 'and' })],
        },
        { id: 'small', default: true, nodes: [] },
      ],
    },
    {
      id: 'par',
      type: 'parallel',
      branches: [
        { id: 'left', nodes: [approval('l1', [2])] },
        { id: 'right', nodes: [approval('r1', [3])] },
      ],
    },
    { id: 'sig', type: 'signature', approvers: [{ type: 'user', user_ids: [user(8)] }] },
    { id: 'wait', type: 'delay', seconds: 60 },
    { id: 'sub', type: 'subprocess', definition_key: 'child' },
    end,
  ]);
});

const tokens = (id: string) =>
  t.database.db
    .selectFrom('workflow_tokens')
    .select(['node_id', 'status'])
    .where('instance_id', '=', id)
    .execute();

async function wakeDelays(): Promise<void> {
  await t.database.db
    .updateTable('jobs')
    .set({ run_at: '2000-01-01T00:00:00.000Z' })
    .where('name', '=', 'workflow.delay.wake')
    .execute();
  await t.app.signx.jobs.drain();
}

describe('an approval through every node type', () => {
  it('runs start → or-sign → cc → handler → condition → parallel → signature → delay → subprocess → end', async () => {
    let d = await startApproval(t, 'all-types', { amount: 5000, reviewer: user(4) });
    expect(pending(d)).toEqual(['a1:2', 'a1:3']);
    d = await act(t, 2, d.id, 'approve', { comment: 'ok' });
    // Or-sign: the first approval decides; the copy went out; the handler comes from the form.
    expect(d.tasks.filter((x) => x.node_id === 'a1').map((x) => x.status)).toEqual(['approved', 'cancelled']);
    expect(d.tasks.find((x) => x.kind === 'cc')).toMatchObject({ assignee_id: user(7), status: 'unread' });
    expect(pending(d)).toEqual(['h1:4']);
    d = await act(t, 4, d.id, 'approve');
    expect(pending(d)).toEqual(['b1:5', 'b1:6']);
    d = await act(t, 5, d.id, 'approve');
    expect(pending(d)).toEqual(['b1:6']);
    d = await act(t, 6, d.id, 'approve');
    expect(pending(d)).toEqual(['l1:2', 'r1:3']);
    d = await act(t, 2, d.id, 'approve');
    expect(pending(d)).toEqual(['r1:3']);
    d = await act(t, 3, d.id, 'approve');
    expect(pending(d)).toEqual(['sig:8']);
    const direct = await act(t, 8, d.id, 'approve', {}, 400);
    expect(direct).toBeUndefined();
    const signed = await inTransaction(t.database.db, (trx) =>
      completeSignatureNode(trx, t.app.signx, userActor(user(8), []), {
        instance_id: d.id,
        node_id: 'sig',
        user_id: user(8),
        outcome: 'signed',
        reference: 'SIG-2026-00001',
      }),
    );
    expect(signed).toBe('completed');
    d = await detail(t, d.id);
    expect([d.status, pending(d)]).toEqual(['running', []]);
    expect(await tokens(d.id)).toContainEqual({ node_id: 'wait', status: 'waiting' });
    await wakeDelays();
    const child = await t.database.db
      .selectFrom('workflow_instances')
      .selectAll()
      .where('parent_token_id', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(pending(await detail(t, child.id))).toEqual(['ca:9']);
    await act(t, 9, child.id, 'approve');
    d = await detail(t, d.id);
    expect(d.status).toBe('approved');
    expect((await detail(t, child.id)).status).toBe('approved');
    // Nothing left hanging: every token done or joined, each node's tasks created once.
    expect((await tokens(d.id)).filter((x) => x.status === 'active' || x.status === 'waiting')).toEqual([]);
    const perNode = d.tasks.map((x) => `${x.node_id}:${x.assignee_id.slice(-2)}`);
    expect(new Set(perNode).size).toBe(perNode.length);
    expect(d.timeline.map((e) => e.action)).toEqual([
      'start',
      'approve',
      'cc',
      'approve',
      'route',
      'approve',
      'approve',
      'approve',
      'approve',
      'signature_requested',
      'signed',
      'subprocess',
      'instance_approved',
    ]);
    // The CC recipient sees it in their box and marks it read.
    const read = await act(t, 7, d.id, 'cc-read');
    expect(read.tasks.find((x) => x.kind === 'cc')?.status).toBe('read');
  });

  it('takes the default branch when no condition matches', async () => {
    let d = await startApproval(t, 'all-types', { amount: 10, reviewer: user(4) });
    d = await act(t, 3, d.id, 'approve');
    d = await act(t, 4, d.id, 'approve');
    expect(pending(d)).toEqual(['l1:2', 'r1:3']);
    expect(d.timeline.find((e) => e.action === 'route')).toBeTruthy();
  });

  it('a declined signature rejects the approval', async () => {
    await publish(t, 'sign-only', [
      start,
      { id: 'sig', type: 'signature', approvers: [{ type: 'user', user_ids: [user(8)] }] },
      end,
    ]);
    const d = await startApproval(t, 'sign-only');
    const complete = (outcome: 'signed' | 'declined') =>
      inTransaction(t.database.db, (trx) =>
        completeSignatureNode(trx, t.app.signx, userActor(user(8), []), {
          instance_id: d.id,
          node_id: 'sig',
          user_id: user(8),
          outcome,
          reference: 'r',
        }),
      );
    expect(await complete('declined')).toBe('completed');
    expect((await detail(t, d.id)).status).toBe('rejected');
    await expect(complete('signed')).rejects.toMatchObject({ domain: workflowErrors.INSTANCE_NOT_RUNNING });
  });
});
