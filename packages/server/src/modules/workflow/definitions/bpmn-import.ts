/// <reference path="./bpmn-moddle.d.ts" />
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { domainError } from '../../../platform/errors.js';
import { workflowErrors } from '../workflow.errors.js';
import type { Branch, DefinitionBody, FlowNode } from './definition-model.js';

/** A BPMN construct SignX cannot represent, named by its element id. */
export interface BpmnIssue {
  element_id: string;
  message: string;
}

const supported =
  'startEvent, endEvent, userTask, sendTask, timer intermediateCatchEvent, callActivity, exclusiveGateway, parallelGateway, sequenceFlow';
const userTaskTypes = new Set(['approval', 'handler', 'signature']);
type Sequence = { nodes: FlowNode[]; join: ModdleElement | null; ends: boolean };

/**
 * BPMN 2.0 XML into a definition tree (the reverse of bpmn-export.ts). The process must be
 * block-structured as the tree is: one start event, every split gateway's branches meeting
 * at one join gateway of the same kind (or ending), no loops. XML that does not parse is
 * 40063; every construct that cannot be represented is listed at once, by element id (40064).
 * The tree still goes through the definition's own validation when saved.
 */
export async function bpmnToDefinition(
  xml: string,
): Promise<{ key: string; name: string; body: DefinitionBody }> {
  let root: ModdleElement;
  try {
    const parsed = await new BpmnModdle().fromXML(xml);
    root = parsed.rootElement;
    if (parsed.warnings.length > 0) throw new Error(parsed.warnings.map((w) => w.message).join('; '));
  } catch (error) {
    throw domainError(workflowErrors.BPMN_INVALID, `Not readable as BPMN 2.0: ${(error as Error).message}`);
  }
  const processes = list(root.rootElements).filter((e) => e.$type === 'bpmn:Process');
  if (processes.length !== 1)
    throw unsupported([
      {
        element_id: root.id ?? 'definitions',
        message: `needs exactly one process, found ${processes.length}`,
      },
    ]);
  const process = processes[0] as ModdleElement;
  const issues: BpmnIssue[] = [];
  const reader = new GraphReader(list(process.flowElements), issues);
  const process_ = reader.read();
  if (issues.length > 0) throw unsupported(issues);
  const key = process.$attrs['signx:key'] ?? (process.id as string);
  const form = parseJson(process.$attrs['signx:form'], process.id as string, issues) ?? { fields: [] };
  const listeners = parseJson(process.$attrs['signx:listeners'], process.id as string, issues);
  if (issues.length > 0) throw unsupported(issues);
  const body: DefinitionBody = { form: form as DefinitionBody['form'], process: process_ };
  if (process.$attrs['signx:dedupe_consecutive'] === 'true') body.dedupe_consecutive = true;
  if (listeners !== undefined) body.listeners = listeners as DefinitionBody['listeners'];
  return { key, name: process.name ?? key, body };
}

class GraphReader {
  private readonly out = new Map<string, ModdleElement[]>();
  private readonly inCount = new Map<string, number>();
  private readonly nodes: ModdleElement[] = [];
  private readonly seen = new Set<string>();

  constructor(
    elements: ModdleElement[],
    private readonly issues: BpmnIssue[],
  ) {
    for (const element of elements) {
      if (element.$type !== 'bpmn:SequenceFlow') {
        this.nodes.push(element);
        continue;
      }
      const source = (element.sourceRef as ModdleElement).id as string;
      const target = (element.targetRef as ModdleElement).id as string;
      this.out.set(source, [...(this.out.get(source) ?? []), element]);
      this.inCount.set(target, (this.inCount.get(target) ?? 0) + 1);
    }
  }

