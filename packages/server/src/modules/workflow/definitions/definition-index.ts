import type { Branch, FlowNode } from './definition-model.js';

/**
 * Where every node sits in the tree: its sequence (top level, or a branch) and the
 * container node of that branch. The engine walks the tree through this index.
 */
export interface NodePlace {
  node: FlowNode;
  /** The sequence holding the node. */
  sequence: FlowNode[];
  index: number;
  /** null at the top level. */
  branchId: string | null;
  /** The condition/parallel node whose branch holds the sequence. */
  containerId: string | null;
}

export interface DefinitionIndex {
  places: Map<string, NodePlace>;
  branches: Map<string, { branch: Branch; containerId: string }>;
  top: FlowNode[];
}

export function indexDefinition(process: FlowNode[]): DefinitionIndex {
  const index: DefinitionIndex = { places: new Map(), branches: new Map(), top: process };
  const walk = (sequence: FlowNode[], branchId: string | null, containerId: string | null) => {
    sequence.forEach((node, position) => {
      if (!index.places.has(node.id))
        index.places.set(node.id, { node, sequence, index: position, branchId, containerId });
      if (node.type === 'condition' || node.type === 'parallel')
        for (const branch of node.branches ?? []) {
          index.branches.set(branch.id, { branch, containerId: node.id });
          walk(branch.nodes ?? [], branch.id, node.id);
        }
    });
  };
  walk(process, null, null);
  return index;
}

/** The sequence a branch id (or null: the top level) walks. */
export function sequenceOf(index: DefinitionIndex, branchId: string | null): FlowNode[] {
  if (branchId === null) return index.top;
  return index.branches.get(branchId)?.branch.nodes ?? [];
}

/** The branch ids enclosing a node, innermost first (the node's own branch included). */
export function enclosingBranches(index: DefinitionIndex, nodeId: string): (string | null)[] {
  const chain: (string | null)[] = [];
  let place = index.places.get(nodeId);
  while (place) {
    chain.push(place.branchId);
    if (!place.containerId) break;
    place = index.places.get(place.containerId);
  }
  return chain;
}
