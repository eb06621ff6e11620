import { type Branch, type DefinitionBody, type FlowNode, type NodeType, newId } from './definition';

/**
 * Edits of the node tree, in place on the reactive body: insert a node between two
 * others, remove one, add/remove/move branches. Ids stay unique across the definition,
 * because the server's validation messages (and the derived edges) name them.
 */
export function allIds(body: DefinitionBody): Set<string> {
  const ids = new Set<string>();
  const walk = (nodes: FlowNode[]) => {
    for (const node of nodes) {
      ids.add(node.id);
      for (const branch of node.branches ?? []) {
        ids.add(branch.id);
        walk(branch.nodes);
      }
    }
  };
  walk(body.process);
  return ids;
}

const prefixes: Record<NodeType, string> = {
  start: 'start',
  end: 'end',
  approval: 'approve',
  handler: 'handle',
  cc: 'cc',
  condition: 'cond',
  parallel: 'par',
  subprocess: 'sub',
  signature: 'sign',
  delay: 'delay',
};

function branch(ids: Set<string>, extra: Partial<Branch> = {}): Branch {
  const id = newId('branch', (x) => ids.has(x));
  ids.add(id);
  return { id, nodes: [], ...extra };
}

/** A new node of a type with the settings it needs to be valid except its approvers. */
export function createNode(body: DefinitionBody, type: NodeType): FlowNode {
  const ids = allIds(body);
  const id = newId(prefixes[type], (x) => ids.has(x));
  ids.add(id);
  switch (type) {
    case 'approval':
    case 'handler':
      return { id, type, approvers: [], mode: 'or', empty_policy: { action: 'to_admin' } };
    case 'signature':
      return { id, type, approvers: [{ type: 'initiator' }], meaning: 'approved' };
    case 'cc':
      return { id, type, recipients: [{ type: 'initiator' }] };
    case 'condition':
      return {
        id,
        type,
        branches: [
          branch(ids, { when: { subject: 'initiator.department_id', op: 'eq', value: '' } }),
          branch(ids, { default: true }),
        ],
      };
    case 'parallel':
      return { id, type, branches: [branch(ids), branch(ids)] };
    case 'delay':
      return { id, type, seconds: 3600 };
    case 'subprocess':
      return { id, type, definition_key: '' };
    default:
      return { id, type };
  }
}

export function insertNode(
  body: DefinitionBody,
  sequence: FlowNode[],
  index: number,
  type: NodeType,
): FlowNode {
  const node = createNode(body, type);
  sequence.splice(index, 0, node);
  return node;
}

export function removeNode(sequence: FlowNode[], id: string): void {
  const at = sequence.findIndex((n) => n.id === id);
  if (at >= 0) sequence.splice(at, 1);
}

/** A new branch goes before the default branch (the default stays last, as it is evaluated last). */
export function addBranch(body: DefinitionBody, node: FlowNode): Branch {
  const branches = node.branches ?? [];
  const made = branch(allIds(body));
  if (node.type === 'condition') made.when = { subject: 'initiator.department_id', op: 'eq', value: '' };
  const defaultAt = branches.findIndex((b) => b.default);
  branches.splice(defaultAt >= 0 ? defaultAt : branches.length, 0, made);
  node.branches = branches;
  return made;
}

/** Removes a branch; a condition or parallel node left with one branch is replaced by its nodes. */
export function removeBranch(sequence: FlowNode[], node: FlowNode, branchId: string): void {
  const branches = node.branches ?? [];
  const at = branches.findIndex((b) => b.id === branchId);
  if (at < 0) return;
  branches.splice(at, 1);
  if (branches.length <= 1) {
    const index = sequence.indexOf(node);
    if (index >= 0) sequence.splice(index, 1, ...(branches[0]?.nodes ?? []));
  }
}

/** Moves a branch one place (−1 earlier, +1 later); the default branch does not move. */
export function moveBranch(node: FlowNode, branchId: string, by: -1 | 1): void {
  const branches = node.branches ?? [];
  const at = branches.findIndex((b) => b.id === branchId);
  const to = at + by;
  if (at < 0 || to < 0 || to >= branches.length) return;
  if (branches[at]?.default || branches[to]?.default) return;
  const [moved] = branches.splice(at, 1);
  if (moved) branches.splice(to, 0, moved);
}

/** Makes one branch of a condition the default (it loses its `when`, the old default gets one). */
export function makeDefault(node: FlowNode, branchId: string): void {
  const branches = node.branches ?? [];
  for (const b of branches) {
    if (b.id === branchId) {
      b.default = true;
      delete b.when;
    } else if (b.default) {
      delete b.default;
      b.when = { subject: 'initiator.department_id', op: 'eq', value: '' };
    }
  }
  const at = branches.findIndex((b) => b.id === branchId);
  const [moved] = branches.splice(at, 1);
  if (moved) branches.push(moved);
}

/** Counts nodes, for the status bar and the bench. */
export function countNodes(nodes: FlowNode[]): number {
  let n = 0;
  for (const node of nodes) {
    n += 1;
    for (const b of node.branches ?? []) n += countNodes(b.nodes);
  }
  return n;
}
