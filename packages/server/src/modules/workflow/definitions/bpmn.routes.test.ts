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
import { workflowErrors } from '../workflow.errors.js';

/** BPMN 2.0 export and import (docs/workflow.md "BPMN 2.0"). */
let t: TestApp;
beforeAll(async () => {
  t = await createWorkflowApp();
}, 180_000);
afterAll(() => t.close());

const manager = as(user(90));
const everyKind = [
  start,
  approval('a1', [2], { mode: 'and', field_permissions: { amount: 'edit' }, on_reject: 'initiator' }),
  { id: 'cc1', type: 'cc', name: 'Tell HR', recipients: [{ type: 'initiator' }] },
  {
    id: 'c1',
    type: 'condition',
    name: 'Amount?',
    branches: [
      {
        id: 'big',
        name: 'Big',
        when: { all: [{ subject: 'form.amount', op: 'gt', value: 10000 }] },
        nodes: [approval('cfo', [4], { type: 'handler' })],
      },
      { id: 'normal', default: true, nodes: [] },
      {
        id: 'tiny',
        when: { subject: 'form.amount', op: 'lt', value: 1 },
        nodes: [{ id: 'stop', type: 'end' }],
      },
    ],
  },
  {
    id: 'p1',
    type: 'parallel',
    branches: [
      { id: 'legal', nodes: [approval('l1', [3]), { id: 'd1', type: 'delay', seconds: 5400 }] },
      { id: 'it', nodes: [{ id: 'sub', type: 'subprocess', definition_key: 'it-onboarding' }] },
    ],
  },
  { id: 'sig', type: 'signature', approvers: [{ type: 'initiator' }], meaning: 'approved' },
  end,
];

