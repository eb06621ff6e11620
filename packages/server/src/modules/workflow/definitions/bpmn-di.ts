/// <reference path="./bpmn-moddle.d.ts" />
import type { BpmnModdle, ModdleElement } from 'bpmn-moddle';
import type { Bounds, TreeLayout } from './bpmn-layout.js';

type Point = { x: number; y: number };

/**
 * The BPMN diagram interchange of an export (`bpmndi:BPMNDiagram` → `BPMNPlane` with a
 * `BPMNShape` per flow node and a `BPMNEdge` per sequence flow), so bpmn.io and Camunda
 * Modeler open it laid out instead of stacking every element at the origin. Edges run
 * orthogonally: a flow leaving a split drops from the gateway to its branch's row, a flow
 * reaching a join rises (or drops) from the row into the gateway; every other flow is
 * straight along its row.
 */
export function diagramOf(
  moddle: BpmnModdle,
  process: ModdleElement,
  elements: ModdleElement[],
  layout: TreeLayout,
): ModdleElement {
  const planeElements: ModdleElement[] = [];
  for (const element of elements) {
    if (element.$type === 'bpmn:SequenceFlow') continue;
    const bounds = layout.bounds.get(element.id as string) as Bounds;
    const shape = moddle.create('bpmndi:BPMNShape', {
      id: `${element.id}_di`,
      bpmnElement: element,
      bounds: moddle.create('dc:Bounds', { ...bounds }),
    });
    if (element.$type === 'bpmn:ExclusiveGateway') shape.isMarkerVisible = true;
    planeElements.push(shape);
  }
  for (const flow of elements) {
    if (flow.$type !== 'bpmn:SequenceFlow') continue;
    planeElements.push(
      moddle.create('bpmndi:BPMNEdge', {
        id: `${flow.id}_di`,
        bpmnElement: flow,
        waypoint: waypoints(flow, layout).map((p) => moddle.create('dc:Point', p)),
      }),
    );
  }
  const plane = moddle.create('bpmndi:BPMNPlane', {
    id: `${process.id}_plane`,
    bpmnElement: process,
    planeElement: planeElements,
  });
  return moddle.create('bpmndi:BPMNDiagram', { id: `${process.id}_diagram`, plane });
}

const middleY = (b: Bounds) => b.y + Math.round(b.height / 2);
const middleX = (b: Bounds) => b.x + Math.round(b.width / 2);
const isGateway = (e: ModdleElement) =>
  e.$type === 'bpmn:ExclusiveGateway' || e.$type === 'bpmn:ParallelGateway';

/** The bend points of one flow (see diagramOf), from the source's border to the target's. */
export function waypoints(flow: ModdleElement, layout: TreeLayout): Point[] {
  const source = flow.sourceRef as ModdleElement;
  const target = flow.targetRef as ModdleElement;
  const from = layout.bounds.get(source.id as string) as Bounds;
  const to = layout.bounds.get(target.id as string) as Bounds;
  const row = layout.branchRows.get(flow.id as string);
  const edgeOf = (gateway: Bounds, y: number) =>
    y < middleY(gateway) ? gateway.y : gateway.y + gateway.height;
  if (row !== undefined && row !== middleY(from)) {
    // A branch leaving its split: down (or up) to the branch's row, then along it.
    const points: Point[] = [
      { x: middleX(from), y: edgeOf(from, row) },
      { x: middleX(from), y: row },
    ];
    if (isGateway(target) && middleY(to) !== row)
      // An empty branch: along its row to the join, then into it.
      points.push({ x: middleX(to), y: row }, { x: middleX(to), y: edgeOf(to, row) });
    else points.push({ x: to.x, y: row });
    return points;
  }
  if (isGateway(target) && middleY(from) !== middleY(to)) {
    // A branch reaching its join from its own row.
    const y = middleY(from);
    return [
      { x: from.x + from.width, y },
      { x: middleX(to), y },
      { x: middleX(to), y: edgeOf(to, y) },
    ];
  }
  return [
    { x: from.x + from.width, y: middleY(from) },
    { x: to.x, y: middleY(to) },
  ];
}
