import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/test-app.js';
import { userActor } from '../../../../test/test-principal.js';
import {
  act,
  approval,
  as,
  call,
  createWorkflowApp,
  end,
  initiator,
  publish,
  start,
  startApproval,
  user,
} from '../../../../test/workflow-kit.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { defineJob } from '../../../platform/jobs/index.js';
import {
  completeSignatureNode,
  registerWorkflowAction,
  registerWorkflowJob,
  workflowEvents,
} from '../index.js';
import { workflowErrors } from '../workflow.errors.js';
import type { WorkflowEvent } from './listener-model.js';

/** Listeners run through the job runtime once the step that fired them committed, never after a rollback. */
const heard: string[] = [];
registerWorkflowAction('test.capture', async (_trx, _ctx, event) => {
  heard.push(`${event.instance_id}:${event.event}:${event.node_id ?? '-'}:${event.status}`);
});
const jobRuns: WorkflowEvent[] = [];
const followUp = defineJob({
  name: 'test.workflow-follow-up',
  payload: Type.Any(),
  async handler(payload: WorkflowEvent) {
    jobRuns.push(payload);
  },
});
registerWorkflowJob(followUp);

let t: TestApp;
beforeAll(async () => {
  t = await createWorkflowApp();
  t.app.signx.jobs.register(followUp);
  await publish(t, 'heard', [start, approval('a1', [2]), end], {
    listeners: [
      { on: 'started', action: 'test.capture' },
      { on: 'node_entered', node_id: 'a1', action: 'emit' },
      { on: 'approved', node_id: 'a1', action: 'test.capture' },
      { on: 'approved', action: 'test.capture' },
      { on: 'completed', action: 'emit' },
      { on: 'completed', action: 'notify', recipients: [{ type: 'initiator' }] },
      { on: 'approved', action: 'job', job: 'test.workflow-follow-up' },
      { on: 'withdrawn', action: 'test.capture' },
    ],
  });
  await publish(
    t,
    'signed',
    [start, { id: 'sig', type: 'signature', approvers: [{ type: 'user', user_ids: [user(8)] }] }, end],
    {
      listeners: [{ on: 'completed', action: 'test.capture' }],
    },
  );
}, 180_000);
afterAll(() => t.close());

const of = (id: string) => heard.filter((h) => h.startsWith(id)).map((h) => h.slice(id.length + 1));

describe('listeners', () => {
  it('each runs once, after its step committed, with the event', async () => {
    const d = await startApproval(t, 'heard');
    expect(of(d.id)).toEqual([]); // queued with the step, not run inside it
    await t.app.signx.jobs.drain();
    expect(of(d.id)).toEqual(['started:-:running']);
    await act(t, 2, d.id, 'approve');
    await t.app.signx.jobs.drain();
    await t.app.signx.jobs.drain();
    expect(of(d.id).sort()).toEqual(['approved:-:approved', 'approved:a1:running', 'started:-:running']);
    const emitted = await workflowEvents.after(t.database.db, null);
    expect(
      emitted.filter((e) => e.event.instance_id === d.id).map((e) => [e.event.event, e.event.node_id]),
    ).toEqual([
      ['node_entered', 'a1'],
      ['completed', null],
    ]);
    const after = emitted.find((e) => e.event.instance_id === d.id)?.id as string;
    expect((await workflowEvents.after(t.database.db, after)).map((e) => e.event.event)).toEqual([
      'completed',
    ]);
    expect(jobRuns.filter((j) => j.instance_id === d.id).map((j) => j.event)).toEqual(['approved']);
    const messages = await t.database.db
      .selectFrom('notification_messages')
      .select('template_code')
      .where('params', 'like', `%${d.id}%`)
      .where('template_code', '=', 'workflow.event')
      .execute();
    expect(messages).toHaveLength(1);
  });

  it('a withdrawal is heard; nothing fired by a rolled-back step ever runs', async () => {
    const w = await startApproval(t, 'heard');
    await act(t, 1, w.id, 'withdraw');
    await t.app.signx.jobs.drain();
    expect(of(w.id)).toEqual(['started:-:running', 'withdrawn:-:withdrawn']);

    const d = await startApproval(t, 'signed');
    const complete = (trx: Parameters<typeof completeSignatureNode>[0]) =>
      completeSignatureNode(trx, t.app.signx, userActor(user(8), []), {
        instance_id: d.id,
        node_id: 'sig',
        user_id: user(8),
        outcome: 'signed',
        reference: 'SIG-TEST',
      });
    await expect(
      inTransaction(t.database.db, async (trx) => {
        await complete(trx);
        throw new Error('the caller failed after the engine step');
      }),
    ).rejects.toThrow('the caller failed');
    await t.app.signx.jobs.drain();
    expect(of(d.id)).toEqual([]);
    await inTransaction(t.database.db, complete);
    await t.app.signx.jobs.drain();
    await t.app.signx.jobs.drain();
    expect(of(d.id)).toEqual(['completed:-:approved']);
  });

  it('refuses unknown actions, jobs, nodes and events (40053, per listener), saving nothing', async () => {
    const bad = await call(t, 'POST', '/workflows', as(initiator), {
      key: 'bad-listeners',
      name: 'bad',
      body: {
        form: { fields: [] },
        process: [start, approval('a1', [2]), end],
        listeners: [
          { on: 'approved', action: 'nobody.registered' },
          { on: 'approved', node_id: 'zz', action: 'emit' },
          { on: 'started', node_id: 'a1', action: 'emit' },
          { on: 'exploded', action: 'emit' },
          { on: 'approved', action: 'job', job: 'missing' },
          { on: 'approved', action: 'notify' },
        ],
      },
    });
    expect([bad.statusCode, bad.json().code]).toEqual([400, workflowErrors.DEFINITION_INVALID.api]);
    expect(bad.json().details.issues.map((i: { node_id: string }) => i.node_id)).toEqual([
      'listener:0',
      'listener:1',
      'listener:2',
      'listener:3',
      'listener:4',
      'listener:5',
    ]);
    const saved = await t.database.db
      .selectFrom('workflow_definitions')
      .select('id')
      .where('key', '=', 'bad-listeners')
      .execute();
    expect(saved).toEqual([]);
  });
});
