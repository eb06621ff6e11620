import { describe, expect, it } from 'vitest';
import {
  act,
  approval,
  end,
  initiator,
  pending,
  publish,
  start,
  startApproval,
  user,
  useWorkflowApp,
} from '../../../../test/workflow-kit.js';

// Approver rules against identity's own tables: departments with heads, a role and its holders.
const t = useWorkflowApp(() => seedPeople());
const now = '2026-12-06T00:00:00.000Z';
const dept = (n: number) => `019a0000-0000-7000-8000-0000000d${String(n).padStart(4, '0')}`;

async function seedPeople(): Promise<void> {
  const db = t.database.db;
  await db
    .insertInto('departments')
    .values([
      {
        id: dept(1),
        name: 'Company',
        parent_id: null,
        path: `/${dept(1)}/`,
        head_user_id: null,
        created_at: now,
        updated_at: now,
      },
      {
        id: dept(2),
        name: 'Sales',
        parent_id: dept(1),
        path: `/${dept(1)}/${dept(2)}/`,
        head_user_id: null,
        created_at: now,
        updated_at: now,
      },
    ] as never)
    .execute();
  const person = (n: number, department: string) => ({
    id: user(n),
    username: `u${n}`,
    full_name: `User ${n}`,
    email: null,
    phone: null,
    department_id: department,
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
  });
  await db
    .insertInto('users')
    .values([person(1, dept(2)), person(20, dept(2)), person(21, dept(1)), person(22, dept(1))] as never)
    .execute();
  await db
    .updateTable('departments')
    .set({ head_user_id: user(20) })
    .where('id', '=', dept(2))
    .execute();
  await db
    .updateTable('departments')
    .set({ head_user_id: user(21) })
    .where('id', '=', dept(1))
    .execute();
  const role = {
    id: dept(9),
    code: 'finance',
    name: 'Finance',
    description: '',
    parent_id: null,
    data_scope: 'all',
    mfa_required: 0,
    grant_rule: 'none',
    is_system: 0,
    created_at: now,
    updated_at: now,
  };
  await db
    .insertInto('roles')
    .values(role as never)
    .execute();
  await db
    .insertInto('user_roles')
    .values({ user_id: user(22), role_id: dept(9) } as never)
    .execute();
}

describe('approver rules', () => {
  it('resolves department heads N levels up, role holders, the initiator’s choice and the initiator', async () => {
    await publish(t, 'rules', [
      start,
      { id: 'head1', type: 'approval', approvers: [{ type: 'department_head', levels: 1 }] },
      { id: 'head2', type: 'approval', approvers: [{ type: 'department_head', levels: 2 }] },
      { id: 'fin', type: 'approval', approvers: [{ type: 'role', role_code: 'finance' }] },
      { id: 'pick', type: 'approval', approvers: [{ type: 'initiator_choice' }] },
      { id: 'me', type: 'handler', approvers: [{ type: 'initiator' }] },
      end,
    ]);
    let d = await startApproval(t, 'rules', { amount: 1 }, { chosen_approvers: { pick: [user(30)] } });
    expect(pending(d)).toEqual(['head1:20']);
    d = await act(t, 20, d.id, 'approve');
    expect(pending(d)).toEqual(['head2:21']);
    d = await act(t, 21, d.id, 'approve');
    expect(pending(d)).toEqual(['fin:22']);
    d = await act(t, 22, d.id, 'approve');
    expect(pending(d)).toEqual(['pick:30']);
    d = await act(t, 30, d.id, 'approve');
    expect(pending(d)).toEqual([`me:${Number(initiator.slice(-12))}`]);
  });

  it('empty approvers follow the node’s policy: auto-pass, to a named person, reject', async () => {
    const nobody = [{ type: 'role', role_code: 'no-such-role' }];
    await publish(t, 'empty', [
      start,
      { id: 'skip', type: 'approval', approvers: nobody, empty_policy: { action: 'auto_pass' } },
      {
        id: 'named',
        type: 'approval',
        approvers: nobody,
        empty_policy: { action: 'to_user', user_id: user(31) },
      },
      { id: 'stop', type: 'approval', approvers: nobody, empty_policy: { action: 'reject' } },
      end,
    ]);
    let d = await startApproval(t, 'empty');
    expect(pending(d)).toEqual(['named:31']);
    d = await act(t, 31, d.id, 'approve');
    expect(d.status).toBe('rejected');
    expect(d.timeline.filter((e) => e.action === 'no_approver')).toHaveLength(3);
  });

  it('dedupes consecutive approvers: who approved the node before is not asked again', async () => {
    await publish(
      t,
      'dedupe',
      [start, approval('first', [40]), approval('second', [40, 41], { mode: 'and' }), end],
      {
        dedupe_consecutive: true,
      },
    );
    let d = await startApproval(t, 'dedupe');
    d = await act(t, 40, d.id, 'approve');
    expect(pending(d)).toEqual(['second:41']);
    expect(d.timeline.map((e) => e.action)).toContain('auto_approve');
    d = await act(t, 41, d.id, 'approve');
    expect(d.status).toBe('approved');
  });
});
