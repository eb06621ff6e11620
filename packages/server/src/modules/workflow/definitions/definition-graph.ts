import type { FlowNode } from './definition-model.js';

/** The seed's flat shape (seed 001 §5.5): nodes with a config, edges source → target (+condition). */
export interface GraphNode {
  id: string;
  type: string;
  name: string | null;
  config: Record<string, unknown>;
}
export interface GraphEdge {
  source: string;
  target: string;
  condition?: string;
}

/**
 * Flattens the tree into the seed's nodes/edges, derived on every save (never edited): a
 * parallel node gets a `<id>.join` node where its branches meet; a condition's branches
 * meet at the node after it. Edge conditions name the branch (`branch:<id>`, `default`).
 */
export function deriveGraph(process: FlowNode[]): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const link = (sources: string[], target: string, condition?: string) => {
    for (const source of sources) edges.push(condition ? { source, target, condition } : { source, target });
  };
  // Returns the ids whose outgoing edge goes to whatever follows the sequence.
  const walk = (sequence: FlowNode[], entry: string[], entryCondition?: string): string[] => {
    let tails = entry;
    let condition = entryCondition;
    for (const node of sequence) {
      const { id, type, name, ...config } = node as FlowNode & Record<string, unknown>;
      delete config.branches;
      nodes.push({ id, type, name: (name as string | undefined) ?? null, config });
      link(tails, id, condition);
      condition = undefined;
      tails = [id];
      if (type === 'end') return [];
      if (node.type === 'condition' || node.type === 'parallel') {
        const ends = node.branches.flatMap((branch) =>
          walk(branch.nodes, [id], branch.default ? 'default' : `branch:${branch.id}`),
        );
        if (node.type === 'parallel') {
          const join = `${id}.join`;
          nodes.push({ id: join, type: 'join', name: null, config: {} });
          link(ends, join);
          tails = [join];
        } else tails = ends;
      }
    }
    return tails;
  };
  walk(process, []);
  return { nodes, edges };
}
