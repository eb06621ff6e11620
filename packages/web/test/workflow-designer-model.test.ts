import { describe, expect, it } from 'vitest';
import { type DefinitionBody, emptyBody, type FlowNode } from '../src/modules/workflow/model/definition';
import { issuesByNode, precheck } from '../src/modules/workflow/model/precheck';
import {
  addBranch,
  allIds,
  countNodes,
  insertNode,
  makeDefault,
  moveBranch,
  removeBranch,
} from '../src/modules/workflow/model/tree-edit';

const t = (key: string, params?: Record<string, unknown>) => (params?.key ? `${key}:${params.key}` : key);

describe('workflow designer: tree edits', () => {
  it('inserts nodes with ids unique across branches, between start and end', () => {
    const body = emptyBody();
    const cond = insertNode(body, body.process, 1, 'condition');
    const inner = insertNode(body, cond.branches?.[0]?.nodes ?? [], 0, 'approval');
    const after = insertNode(body, body.process, 2, 'approval');
    expect(body.process.map((n) => n.type)).toEqual(['start', 'condition', 'approval', 'end']);
    expect(inner.id).not.toBe(after.id);
    expect(allIds(body).size).toBe(countNodes(body.process) + 2); // + the two branch ids
    expect(cond.branches?.at(-1)?.default).toBe(true);
  });

  it('adds branches before the default, moves them, never moves the default', () => {
    const body = emptyBody();
    const cond = insertNode(body, body.process, 1, 'condition');
    const added = addBranch(body, cond);
    const ids = () => (cond.branches ?? []).map((b) => b.id);
    expect(ids().at(-1)).not.toBe(added.id);
    expect(ids()[1]).toBe(added.id);
    moveBranch(cond, added.id, -1);
    expect(ids()[0]).toBe(added.id);
    const defaultId = ids()[2] as string;
    moveBranch(cond, defaultId, -1);
    expect(ids()[2]).toBe(defaultId);
    moveBranch(cond, added.id, 1);
    moveBranch(cond, ids()[1] as string, 1); // would pass the default: refused
    expect(ids()[2]).toBe(defaultId);
  });

  it('makes another branch the default; the old default gets a condition', () => {
    const body = emptyBody();
    const cond = insertNode(body, body.process, 1, 'condition');
    const [first, second] = cond.branches ?? [];
    makeDefault(cond, first?.id as string);
    expect(cond.branches?.map((b) => b.id)).toEqual([second?.id, first?.id]);
    expect(first?.default).toBe(true);
    expect(first?.when).toBeUndefined();
    expect(second?.default).toBeUndefined();
    expect(second?.when).toBeDefined();
  });

  it('removing the second-last branch replaces the node by the remaining branch', () => {
    const body = emptyBody();
    const par = insertNode(body, body.process, 1, 'parallel');
    const kept = par.branches?.[1];
    const inner = insertNode(body, kept?.nodes ?? [], 0, 'cc');
    removeBranch(body.process, par, par.branches?.[0]?.id as string);
    expect(body.process.map((n) => n.id)).toEqual(['start', inner.id, 'end']);
  });
});

describe('workflow designer: client pre-check', () => {
  const valid = (): DefinitionBody => ({
    form: { fields: [{ key: 'amount', label: 'Amount', type: 'number' }] },
    process: [
      { id: 'start', type: 'start' },
      { id: 'a1', type: 'approval', approvers: [{ type: 'initiator' }], mode: 'or' },
      {
        id: 'c1',
        type: 'condition',
        branches: [
          { id: 'big', when: { subject: 'form.amount', op: 'gt', value: 100 }, nodes: [] },
          { id: 'rest', default: true, nodes: [] },
        ],
      },
      { id: 'end', type: 'end' },
    ],
  });

  it('finds nothing in a valid body', () => {
    expect(precheck(valid(), t)).toEqual([]);
  });

  it('names the node and branch at fault', () => {
    const body = valid();
    (body.process[1] as FlowNode).approvers = [];
    const cond = body.process[2] as FlowNode;
    cond.branches = [
      { id: 'big', when: { subject: 'form.missing', op: 'gt', value: '' }, nodes: [] },
      { id: 'rest', nodes: [] },
    ];
    body.form.fields.push({ key: 'amount', label: '', type: 'select' });
    const byNode = issuesByNode(precheck(body, t));
    expect(byNode.get('a1')).toEqual(['workflow.check.noApprovers']);
    expect(byNode.get('c1')).toEqual(['workflow.check.oneDefault']);
    expect(byNode.get('big')).toEqual(['workflow.check.unknownField', 'workflow.check.noValue']);
    expect(byNode.get(null)).toEqual([
      'workflow.check.fieldDuplicate:amount',
      'workflow.check.fieldLabel:amount',
      'workflow.check.fieldOptions:amount',
    ]);
  });

  it('checks percentage, delay, subprocess and parallel branch count', () => {
    const body = valid();
    body.process.splice(
      1,
      0,
      { id: 'p', type: 'approval', approvers: [{ type: 'role', role_code: 'x' }], mode: 'percentage' },
      { id: 'd', type: 'delay', seconds: 0 },
      { id: 's', type: 'subprocess', definition_key: '' },
      { id: 'par', type: 'parallel', branches: [{ id: 'only', nodes: [] }] },
    );
    const ids = precheck(body, t).map((i) => i.node_id);
    expect(ids).toEqual(['p', 'd', 's', 'par']);
  });
});
