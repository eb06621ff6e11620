import type { Branch, FlowNode } from './definition-model.js';

/** A shape's box in diagram coordinates (BPMN DI `dc:Bounds`). */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where each flow node of the export stands, and the row each branch runs along. */
export interface TreeLayout {
  /** By BPMN element id: node ids and the joins `<id>.join`. */
  bounds: Map<string, Bounds>;
  /** By branch id (= the id of the flow leaving the split): the centre line of its row. */
  branchRows: Map<string, number>;
}

const gap = 50;
const rowGap = 30;
const emptyBranchHeight = 50;

/** Sizes as bpmn-js draws its elements by default, so the export looks like a modeler's own. */
function sizeOf(type: FlowNode['type']): { width: number; height: number } {
  if (type === 'start' || type === 'end' || type === 'delay') return { width: 36, height: 36 };
  if (type === 'condition' || type === 'parallel') return { width: 50, height: 50 };
  return { width: 100, height: 80 };
}

interface Size {
  width: number;
  height: number;
}

const hasBranches = (node: FlowNode): node is FlowNode & { branches: Branch[] } =>
  node.type === 'condition' || node.type === 'parallel';

/**
 * Lays the tree out left to right, the way the tree reads: a sequence is one row; a condition
 * or parallel node is its split gateway, its branches as rows stacked one under the other
 * (each branch as wide as it needs), then its join, centred on the row it stands in. Sizes
 * are measured first (bottom-up), positions given second (top-down), so nothing overlaps
 * however deep the branches nest. Pure: no I/O, deterministic.
 */
export function layoutTree(process: FlowNode[]): TreeLayout {
  const sizes = new Map<FlowNode, Size>();
  const layout: TreeLayout = { bounds: new Map(), branchRows: new Map() };
  const measureBlock = (node: FlowNode): Size => {
    const own = sizeOf(node.type);
    if (!hasBranches(node)) return own;
    const rows = node.branches.map((b) => measureSequence(b.nodes));
    const inner = Math.max(0, ...rows.map((r) => r.width));
    const height = rows.reduce((sum, r) => sum + r.height, 0) + rowGap * Math.max(0, rows.length - 1);
    const size = {
      width: own.width * 2 + gap + (inner > 0 ? inner + gap : 0),
      height: Math.max(own.height, height),
    };
    sizes.set(node, size);
    return size;
  };
  const measureSequence = (nodes: FlowNode[]): Size => {
    if (nodes.length === 0) return { width: 0, height: emptyBranchHeight };
    const blocks = nodes.map(measureBlock);
    return {
      width: blocks.reduce((sum, b) => sum + b.width, 0) + gap * (blocks.length - 1),
      height: Math.max(...blocks.map((b) => b.height)),
    };
  };

  const place = (id: string, type: FlowNode['type'], x: number, centre: number) => {
    const { width, height } = sizeOf(type);
    layout.bounds.set(id, { x, y: Math.round(centre - height / 2), width, height });
  };
  const placeSequence = (nodes: FlowNode[], left: number, centre: number) => {
    let x = left;
    for (const node of nodes) {
      place(node.id, node.type, x, centre);
      if (!hasBranches(node)) {
        x += sizeOf(node.type).width + gap;
        continue;
      }
      const block = sizes.get(node) as Size;
      const rows = node.branches.map((b) => measureSequence(b.nodes));
      const total = rows.reduce((sum, r) => sum + r.height, 0) + rowGap * (rows.length - 1);
      let top = centre - total / 2;
      node.branches.forEach((branch, i) => {
        const row = Math.round(top + (rows[i] as Size).height / 2);
        layout.branchRows.set(branch.id, row);
        placeSequence(branch.nodes, x + sizeOf(node.type).width + gap, row);
        top += (rows[i] as Size).height + rowGap;
      });
      place(`${node.id}.join`, node.type, x + block.width - sizeOf(node.type).width, centre);
      x += block.width + gap;
    }
  };

  const whole = measureSequence(process);
  placeSequence(process, 150, Math.round(80 + whole.height / 2));
  return layout;
}