  read(): FlowNode[] {
    const starts = this.nodes.filter((n) => n.$type === 'bpmn:StartEvent');
    if (starts.length !== 1) {
      this.issue(starts[1]?.id ?? 'process', `needs exactly one start event, found ${starts.length}`);
      return [];
    }
    const top = this.walk(starts[0] as ModdleElement);
    if (top.join) this.issue(top.join.id, 'joins branches that no gateway split');
    for (const node of this.nodes)
      if (!this.seen.has(node.id as string) && this.issues.length === 0)
        this.issue(node.id, 'is not reachable from the start event along a block-structured path');
    return top.nodes;
  }

  /** Follows a sequence from `from` until an end event, a join gateway, or a dead end. */
  private walk(from: ModdleElement): Sequence {
    const nodes: FlowNode[] = [];
    let current: ModdleElement | undefined = from;
    while (current) {
      const id = current.id as string;
      const outs = this.out.get(id) ?? [];
      const isGateway = current.$type === 'bpmn:ExclusiveGateway' || current.$type === 'bpmn:ParallelGateway';
      if (isGateway && (this.inCount.get(id) ?? 0) > 1) {
        if (outs.length > 1) this.issue(id, 'both joins and splits: use one gateway for each');
        return { nodes, join: current, ends: false };
      }
      if (this.seen.has(id)) {
        this.issue(id, 'is reached twice (a loop or a branch that skips its join): not representable');
        return { nodes, join: null, ends: true };
      }
      this.seen.add(id);
      if (isGateway) {
        const split = this.split(current, outs);
        if (!split) return { nodes, join: null, ends: true };
        nodes.push(split.node);
        if (!split.join) return { nodes, join: null, ends: true };
        this.seen.add(split.join.id as string);
        const after: ModdleElement[] = this.out.get(split.join.id as string) ?? [];
        if (after.length !== 1) {
          this.issue(split.join.id, 'a join needs exactly one outgoing flow');
          return { nodes, join: null, ends: true };
        }
        current = after[0]?.targetRef as ModdleElement;
        continue;
      }
      const node = this.node(current);
      if (node) nodes.push(node);
      if (current.$type === 'bpmn:EndEvent') {
        if (outs.length > 0) this.issue(id, 'an end event has no outgoing flow');
        return { nodes, join: null, ends: true };
      }
      if (outs.length !== 1) {
        this.issue(id, `needs exactly one outgoing flow (has ${outs.length}); split with a gateway`);
        return { nodes, join: null, ends: true };
      }
      current = outs[0]?.targetRef as ModdleElement;
    }
    return { nodes, join: null, ends: true };
  }

  /** A split gateway and its branches up to their common join. */
  private split(
    gateway: ModdleElement,
    outs: ModdleElement[],
  ): { node: FlowNode; join: ModdleElement | null } | null {
    const id = gateway.id as string;
    if (outs.length < 2) {
      this.issue(id, 'a gateway must split (several outgoing flows) or join (several incoming)');
      return null;
    }
    const parallel = gateway.$type === 'bpmn:ParallelGateway';
    let join: ModdleElement | null = null;
    const branches: Branch[] = outs.map((flow) => {
      const sequence = this.walk(flow.targetRef as ModdleElement);
      if (sequence.join) {
        if (join && join !== sequence.join)
          this.issue(id, `branches meet at ${join.id} and ${sequence.join.id}: they must meet at one join`);
        else if (sequence.join.$type !== gateway.$type)
          this.issue(sequence.join.id, `joins branches of ${id}, a gateway of another kind`);
        join ??= sequence.join;
      }
      return this.branch(gateway, flow, sequence.nodes, parallel);
    });
    const name = gateway.name ? { name: gateway.name } : {};
    const node = { id, ...name, type: parallel ? 'parallel' : 'condition', branches } as FlowNode;
    return { node, join };
  }

