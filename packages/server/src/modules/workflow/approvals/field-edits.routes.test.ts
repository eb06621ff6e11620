import { describe, expect, it } from 'vitest';
import {
  act,
  approval,
  as,
  call,
  detail,
  end,
  publish,
  rowCounts,
  start,
  startApproval,
  user,
  useWorkflowApp,
} from '../../../../test/workflow-kit.js';
import { workflowErrors } from '../workflow.errors.js';

/** Edit-field permission during approval (docs/workflow.md "Editing fields during approval"). */
const t = useWorkflowApp(async (t) => {
  await publish(t, 'edit', [
    start,
    approval('a1', [2], { field_permissions: { amount: 'edit', reason: 'edit', reviewer: 'hidden' } }),
    {
      id: 'c1',
      type: 'condition',
      branches: [
        {
          id: 'big',
          when: { subject: 'form.amount', op: 'gt', value: 10000 },
          nodes: [approval('cfo', [4])],
        },
        { id: 'normal', default: true, nodes: [] },
      ],
    },
    approval('a2', [3]),
    end,
  ]);
});

const approve = (who: number, id: string, body: object) =>
  call(t, 'POST', `/approvals/${id}/approve`, as(user(who)), body);

describe('editing fields while approving', () => {
  it('accepts the fields the node grants edit, records old → new, and later conditions route on them', async () => {
    const d = await startApproval(t, 'edit', { amount: 100, reason: 'trip' });
    const after = await act(t, 2, d.id, 'approve', { form_changes: { amount: 20000, reason: 'trip' } });
    expect(after.form_data).toMatchObject({ amount: 20000, reason: 'trip' });
    const decision = after.timeline.find((r) => r.action === 'approve') as unknown as {
      details: { field_changes: unknown };
    };
    // Only the value that really changed is recorded.
    expect(decision.details.field_changes).toEqual([{ field: 'amount', old: 100, new: 20000 }]);
    // The condition after a1 saw the edited amount: the big branch's CFO node is next.
    expect(after.current_nodes).toEqual(['cfo']);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('action', '=', 'workflow.task.fields_edited')
      .execute();
    expect(audit).toContainEqual({ action: 'workflow.task.fields_edited', entity_id: d.id });
  });

  it('refuses a field the node only reads, hides or does not know (40059), and changes nothing', async () => {
    const d = await startApproval(t, 'edit', { amount: 100 });
    await publish(t, 'readonly', [start, approval('r1', [2]), end]);
    const r = await startApproval(t, 'readonly', { amount: 100 });
    const before = await rowCounts(t);
    const hidden = await approve(2, d.id, { form_changes: { amount: 5, reviewer: user(7) } });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().code).toBe(workflowErrors.FIELD_NOT_EDITABLE.api);
    expect(hidden.json().errors).toEqual([
      { field: 'form_changes.reviewer', message: 'this step may not see reviewer' },
    ]);
    const unknown = await approve(2, d.id, { form_changes: { salary: 1 } });
    expect(unknown.json().errors).toEqual([
      { field: 'form_changes.salary', message: 'not a field of this form' },
    ]);
    const readOnly = await approve(2, r.id, { form_changes: { amount: 1 } });
    expect([readOnly.statusCode, readOnly.json().errors]).toEqual([
      400,
      [{ field: 'form_changes.amount', message: 'this step may only read amount' }],
    ]);
    expect((await detail(t, d.id)).form_data).toEqual({ amount: 100 });
    expect((await detail(t, d.id)).current_nodes).toEqual(['a1']);
    expect(await rowCounts(t)).toEqual(before);
  });

  it('checks the edited form against its types (40054): a text for a number, a required field emptied', async () => {
    const d = await startApproval(t, 'edit', { amount: 100 });
    const wrongType = await approve(2, d.id, { form_changes: { amount: 'lots' } });
    expect([wrongType.statusCode, wrongType.json().code]).toEqual([400, workflowErrors.FORM_INVALID.api]);
    const emptied = await approve(2, d.id, { form_changes: { amount: null } });
    expect(emptied.json().code).toBe(workflowErrors.FORM_INVALID.api);
    const now = await detail(t, d.id);
    expect([now.form_data, now.current_nodes]).toEqual([{ amount: 100 }, ['a1']]);
  });

  it('a repeated approve with edits changes nothing more; reject takes no edits', async () => {
    const d = await startApproval(t, 'edit', { amount: 100 });
    const rejectEdits = await call(t, 'POST', `/approvals/${d.id}/reject`, as(user(2)), {
      form_changes: { amount: 1 },
    });
    expect(rejectEdits.statusCode).toBe(400);
    await act(t, 2, d.id, 'approve', { form_changes: { amount: 200 } });
    const again = await act(t, 2, d.id, 'approve', { form_changes: { amount: 300 } });
    expect(again.form_data).toMatchObject({ amount: 200 });
    expect(again.timeline.filter((r) => r.action === 'approve')).toHaveLength(1);
  });
});
