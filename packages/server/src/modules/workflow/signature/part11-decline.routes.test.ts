import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/test-app.js';
import {
  act,
  as,
  createWorkflowApp,
  detail,
  end,
  initiator,
  publish,
  start,
  startApproval,
  user,
} from '../../../../test/workflow-kit.js';
import { workflowErrors } from '../workflow.errors.js';

/**
 * A Part 11 signer declines their signature task with a reason (POST /approvals/{id}/reject):
 * the node follows its `on_reject` (end, or back to the initiator); the decline is audited and
 * on the timeline. Without a reason, or by someone else, nothing changes.
 */
let t: TestApp;
const signer = user(2);
const part11 = (onReject: 'end' | 'initiator') => [
  start,
  {
    id: 'qa',
    type: 'signature',
    approvers: [{ type: 'user', user_ids: [signer] }],
    meaning: 'approval',
    on_reject: onReject,
  },
  end,
];

beforeAll(async () => {
  t = await createWorkflowApp();
  await publish(t, 'sop-decline-end', part11('end'));
  await publish(t, 'sop-decline-return', part11('initiator'));
  await publish(t, 'sop-request', [
    start,
    { id: 'qa', type: 'signature', approvers: [{ type: 'user', user_ids: [signer] }] },
    end,
  ]);
}, 120_000);
afterAll(() => t?.close());

describe('declining a Part 11 signature task', () => {
  it('needs a reason and the signer; then the approval ends rejected, audited', async () => {
    const started = await startApproval(t, 'sop-decline-end');
    const task = started.tasks.find((x) => x.node_id === 'qa');
    expect(task).toMatchObject({ kind: 'signature', status: 'pending', assignee_id: signer });
    const noReason = await act(t, 2, started.id, 'reject', { task_id: task?.id, comment: '  ' }, 400);
    expect(noReason).toBeUndefined();
    await act(t, 3, started.id, 'reject', { task_id: task?.id, comment: 'no' }, 404);
    const unchanged = await detail(t, started.id);
    expect([unchanged.status, unchanged.tasks.find((x) => x.id === task?.id)?.status]).toEqual([
      'running',
      'pending',
    ]);

    const declined = await act(t, 2, started.id, 'reject', { comment: 'Wrong revision attached' });
    expect(declined.status).toBe('rejected');
    expect(declined.timeline.find((e) => e.action === 'reject')).toMatchObject({
      actor_id: signer,
      node_id: 'qa',
      comment: 'Wrong revision attached',
      details: { signature_declined: true },
    });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', started.id)
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'workflow.instance.started', actor_id: initiator },
      { action: 'workflow.task.rejected', actor_id: signer },
      { action: 'workflow.instance.rejected', actor_id: signer },
    ]);
  });

  it('the reason error code, and a node with on_reject initiator returns the approval', async () => {
    const started = await startApproval(t, 'sop-decline-return');
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/approvals/${started.id}/reject`,
      headers: as(signer),
      payload: {},
    });
    expect([refused.statusCode, refused.json().code]).toEqual([
      400,
      workflowErrors.DECLINE_REASON_REQUIRED.api,
    ]);
    const declined = await act(t, 2, started.id, 'reject', { comment: 'Unclear' });
    expect(declined.status).toBe('returned');
  });

  it('a signing-request signature task (no meaning) is still not rejected here', async () => {
    const started = await startApproval(t, 'sop-request');
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/approvals/${started.id}/reject`,
      headers: as(signer),
      payload: { comment: 'no' },
    });
    expect([refused.statusCode, refused.json().code]).toEqual([400, workflowErrors.TARGET_INVALID.api]);
    expect((await detail(t, started.id)).status).toBe('running');
  });
});
