import { describe, expect, it } from 'vitest';
import {
  act,
  admin,
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
import { delegationErrors } from './delegation.errors.js';

/** Out-of-office rules: tasks created for the absent person go to the delegate, on their behalf. */
const t = useWorkflowApp(async (t) => {
  await publish(t, 'leave', [start, approval('a1', [2]), approval('a2', [3]), end]);
});

const now = () => t.app.signx.clock.now().getTime();
const iso = (offsetMs: number) => new Date(now() + offsetMs).toISOString();
const day = 86_400_000;
const rules = () => t.database.db.selectFrom('workflow_delegations').selectAll().execute();

describe('delegation rules', () => {
  it('refuses bad rules and overlaps, storing nothing more; others’ rules only for administrators', async () => {
    const post = (who: number, body: object, headers = as(user(who))) =>
      call(t, 'POST', '/approval-delegations', headers, body);
    const self = await post(4, { delegate_id: user(4), starts_at: iso(-day), ends_at: iso(day) });
    const backwards = await post(4, { delegate_id: user(6), starts_at: iso(day), ends_at: iso(-day) });
    const past = await post(4, { delegate_id: user(6), starts_at: iso(-2 * day), ends_at: iso(-day) });
    for (const bad of [self, backwards, past])
      expect([bad.statusCode, bad.json().code]).toEqual([400, delegationErrors.DELEGATION_INVALID.api]);
    const forOther = await post(4, {
      user_id: user(5),
      delegate_id: user(6),
      starts_at: iso(0),
      ends_at: iso(day),
    });
    expect(forOther.statusCode).toBe(404);
    const first = await post(4, { delegate_id: user(6), starts_at: iso(day), ends_at: iso(3 * day) });
    expect(first.statusCode, first.body).toBe(201);
    const overlap = await post(4, { delegate_id: user(7), starts_at: iso(2 * day), ends_at: iso(4 * day) });
    expect([overlap.statusCode, overlap.json().code]).toEqual([
      409,
      delegationErrors.DELEGATION_OVERLAPS.api,
    ]);
    expect(await rules()).toHaveLength(1);
    const byAdmin = await post(
      99,
      { user_id: user(5), delegate_id: user(6), starts_at: iso(0), ends_at: iso(day) },
      admin(user(99)),
    );
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'workflow.delegation.created')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('hands the absent approver’s new task to the delegate, recorded on whose behalf; revoking stops it', async () => {
    const set = await call(t, 'POST', '/approval-delegations', as(user(3)), {
      delegate_id: user(8),
      starts_at: iso(-1000),
      ends_at: iso(day),
      reason: 'Annual leave',
    });
    expect(set.statusCode, set.body).toBe(201);
    let d = await startApproval(t, 'leave');
    expect(pending(d)).toEqual(['a1:2']); // user 2 has no rule
    d = await act(t, 2, d.id, 'approve');
    expect(pending(d)).toEqual(['a2:8']);
    expect(d.tasks.find((x) => x.node_id === 'a2')).toMatchObject({
      assignee_id: user(8),
      on_behalf_of: user(3),
    });
    // the absent person cannot act; the delegate can, and the record says for whom
    await act(t, 3, d.id, 'approve', {}, 404);
    d = await act(t, 8, d.id, 'approve');
    expect(d.status).toBe('approved');
    const full = await call(t, 'GET', `/approvals/${d.id}`, admin(user(99)));
    const timeline = full.json().data.timeline as {
      action: string;
      actor_id: string | null;
      details: object;
    }[];
    expect(timeline.find((e) => e.action === 'delegated')?.details).toMatchObject({
      on_behalf_of: user(3),
      to_user_id: user(8),
    });
    expect(timeline.find((e) => e.action === 'approve' && e.actor_id === user(8))?.details).toEqual({
      on_behalf_of: user(3),
    });

    const mine = await call(t, 'GET', '/approval-delegations', as(user(3)));
    const rule = mine.json().data.items[0];
    expect(rule).toMatchObject({ user_id: user(3), delegate_id: user(8), reason: 'Annual leave' });
    const revoked = await call(t, 'POST', `/approval-delegations/${rule.id}/revoke`, as(user(3)));
    expect(revoked.json().data.revoked_at).not.toBeNull();
    const stranger = await call(t, 'POST', `/approval-delegations/${rule.id}/revoke`, as(user(4)));
    expect(stranger.statusCode).toBe(404);
    let again = await startApproval(t, 'leave');
    again = await act(t, 2, again.id, 'approve');
    expect(pending(await detail(t, again.id))).toEqual(['a2:3']);
  });
});
