import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/test-app.js';
import {
  approval,
  as,
  call,
  createWorkflowApp,
  end,
  publish,
  rowCounts,
  start,
  startApproval,
  user,
} from '../../../../test/workflow-kit.js';
import { workflowErrors } from '../workflow.errors.js';

let t: TestApp;
beforeAll(async () => {
  t = await createWorkflowApp();
}, 180_000);
afterAll(() => t.close());

const manager = as(user(90));
const body = (process: object[]) => ({
  form: { fields: [{ key: 'amount', label: 'Amount', type: 'number' }] },
  process,
});

describe('workflow definitions', () => {
  it('refuses an invalid definition with every problem named by its node id, storing nothing', async () => {
    const before = await rowCounts(t);
    const process = [
      start,
      { id: 'a1', type: 'approval', approvers: [] },
      {
        id: 'c1',
        type: 'condition',
        branches: [
          {
            id: 'big',
            when: { subject: 'form.amount', op: 'gt', value: 1000 },
            nodes: [approval('a2', [2])],
          },
          { id: 'small', when: { subject: 'form.nope', op: 'lt', value: 1000 }, nodes: [] },
        ],
      },
      approval('a2', [3]),
      end,
      approval('after_end', [4]),
    ];
    const response = await call(t, 'POST', '/workflows', manager, {
      key: 'bad',
      name: 'Bad',
      body: body(process),
    });
    expect([response.statusCode, response.json().code]).toEqual([400, workflowErrors.DEFINITION_INVALID.api]);
    const messages = response
      .json()
      .details.issues.map((i: { node_id: string; message: string }) => `${i.node_id}|${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'a1|Approval node a1 has no approver rules',
        'c1|Condition node c1 has no default branch',
        'small|Branch small: condition on unknown form field nope',
        'a2|Duplicate id a2',
        'after_end|Node after_end is unreachable: the flow always ends at end before it',
        'after_end|The process must finish with an end node',
      ]),
    );
    expect(response.json().errors).toContainEqual({
      field: 'node:a1',
      message: 'Approval node a1 has no approver rules',
    });
    expect(await rowCounts(t)).toEqual(before);
  });

  it('validates without saving, and answers valid for a good tree', async () => {
    const good = body([start, approval('a1', [2]), end]);
    const ok = await call(t, 'POST', '/workflows/validate', manager, { body: good });
    expect(ok.json().data).toEqual({ valid: true, issues: [] });
    const bad = await call(t, 'POST', '/workflows/validate', manager, {
      body: body([start, { id: 'p', type: 'parallel', branches: [{ id: 'x', nodes: [end] }] }, end]),
    });
    expect(bad.json().data.issues.map((i: { message: string }) => i.message)).toEqual([
      'Node p: a parallel node needs at least two branches',
    ]);
    const unknown = await call(t, 'POST', '/workflows/validate', manager, {
      body: body([start, { id: 'x', type: 'magic' }, end]),
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('derives the seed-shaped nodes and edges (join for parallel, labelled branches)', async () => {
    const process = [
      start,
      {
        id: 'p',
        type: 'parallel',
        branches: [
          { id: 'left', nodes: [approval('l1', [2])] },
          { id: 'right', nodes: [approval('r1', [3])] },
        ],
      },
      {
        id: 'c',
        type: 'condition',
        branches: [
          { id: 'big', when: { subject: 'form.amount', op: 'gte', value: 10 }, nodes: [approval('b1', [4])] },
          { id: 'rest', default: true, nodes: [] },
        ],
      },
      end,
    ];
    const created = await call(t, 'POST', '/workflows', manager, {
      key: 'graph',
      name: 'Graph',
      body: body(process),
    });
    expect(created.statusCode, created.body).toBe(201);
    const { nodes, edges, status, version } = created.json().data;
    expect([status, version]).toEqual(['draft', 1]);
    expect(nodes.map((n: { id: string }) => n.id)).toEqual([
      'start',
      'p',
      'l1',
      'r1',
      'p.join',
      'c',
      'b1',
      'end',
    ]);
    expect(edges).toEqual([
      { source: 'start', target: 'p' },
      { source: 'p', target: 'l1', condition: 'branch:left' },
      { source: 'p', target: 'r1', condition: 'branch:right' },
      { source: 'l1', target: 'p.join' },
      { source: 'r1', target: 'p.join' },
      { source: 'p.join', target: 'c' },
      { source: 'c', target: 'b1', condition: 'branch:big' },
      { source: 'b1', target: 'end' },
      { source: 'c', target: 'end' },
    ]);
  });

  it('versions: draft → published → archived; only drafts change; running approvals keep their version', async () => {
    const v1 = await publish(t, 'versions', [start, approval('a1', [2]), end]);
    const edit = await call(t, 'PUT', `/workflows/${v1}`, manager, { name: 'x', body: body([start, end]) });
    expect([edit.statusCode, edit.json().code]).toEqual([409, workflowErrors.DEFINITION_NOT_EDITABLE.api]);
    const running = await startApproval(t, 'versions');
    const v2 = (await call(t, 'POST', `/workflows/${v1}/versions`, manager)).json().data;
    expect([v2.version, v2.status]).toEqual([2, 'draft']);
    const changed = await call(t, 'PUT', `/workflows/${v2.id}`, manager, {
      name: 'versions',
      body: {
        ...body([start, approval('b1', [3]), end]),
        form: { fields: [{ key: 'amount', label: 'A', type: 'number' }] },
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await call(t, 'POST', `/workflows/${v2.id}/publish`, manager)).json().data.status).toBe(
      'published',
    );
    expect((await call(t, 'GET', `/workflows/${v1}`, manager)).json().data.status).toBe('archived');
    // The running approval still waits at v1's node; a new one starts on v2.
    const again = (await call(t, 'GET', `/approvals/${running.id}`, as(user(1)))).json().data;
    expect(again.current_nodes).toEqual(['a1']);
    expect((await startApproval(t, 'versions')).current_nodes).toEqual(['b1']);
    const gone = await call(t, 'DELETE', `/workflows/${v2.id}`, manager);
    expect(gone.json().code).toBe(workflowErrors.DEFINITION_NOT_EDITABLE.api);
  });

  it('denies by default: reading needs workflow.definition.read, changing needs manage', async () => {
    const nobody = await call(t, 'GET', '/workflows', { 'x-test-user': user(5), 'x-test-permissions': '' });
    expect(nobody.statusCode).toBe(403);
    const reader = { 'x-test-user': user(5), 'x-test-permissions': 'workflow.definition.read' };
    expect((await call(t, 'GET', '/workflows', reader)).statusCode).toBe(200);
    expect(
      (await call(t, 'POST', '/workflows/validate', reader, { body: body([start, end]) })).statusCode,
    ).toBe(403);
  });
});
