import type { Department } from '../identity.api';

export interface DepartmentNode {
  key: string;
  value: string;
  title: string;
  children: DepartmentNode[];
  department: Department;
}

/** The flat department list as a tree (for Tree and TreeSelect), siblings by name. */
export function departmentTree(list: readonly Department[]): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>();
  for (const d of list)
    nodes.set(d.id, { key: d.id, value: d.id, title: d.name, children: [], department: d });
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.department.parent_id ? nodes.get(node.department.parent_id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (items: DepartmentNode[]) => {
    items.sort((a, b) => a.title.localeCompare(b.title));
    for (const item of items) sort(item.children);
  };
  sort(roots);
  return roots;
}
