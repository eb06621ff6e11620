import { describe, expect, it } from 'vitest';
import { asUser } from '../../../../test/test-principal.js';
import {
  act,
  approval,
  as,
  call,
  end,
  initiator,
  publish,
  start,
  startApproval,
  user,
  useWorkflowApp,
} from '../../../../test/workflow-kit.js';

/** What the approval pages read: the startable list and the detail's form and people. */
const t = useWorkflowApp(async (t) => {
  await publish(t, 'pages', [
    { ...start, field_permissions: { reviewer: 'hidden', reason: 'read' } },
    approval('a1', [2], { field_permissions: { amount: 'edit', reason: 'hidden' } }),
    approval('a2', [3]),
    end,
  ]);
  // A draft is not startable.
  const draft = await call(t, 'POST', '/workflows', as(user(90)), {
    key: 'draft-only',
    name: 'Draft only',
    body: { form: { fields: [] }, process: [start, approval('x', [2]), end] },
  });
  expect(draft.statusCode).toBe(201);
  const now = new Date().toISOString();
  await t.database.db
    .insertInto('users')
    .values({
      id: user(2),
      username: 'u2',
      full_name: 'Approver Two',
      email: null,
      phone: null,
      department_id: null,
      status: 'active',
      identity_level: 'basic',
      password_hash: null,
      password_changed_at: null,
      must_change_password: 0,
      failed_attempts: 0,
      locked_until: null,
      last_login_at: null,
      created_at: now,
      updated_at: now,
      disabled_at: null,
      row_version: 1,
    } as never)
    .execute();
});

const fieldsOf = (view: { fields: { key: string; permission: string }[] }) =>
  Object.fromEntries(view.fields.map((f) => [f.key, f.permission]));

describe('GET /approvals/startable', () => {
  it('lists published definitions only, with the start node’s field permissions (edit by default)', async () => {
    const response = await call(t, 'GET', '/approvals/startable', as(user(5)));
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json().data as { key: string; fields: { key: string; permission: string }[] }[];
    expect(list.map((d) => d.key)).toEqual(['pages']);
    expect(fieldsOf(list[0]!)).toEqual({ amount: 'edit', reason: 'read', reviewer: 'hidden' });
    expect(list[0]).toMatchObject({ name: 'pages', version: 1 });
    expect((list[0] as unknown as { process: { id: string }[] }).process.map((n) => n.id)).toEqual([
      'start',
      'a1',
      'a2',
      'end',
    ]);
  });

  it('is refused without workflow.approval.use', async () => {
    const response = await call(t, 'GET', '/approvals/startable', asUser(user(5), []));
    expect(response.statusCode).toBe(403);
  });
});

describe('the detail’s definition and people', () => {
  it('gives each viewer their permission per field, and names the users it mentions', async () => {
    const started = await startApproval(t, 'pages', { amount: 10, reason: 'trip', reviewer: user(4) });
    const approver = (await call(t, 'GET', `/approvals/${started.id}`, as(user(2)))).json().data;
    expect(fieldsOf(approver.definition)).toEqual({ amount: 'edit', reason: 'hidden', reviewer: 'read' });
    expect(approver.form_data).toEqual({ amount: 10, reviewer: user(4) });
    expect(approver.people).toEqual({ [user(2)]: 'Approver Two' });
    const mine = (await call(t, 'GET', `/approvals/${started.id}`, as(initiator))).json().data;
    expect(fieldsOf(mine.definition)).toEqual({ amount: 'read', reason: 'read', reviewer: 'read' });

    // After deciding, the approver keeps reading what a1 showed; a2's approver reads all.
    await act(t, 2, started.id, 'approve');
    const after = (await call(t, 'GET', `/approvals/${started.id}`, as(user(2)))).json().data;
    expect(fieldsOf(after.definition)).toEqual({ amount: 'read', reason: 'hidden', reviewer: 'read' });
    const next = (await call(t, 'GET', `/approvals/${started.id}`, as(user(3)))).json().data;
    expect(fieldsOf(next.definition)).toEqual({ amount: 'read', reason: 'read', reviewer: 'read' });
  });

  it('gives the initiator edit on every field of a returned approval', async () => {
    await publish(t, 'pages-back', [start, approval('b1', [2], { on_reject: 'initiator' }), end]);
    const started = await startApproval(t, 'pages-back', { amount: 10 });
    const running = (await call(t, 'GET', `/approvals/${started.id}`, as(initiator))).json().data;
    expect(fieldsOf(running.definition).amount).toBe('read');
    expect((await act(t, 2, started.id, 'reject')).status).toBe('returned');
    const mine = (await call(t, 'GET', `/approvals/${started.id}`, as(initiator))).json().data;
    expect(fieldsOf(mine.definition)).toEqual({ amount: 'edit', reason: 'edit', reviewer: 'edit' });
  });
});
