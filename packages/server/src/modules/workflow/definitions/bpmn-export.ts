/// <reference path="./bpmn-moddle.d.ts" />
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { diagramOf } from './bpmn-di.js';
import { layoutTree } from './bpmn-layout.js';
import type { Branch, DefinitionBody, FlowNode } from './definition-model.js';

/** The namespace of SignX's attributes on BPMN elements (what BPMN has no place for). */
export const signxNamespace = 'https://signx.dev/schema/bpmn/1';

/** The BPMN element of each node type; condition and parallel become a split and a join gateway. */
export const bpmnTypeOf: Record<FlowNode['type'], string> = {
  start: 'bpmn:StartEvent',
  end: 'bpmn:EndEvent',
  approval: 'bpmn:UserTask',
  handler: 'bpmn:UserTask',
  signature: 'bpmn:UserTask',
  cc: 'bpmn:SendTask',
  delay: 'bpmn:IntermediateCatchEvent',
  subprocess: 'bpmn:CallActivity',
  condition: 'bpmn:ExclusiveGateway',
  parallel: 'bpmn:ParallelGateway',
};

/** The id of the gateway where a condition's or parallel's branches meet. */
export const joinIdOf = (nodeId: string) => `${nodeId}.join`;

/**
 * A definition version's tree as BPMN 2.0 XML: one process, a flow node per node and
 * sequence flows between them. Approval, handler and signature nodes are user tasks, copies
 * send tasks, a delay a timer catch event, a subprocess a call activity; a condition is an
 * exclusive and a parallel node a parallel gateway pair (split `<id>`, join `<id>.join`),
 * each branch the flow leaving the split (its id the branch id, a condition's `when` as a
 * `signx` expression, the default branch the gateway's default flow). What BPMN lacks (node
 * type, approver rules, modes, field permissions, the form) is kept in `signx:*` attributes,
 * so importing the XML gives the same tree back. The diagram interchange (bpmn-di.ts, laid
 * out by bpmn-layout.ts) places every element, so modelers open it drawn.
 */
export async function definitionToBpmn(definition: {
  key: string;
  name: string;
  body: DefinitionBody;
}): Promise<string> {
  const moddle = new BpmnModdle();
  const elements: ModdleElement[] = [];
  const flowIds = new Set<string>();
  const add = (type: string, attributes: Record<string, unknown>) => {
    const element = moddle.create(type, attributes);
    elements.push(element);
    return element;
  };
  const connect = (source: ModdleElement, target: ModdleElement, id?: string) => {
    let flowId = id ?? `${source.id}__${target.id}`;
    for (let n = 2; flowIds.has(flowId); n += 1) flowId = `${source.id}__${target.id}__${n}`;
    flowIds.add(flowId);
    const flow = add('bpmn:SequenceFlow', { id: flowId, sourceRef: source, targetRef: target });
    linkFlow(source, 'outgoing', flow);
    linkFlow(target, 'incoming', flow);
    return flow;
  };

  /** Emits a sequence; answers its first element and its open tail (null when it ends in an end event). */
  const emitSequence = (
    nodes: FlowNode[],
  ): { head: ModdleElement | null; tail: ModdleElement | null; ends: boolean } => {
    let head: ModdleElement | null = null;
    let tail: ModdleElement | null = null;
    for (const node of nodes) {
      const { entry, exit } = emitNode(node);
      if (tail) connect(tail, entry);
      head ??= entry;
      tail = exit;
      if (node.type === 'end') return { head, tail: null, ends: true };
    }
    return { head, tail, ends: false };
  };

  const emitNode = (node: FlowNode): { entry: ModdleElement; exit: ModdleElement | null } => {
    const element = add(bpmnTypeOf[node.type], { id: node.id, ...(node.name ? { name: node.name } : {}) });
    const { id: _id, name: _name, type, ...settings } = node as FlowNode & { branches?: Branch[] };
    delete settings.branches;
    if (bpmnTypeLabel(type) === null) element.$attrs['signx:type'] = type;
    if (Object.keys(settings).length > 0) element.$attrs['signx:config'] = JSON.stringify(settings);
    if (node.type === 'delay')
      element.eventDefinitions = [
        moddle.create('bpmn:TimerEventDefinition', {
          timeDuration: moddle.create('bpmn:FormalExpression', { body: `PT${node.seconds}S` }),
        }),
      ];
    if (node.type === 'subprocess') element.calledElement = node.definition_key;
    if (node.type !== 'condition' && node.type !== 'parallel') return { entry: element, exit: element };
    let join: ModdleElement | null = null;
    for (const branch of node.branches) {
      const { head, tail, ends } = emitSequence(branch.nodes);
      if (!ends) join ??= add(bpmnTypeOf[node.type], { id: joinIdOf(node.id) });
      const first = head ?? (join as ModdleElement);
      const flow = connect(element, first, branch.id);
      if (branch.name) flow.name = branch.name;
      if (branch.when)
        flow.conditionExpression = moddle.create('bpmn:FormalExpression', {
          language: 'signx',
          body: JSON.stringify(branch.when),
        });
      if (branch.default) element.default = flow;
      if (tail && join) connect(tail, join);
    }
    return { entry: element, exit: join };
  };

  emitSequence(definition.body.process);
  const process = moddle.create('bpmn:Process', {
    id: xmlId(definition.key),
    name: definition.name,
    isExecutable: true,
    flowElements: elements,
  });
  process.$attrs['signx:key'] = definition.key;
  process.$attrs['signx:form'] = JSON.stringify(definition.body.form);
  if (definition.body.dedupe_consecutive) process.$attrs['signx:dedupe_consecutive'] = 'true';
  if (definition.body.listeners?.length)
    process.$attrs['signx:listeners'] = JSON.stringify(definition.body.listeners);
  const root = moddle.create('bpmn:Definitions', {
    id: `Definitions_${xmlId(definition.key)}`,
    targetNamespace: signxNamespace,
    exporter: 'SignX',
    rootElements: [process],
  });
  root.diagrams = [diagramOf(moddle, process, elements, layoutTree(definition.body.process))];
  root.$attrs['xmlns:signx'] = signxNamespace;
  return (await moddle.toXML(root, { format: true })).xml;
}

/** Node types told apart only by `signx:type` (several share a user task); the others by their element. */
function bpmnTypeLabel(type: FlowNode['type']): FlowNode['type'] | null {
  return type === 'approval' || type === 'handler' || type === 'signature' ? null : type;
}

function linkFlow(element: ModdleElement, side: 'incoming' | 'outgoing', flow: ModdleElement): void {
  element[side] = [...((element[side] as ModdleElement[] | undefined) ?? []), flow];
}

/** A process id must be an XML name: anything else in the key becomes `_`. */
function xmlId(key: string): string {
  const cleaned = key.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}