  private branch(gateway: ModdleElement, flow: ModdleElement, nodes: FlowNode[], parallel: boolean): Branch {
    const branch: Branch = { id: flow.id as string, nodes };
    if (flow.name) branch.name = flow.name;
    if (parallel) {
      if (flow.conditionExpression) this.issue(flow.id, 'a parallel gateway’s flows take no condition');
      return branch;
    }
    if (gateway.default === flow) branch.default = true;
    const expression = flow.conditionExpression as ModdleElement | undefined;
    if (expression) {
      const when = parseJson(expression.body as string | undefined, flow.id as string, this.issues);
      if (when) branch.when = when as Branch['when'];
    } else if (!branch.default)
      this.issue(flow.id, 'a flow out of an exclusive gateway needs a condition or to be its default');
    return branch;
  }

  /** A flow node other than a gateway as a tree node, its SignX settings from `signx:config`. */
  private node(element: ModdleElement): FlowNode | null {
    const id = element.id as string;
    const base = { ...(element.name ? { name: element.name } : {}) };
    const config = (parseJson(element.$attrs['signx:config'], id, this.issues) ?? {}) as Record<
      string,
      unknown
    >;
    if (element.loopCharacteristics)
      this.issue(id, 'loop and multi-instance markers are not supported (use mode)');
    if (list(element.eventDefinitions).length > 0 && element.$type !== 'bpmn:IntermediateCatchEvent')
      this.issue(id, `${element.$type} with an event definition is not supported`);
    switch (element.$type) {
      case 'bpmn:StartEvent':
        return { ...config, ...base, id, type: 'start' } as FlowNode;
      case 'bpmn:EndEvent':
        return { ...config, ...base, id, type: 'end' } as FlowNode;
      case 'bpmn:SendTask':
        return { ...config, ...base, id, type: 'cc' } as FlowNode;
      case 'bpmn:UserTask': {
        const type = element.$attrs['signx:type'] ?? 'approval';
        if (!userTaskTypes.has(type))
          this.issue(id, `signx:type ${type} is not approval, handler or signature`);
        return { ...config, ...base, id, type } as FlowNode;
      }
      case 'bpmn:CallActivity':
        if (!element.calledElement)
          this.issue(id, 'a call activity needs calledElement (the definition key)');
        return {
          ...config,
          ...base,
          id,
          type: 'subprocess',
          definition_key: element.calledElement,
        } as FlowNode;
      case 'bpmn:IntermediateCatchEvent': {
        const seconds = timerSeconds(element);
        if (seconds === null)
          this.issue(id, 'only a timer with a duration (timeDuration, e.g. PT1H) is supported');
        return { ...config, ...base, id, type: 'delay', seconds } as FlowNode;
      }
      default:
        this.issue(id, `${element.$type} cannot be represented (supported: ${supported})`);
        return null;
    }
  }

  private issue(elementId: string | undefined, message: string): void {
    this.issues.push({ element_id: elementId ?? '?', message });
  }
}

/** Seconds of an ISO-8601 duration (PnDTnHnMnS) in a timer's timeDuration; null for anything else. */
function timerSeconds(element: ModdleElement): number | null {
  const timers = list(element.eventDefinitions);
  const duration = (timers[0]?.timeDuration as ModdleElement | undefined)?.body as string | undefined;
  if (timers.length !== 1 || timers[0]?.$type !== 'bpmn:TimerEventDefinition' || !duration) return null;
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(duration.trim());
  if (!match || duration.trim() === 'P' || duration.trim().endsWith('T')) return null;
  const [d, h, m, s] = match.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number];
  return ((d * 24 + h) * 60 + m) * 60 + s;
}

function parseJson(text: string | undefined, elementId: string, issues: BpmnIssue[]): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    issues.push({ element_id: elementId, message: 'a signx attribute or condition is not valid JSON' });
    return undefined;
  }
}

function list(value: unknown): ModdleElement[] {
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

function unsupported(issues: BpmnIssue[]) {
  return domainError(
    workflowErrors.BPMN_UNSUPPORTED,
    `The BPMN cannot be represented as a SignX definition: ${issues.map((i) => `${i.element_id}: ${i.message}`).join('; ')}`,
    { details: { issues } },
  );
}
