/// <reference path="./bpmn-moddle.d.ts" />
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/test-app.js';
import {
  amountForm,
  approval,
  as,
  call,
  createWorkflowApp,
  end,
  start,
  user,
} from '../../../../test/workflow-kit.js';
import { shippedTemplates } from '../templates/shipped-templates.js';

/** BPMN diagram interchange of the export (docs/workflow.md "BPMN 2.0"). */
let t: TestApp;
beforeAll(async () => {
  t = await createWorkflowApp();
}, 180_000);
afterAll(() => t.close());

const manager = as(user(90));
type Box = { x: number; y: number; width: number; height: number };

/** Parses an export and checks its diagram against its process; answers the shapes by element id. */
async function checkDiagram(xml: string): Promise<Map<string, Box>> {
  const { rootElement, warnings } = await new BpmnModdle().fromXML(xml);
  expect(warnings).toEqual([]);
  const process = (rootElement.rootElements as ModdleElement[])[0] as ModdleElement;
  const elements = process.flowElements as ModdleElement[];
  const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
  const nodes = elements.filter((e) => e.$type !== 'bpmn:SequenceFlow');
  const diagrams = rootElement.diagrams as ModdleElement[];
  expect(diagrams).toHaveLength(1);
  const plane = (diagrams[0] as ModdleElement).plane as ModdleElement;
  expect(plane.bpmnElement).toBe(process);
  const di = plane.planeElement as ModdleElement[];
  const shapes = new Map<string, Box>();
  for (const shape of di.filter((d) => d.$type === 'bpmndi:BPMNShape'))
    shapes.set((shape.bpmnElement as ModdleElement).id as string, shape.bounds as Box);
  const edges = new Map<string, { x: number; y: number }[]>();
  for (const edge of di.filter((d) => d.$type === 'bpmndi:BPMNEdge'))
    edges.set((edge.bpmnElement as ModdleElement).id as string, edge.waypoint as { x: number; y: number }[]);
  // A shape for every flow node and an edge for every sequence flow, nothing else.
  expect([...shapes.keys()].sort()).toEqual(nodes.map((n) => n.id).sort());
  expect([...edges.keys()].sort()).toEqual(flows.map((f) => f.id).sort());
  // No two shapes overlap.
  const boxes = [...shapes.entries()];
  for (const [i, [a, p]] of boxes.entries())
    for (const [b, q] of boxes.slice(i + 1)) {
      const apart =
        p.x + p.width <= q.x || q.x + q.width <= p.x || p.y + p.height <= q.y || q.y + q.height <= p.y;
      expect(apart, `${a} overlaps ${b}`).toBe(true);
    }
  // Each edge starts on its source's border, ends on its target's, and runs orthogonally.
  const onBorder = (box: Box, p: { x: number; y: number }) =>
    ((p.x === box.x || p.x === box.x + box.width) && p.y >= box.y && p.y <= box.y + box.height) ||
    ((p.y === box.y || p.y === box.y + box.height) && p.x >= box.x && p.x <= box.x + box.width);
  for (const flow of flows) {
    const points = edges.get(flow.id as string) as { x: number; y: number }[];
    expect(points.length).toBeGreaterThanOrEqual(2);
    const source = shapes.get((flow.sourceRef as ModdleElement).id as string) as Box;
    const target = shapes.get((flow.targetRef as ModdleElement).id as string) as Box;
    expect(onBorder(source, points[0] as { x: number; y: number }), `${flow.id} start`).toBe(true);
    expect(onBorder(target, points.at(-1) as { x: number; y: number }), `${flow.id} end`).toBe(true);
    for (const [i, p] of points.slice(1).entries()) {
      const q = points[i] as { x: number; y: number };
      expect(p.x === q.x || p.y === q.y, `${flow.id} segment ${i}`).toBe(true);
    }
  }
  return shapes;
}

const exportOf = async (id: string) => {
  const exported = await call(t, 'GET', `/workflows/${id}/bpmn`, manager);
  expect(exported.statusCode, exported.body).toBe(200);
  return exported.body;
};

describe('BPMN diagram interchange', () => {
  it('each shipped template exports laid out (a shape per node, an edge per flow) and round-trips through import', async () => {
    const installed = await call(t, 'POST', '/workflow-templates/install', manager);
    expect(installed.statusCode, installed.body).toBe(200);
    for (const template of shippedTemplates) {
      const listed = await call(t, 'GET', `/workflows?key=${template.key}`, manager);
      const row = listed.json().data.items[0] as { id: string; body: object };
      const xml = await exportOf(row.id);
      expect(xml).toContain('<bpmndi:BPMNDiagram');
      const shapes = await checkDiagram(xml);
      // Left to right: start first, end last.
      const xs = [...shapes.entries()].sort((a, b) => a[1].x - b[1].x).map(([id]) => id);
      expect([xs[0], xs.at(-1)], template.key).toEqual(['start', 'end']);
      const imported = await call(t, 'POST', '/workflows/import', manager, {
        xml,
        key: `${template.key}-copy`,
      });
      expect(imported.statusCode, imported.body).toBe(201);
      expect(imported.json().data.body, template.key).toEqual(row.body);
    }
  });

  it('nested, empty and ending branches get their own rows, nothing overlapping', async () => {
    const process = [
      start,
      {
        id: 'c1',
        type: 'condition',
        branches: [
          {
            id: 'big',
            when: { subject: 'form.amount', op: 'gt', value: 100 },
            nodes: [
              {
                id: 'p1',
                type: 'parallel',
                branches: [
                  { id: 'left', nodes: [approval('l1', [2]), approval('l2', [3])] },
                  { id: 'right', nodes: [{ id: 'd1', type: 'delay', seconds: 60 }] },
                  { id: 'none', nodes: [] },
                ],
              },
            ],
          },
          {
            id: 'tiny',
            when: { subject: 'form.amount', op: 'lt', value: 1 },
            nodes: [{ id: 'stop', type: 'end' }],
          },
          { id: 'normal', default: true, nodes: [] },
        ],
      },
      approval('a9', [4]),
      end,
    ];
    const created = await call(t, 'POST', '/workflows', manager, {
      key: 'nested-layout',
      name: 'Nested',
      body: { form: amountForm, process },
    });
    expect(created.statusCode, created.body).toBe(201);
    const xml = await exportOf(created.json().data.id);
    const shapes = await checkDiagram(xml);
    // The parallel's branches stand in three rows inside the condition's first branch.
    const rows = ['l1', 'd1'].map((id) => (shapes.get(id) as Box).y);
    expect(rows[0]).not.toBe(rows[1]);
    expect((shapes.get('c1.join') as Box).x).toBeGreaterThan((shapes.get('p1.join') as Box).x);
    const imported = await call(t, 'POST', '/workflows/import', manager, { xml, key: 'nested-layout-copy' });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().data.body).toEqual(created.json().data.body);
  });

  it('imports XML whose diagram was moved about in a modeler (the diagram is ignored)', async () => {
    const created = await call(t, 'POST', '/workflows', manager, {
      key: 'moved-diagram',
      name: 'Moved',
      body: { form: amountForm, process: [start, approval('a1', [2]), end] },
    });
    const xml = (await exportOf(created.json().data.id)).replace(/x="\d+"/g, 'x="7"');
    const imported = await call(t, 'POST', '/workflows/import', manager, { xml, key: 'moved-diagram-copy' });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().data.body).toEqual(created.json().data.body);
  });
});