async function create(key: string, process: object[]) {
  const response = await call(t, 'POST', '/workflows', manager, {
    key,
    name: `Expense ${key}`,
    body: { form: amountForm, process, dedupe_consecutive: true },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().data as { id: string; body: object };
}

const importXml = (xml: string, extra: object = {}) =>
  call(t, 'POST', '/workflows/import', manager, { xml, ...extra });

describe('BPMN 2.0', () => {
  it('exports user tasks, gateways, a timer and a call activity, and imports the same tree back', async () => {
    const created = await create('round-trip', everyKind);
    const exported = await call(t, 'GET', `/workflows/${created.id}/bpmn`, manager);
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.headers['content-type']).toContain('application/xml');
    const xml = exported.body;
    for (const element of [
      '<bpmn:userTask id="a1"',
      '<bpmn:sendTask id="cc1"',
      '<bpmn:exclusiveGateway id="c1" name="Amount?" default="normal"',
      '<bpmn:exclusiveGateway id="c1.join"',
      '<bpmn:parallelGateway id="p1"',
      '<bpmn:parallelGateway id="p1.join"',
      '<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT5400S</bpmn:timeDuration>',
      '<bpmn:callActivity id="sub" calledElement="it-onboarding"',
      'signx:type="signature"',
      '<bpmn:sequenceFlow id="big" name="Big" sourceRef="c1" targetRef="cfo"',
    ])
      expect(xml).toContain(element);
    const imported = await importXml(xml, { key: 'round-trip-copy' });
    expect(imported.statusCode, imported.body).toBe(201);
    const copy = imported.json().data;
    expect([copy.key, copy.name, copy.status, copy.version]).toEqual([
      'round-trip-copy',
      'Expense round-trip',
      'draft',
      1,
    ]);
    expect(copy.body).toEqual(created.body);
    // The key defaults to the exported process's signx:key, which exists already (409).
    expect((await importXml(xml)).statusCode).toBe(409);
  });

  it('imports plain BPMN from another modeler: a timer in hours, an exclusive gateway with JSON conditions', async () => {
    const xml = plain(`
      <bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t1"/>
      <bpmn:userTask id="t1" name="Check" signx:config='{"approvers":[{"type":"initiator"}]}'/>
      <bpmn:sequenceFlow id="f2" sourceRef="t1" targetRef="w"/>
      <bpmn:intermediateCatchEvent id="w"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:sequenceFlow id="f3" sourceRef="w" targetRef="e"/><bpmn:endEvent id="e"/>`);
    const response = await importXml(xml, { key: 'plain', name: 'Plain' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().data.body.process).toEqual([
      { id: 's', type: 'start' },
      { id: 't1', name: 'Check', type: 'approval', approvers: [{ type: 'initiator' }] },
      { id: 'w', type: 'delay', seconds: 7200 },
      { id: 'e', type: 'end' },
    ]);
  });

  it('refuses what a definition cannot represent, naming each element (40064), unreadable XML (40063), and saves nothing', async () => {
    const before = (await call(t, 'GET', '/workflows?page_size=100', manager)).json().data.total;
    const unsupported = plain(`
      <bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="script"/>
      <bpmn:scriptTask id="script"/><bpmn:sequenceFlow id="f2" sourceRef="script" targetRef="back"/>
      <bpmn:userTask id="back"/><bpmn:sequenceFlow id="f3" sourceRef="back" targetRef="script"/>
      <bpmn:inclusiveGateway id="ig"/>`);
    const refused = await importXml(unsupported, { key: 'bad' });
    expect([refused.statusCode, refused.json().code]).toEqual([400, workflowErrors.BPMN_UNSUPPORTED.api]);
    expect(refused.json().details.issues).toEqual([
      { element_id: 'script', message: expect.stringContaining('bpmn:ScriptTask cannot be represented') },
      { element_id: 'script', message: expect.stringContaining('is reached twice') },
    ]);
    const split = plain(`
      <bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="g"/>
      <bpmn:exclusiveGateway id="g"/>
      <bpmn:sequenceFlow id="b1" sourceRef="g" targetRef="e1"/><bpmn:endEvent id="e1"/>
      <bpmn:sequenceFlow id="b2" sourceRef="g" targetRef="e2"/><bpmn:endEvent id="e2"/>`);
    const noCondition = await importXml(split, { key: 'bad' });
    expect(noCondition.json().details.issues).toEqual([
      {
        element_id: 'b1',
        message: 'a flow out of an exclusive gateway needs a condition or to be its default',
      },
      {
        element_id: 'b2',
        message: 'a flow out of an exclusive gateway needs a condition or to be its default',
      },
    ]);
    const broken = await importXml('<bpmn:definitions', { key: 'bad' });
    expect([broken.statusCode, broken.json().code]).toEqual([400, workflowErrors.BPMN_INVALID.api]);
    // Representable but not a valid definition: the tree's own validation answers (40053).
    const noApprovers = plain(`
      <bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
      <bpmn:userTask id="t"/><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/><bpmn:endEvent id="e"/>`);
    const invalid = await importXml(noApprovers, { key: 'bad' });
    expect([invalid.statusCode, invalid.json().code]).toEqual([400, workflowErrors.DEFINITION_INVALID.api]);
    expect((await call(t, 'GET', '/workflows?page_size=100', manager)).json().data.total).toBe(before);
  });

  it('needs workflow.definition.read to export and manage to import', async () => {
    const created = await create('perm', [start, approval('a1', [2]), end]);
    const reader = { 'x-test-user': user(91), 'x-test-permissions': 'workflow.definition.read' };
    expect((await call(t, 'GET', `/workflows/${created.id}/bpmn`, reader)).statusCode).toBe(200);
    expect((await call(t, 'POST', '/workflows/import', reader, { xml: '<x/>' })).statusCode).toBe(403);
    expect(
      (await call(t, 'GET', `/workflows/${created.id}/bpmn`, { 'x-test-user': user(92) })).statusCode,
    ).toBe(403);
  });
});

function plain(flow: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:signx="https://signx.dev/schema/bpmn/1" id="D" targetNamespace="http://example.com">
  <bpmn:process id="Process_1" isExecutable="true">${flow}</bpmn:process>
</bpmn:definitions>`;
}
