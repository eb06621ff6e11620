import type { ApprovalDetail } from './approvals.api';

/**
 * The progress graph's reading of an approval: the definition's node tree (docs/workflow.md)
 * with a state per node, worked out from the tasks and the timeline, which say which nodes
 * were reached. A node after a reached one that was never reached itself was skipped (a
 * condition branch not taken, an approval passed automatically).
 */
export type NodeState = 'done' | 'current' | 'pending' | 'skipped';
export interface FlowBranch {
  id: string;
  name?: string;
  default?: boolean;
  nodes: FlowNode[];
}
export interface FlowNode {
  id: string;
  type: string;
  name?: string;
  branches?: FlowBranch[];
}

const unreached = new Set(['cancelled', 'transferred']);
const passing = new Set(['route', 'subprocess', 'auto_approve', 'no_approver', 'cc', 'signed', 'declined']);

type Facts = Pick<ApprovalDetail, 'status' | 'current_nodes' | 'tasks' | 'timeline'>;

export function nodeStates(process: FlowNode[], facts: Facts): Map<string, NodeState> {
  // Reached: a decision (or copy) that stands, or the engine passing through. A task that was
  // only cancelled (the step was returned from, or withdrawn) does not make a step done.
  const touched = new Set<string>([
    ...facts.tasks.filter((task) => !unreached.has(task.status)).map((task) => task.node_id),
    ...facts.timeline.flatMap((entry) => (entry.node_id && passing.has(entry.action) ? [entry.node_id] : [])),
  ]);
  const current = new Set(facts.current_nodes);
  const finished = facts.status !== 'running' && facts.status !== 'returned';
  const states = new Map<string, NodeState>();
  const deep = (node: FlowNode): FlowNode[] => [
    node,
    ...(node.branches ?? []).flatMap((b) => b.nodes.flatMap(deep)),
  ];
  const reached = (node: FlowNode) => deep(node).some((n) => touched.has(n.id) || current.has(n.id));

  function walk(sequence: FlowNode[], reachable: boolean): void {
    const lastReached = sequence.map(reached).lastIndexOf(true);
    sequence.forEach((node, index) => {
      const passed = index < lastReached;
      if (node.branches) {
        const anyBranch = node.branches.some((b) => b.nodes.some(reached));
        for (const branch of node.branches) {
          const taken = branch.nodes.some(reached);
          // A condition runs one branch: once one is taken (or the flow went past), the others were not.
          const skip = node.type === 'condition' && !taken && (anyBranch || passed);
          walk(branch.nodes, reachable && !skip);
        }
        const inner = deep(node).slice(1);
        const state = inner.some((n) => states.get(n.id) === 'current')
          ? 'current'
          : anyBranch || passed
            ? 'done'
            : stateOfUnreached(reachable);
        states.set(node.id, state);
        return;
      }
      if (node.type === 'start') states.set(node.id, 'done');
      else if (node.type === 'end')
        states.set(node.id, facts.status === 'approved' ? 'done' : stateOfUnreached(reachable));
      else if (current.has(node.id)) states.set(node.id, 'current');
      else if (touched.has(node.id)) states.set(node.id, 'done');
      else states.set(node.id, passed ? 'skipped' : stateOfUnreached(reachable));
    });
  }
  const stateOfUnreached = (reachable: boolean): NodeState =>
    !reachable || finished ? 'skipped' : 'pending';
  walk(process, true);
  return states;
}

/** Every node of the tree, in order (names for the return picker and the timeline). */
export function allNodes(process: FlowNode[]): FlowNode[] {
  return process.flatMap((node) => [node, ...(node.branches ?? []).flatMap((b) => allNodes(b.nodes))]);
}

/**
 * Where the approval may go back to: approval and handler nodes someone already approved
 * that are not open now. The server checks the path (docs/workflow.md: return).
 */
export function returnTargets(process: FlowNode[], facts: Facts): FlowNode[] {
  const approved = new Set(
    facts.tasks
      .filter((task) => task.status === 'approved' && (task.kind === 'approval' || task.kind === 'handler'))
      .map((task) => task.node_id),
  );
  const open = new Set(facts.current_nodes);
  return allNodes(process).filter((node) => approved.has(node.id) && !open.has(node.id));
}
