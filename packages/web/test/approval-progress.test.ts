import { describe, expect, it } from 'vitest';
import { failureOf } from '../src/modules/approvals/action-failure';
import { type FlowNode, nodeStates, returnTargets } from '../src/modules/approvals/progress';
import { ApiError } from '../src/platform/api/api-error';

const process: FlowNode[] = [
  { id: 'start', type: 'start' },
  { id: 'a1', type: 'approval', name: 'Manager' },
  {
    id: 'c1',
    type: 'condition',
    branches: [
      { id: 'big', nodes: [{ id: 'cfo', type: 'approval' }] },
      { id: 'small', default: true, nodes: [] },
    ],
  },
  {
    id: 'p1',
    type: 'parallel',
    branches: [
      { id: 'left', nodes: [{ id: 'l1', type: 'approval' }] },
      { id: 'right', nodes: [{ id: 'r1', type: 'handler' }] },
    ],
  },
  { id: 'end', type: 'end' },
];
type Facts = Parameters<typeof nodeStates>[1];
const task = (node_id: string, status: string, kind = 'approval') => ({
  id: `${node_id}-${status}`,
  node_id,
  kind,
  assignee_id: 'u',
  status,
  comment: null,
  decided_at: null,
});
const facts = (status: string, tasks: ReturnType<typeof task>[], extra: Partial<Facts> = {}): Facts =>
  ({
    status,
    tasks,
    current_nodes: tasks.filter((t) => t.status === 'pending').map((t) => t.node_id),
    timeline: [],
    ...extra,
  }) as Facts;
const states = (f: Facts) => Object.fromEntries(nodeStates(process, f));

describe('the progress graph’s node states', () => {
  it('first step open: start done, it current, the rest not reached', () => {
    expect(states(facts('running', [task('a1', 'pending')]))).toEqual({
      start: 'done',
      a1: 'current',
      cfo: 'pending',
      c1: 'pending',
      l1: 'pending',
      r1: 'pending',
      p1: 'pending',
      end: 'pending',
    });
  });

  it('a condition branch not taken is skipped; a parallel node is current while a branch is', () => {
    const f = facts('running', [
      task('a1', 'approved'),
      task('l1', 'approved'),
      task('r1', 'pending', 'handler'),
    ]);
    expect(states(f)).toMatchObject({
      a1: 'done',
      cfo: 'skipped',
      c1: 'done',
      l1: 'done',
      r1: 'current',
      p1: 'current',
    });
  });

  it('approved: every reached node done, the end done; rejected: what was never reached is skipped', () => {
    const all = [
      task('a1', 'approved'),
      task('cfo', 'approved'),
      task('l1', 'approved'),
      task('r1', 'approved'),
    ];
    expect(states(facts('approved', all))).toMatchObject({ cfo: 'done', p1: 'done', end: 'done' });
    expect(states(facts('rejected', [task('a1', 'rejected')]))).toMatchObject({
      a1: 'done',
      cfo: 'skipped',
      l1: 'skipped',
      end: 'skipped',
    });
  });

  it('a step returned from (its task cancelled) is not done; a passed condition with no tasks is', () => {
    const f = facts('running', [task('a1', 'approved'), task('a1', 'pending'), task('l1', 'cancelled')], {
      current_nodes: ['a1'],
    });
    expect(states(f)).toMatchObject({ a1: 'current', l1: 'pending', p1: 'pending' });
    const routed = facts('running', [task('a1', 'approved'), task('l1', 'pending')], {
      timeline: [{ node_id: 'c1', action: 'route' }] as Facts['timeline'],
    });
    expect(states(routed)).toMatchObject({ c1: 'done', cfo: 'skipped', l1: 'current' });
  });

  it('return targets: approved approval/handler nodes that are not open now', () => {
    const f = facts('running', [
      task('a1', 'approved'),
      task('l1', 'approved'),
      task('r1', 'pending', 'handler'),
    ]);
    expect(returnTargets(process, f).map((n) => n.id)).toEqual(['a1', 'l1']);
    expect(returnTargets(process, facts('running', [task('a1', 'pending')]))).toEqual([]);
  });
});

describe('refused actions in the user’s words', () => {
  const error = (status: number, code: number) => new ApiError(status, code, 'server says', [], 'req-1');
  it('maps 409 already decided, 403 not your task, urged too recently, not running', () => {
    expect(failureOf(error(409, 40953))).toEqual({
      kind: 'conflict',
      message: 'server says',
      requestId: 'req-1',
    });
    expect(failureOf(error(403, 40353)).kind).toBe('forbidden');
    expect(failureOf(error(409, 40957)).kind).toBe('urgeTooSoon');
    expect(failureOf(error(429, 42901)).kind).toBe('urgeTooSoon');
    expect(failureOf(error(409, 40954)).kind).toBe('notRunning');
    expect(failureOf(error(400, 40055)).kind).toBe('invalid');
    expect(failureOf(error(500, 50001)).kind).toBe('other');
  });
});
