import { type InjectionKey, inject, type Ref } from 'vue';
import type { Branch, DefinitionBody, FlowNode, NodeType } from '../model/definition';

/**
 * What every card of the recursive tree needs from the designer page: the body, the
 * selected node, the issues by node and the edits. Passed by provide/inject so the tree
 * components stay small and do not thread props through every level.
 */
export interface DesignerContext {
  body: DefinitionBody;
  readonly: Ref<boolean>;
  selectedId: Ref<string | null>;
  issues: Ref<Map<string | null, string[]>>;
  /** Opens the settings drawer: a node, or one branch of a condition node. */
  select(node: FlowNode, branch?: Branch): void;
  insert(sequence: FlowNode[], index: number, type: NodeType): void;
  remove(sequence: FlowNode[], node: FlowNode): void;
}

export const designerKey: InjectionKey<DesignerContext> = Symbol('workflow-designer');

export function useDesigner(): DesignerContext {
  const context = inject(designerKey);
  if (!context) throw new Error('useDesigner outside the workflow designer');
  return context;
}
