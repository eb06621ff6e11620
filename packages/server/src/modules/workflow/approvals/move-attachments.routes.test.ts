import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopedHeaderAuthModule } from '../../../../test/documents-kit.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import {
  approval,
  as,
  call,
  detail,
  documentPermissions,
  end,
  pending,
  publish,
  rowCounts,
  start,
  startApproval,
  uploadContract,
  user,
} from '../../../../test/workflow-kit.js';
import { modules } from '../../index.js';
import { workflowErrors } from '../workflow.errors.js';

/**
 * Every operation that takes a comment takes documents too (docs/workflow.md "Comments and
 * attachments"): transfer, add-sign (before, after, parallel), withdraw, resubmit, batch.
 */
let t: TestApp;
let mine: string;
let initiatorsDoc: string;
let theirs: string;

const upload = (who: number, title: string) => uploadContract(t, who, title);

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, scopedHeaderAuthModule] } });
  await publish(t, 'moves', [start, approval('a1', [2], { on_reject: 'initiator' }), end]);
  mine = await upload(2, 'handover-note');
  initiatorsDoc = await upload(1, 'revised-offer');
  theirs = await upload(3, 'salary-list');
}, 180_000);
afterAll(() => t.close());

const post = (who: number, id: string, action: string, body: object) =>
  call(t, 'POST', `/approvals/${id}/${action}`, as(user(who), documentPermissions), body);
type Entry = { action: string; comment: string | null; details: Record<string, unknown> };
const entryOf = (response: { json(): { data: { timeline: Entry[] } } }, action: string) =>
  response
    .json()
    .data.timeline.filter((r) => r.action === action)
    .at(-1);
const cited = (id: string, title: string) => ({ attachments: [{ document_id: id, title }] });

describe('attachments on transfer, add-sign, withdraw, resubmit and batch', () => {
  it('a transfer carries the comment and the documents; the new assignee decides', async () => {
    const d = await startApproval(t, 'moves');
    const moved = await post(2, d.id, 'transfer', {
      to_user_id: user(4),
      comment: 'over to you',
      attachments: [mine],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(entryOf(moved, 'transfer')).toMatchObject({
      comment: 'over to you',
      details: { to_user_id: user(4), ...cited(mine, 'handover-note') },
    });
    expect(pending(await detail(t, d.id))).toEqual(['a1:4']);
    // The new assignee opens the file through the approval.
    const file = await call(t, 'GET', `/approvals/${d.id}/attachments/${mine}`, as(user(4)));
    expect(file.statusCode, file.body).toBe(200);
  });

  it.each(['before', 'after', 'parallel'] as const)(
    'add-sign %s carries the comment and the documents in its record',
    async (position) => {
      const d = await startApproval(t, 'moves');
      const added = await post(2, d.id, 'add-sign', {
        user_id: user(5),
        position,
        comment: `please check (${position})`,
        attachments: [mine],
      });
      expect(added.statusCode, added.body).toBe(200);
      expect(entryOf(added, 'add_sign')).toMatchObject({
        comment: `please check (${position})`,
        details: { user_id: user(5), position, ...cited(mine, 'handover-note') },
      });
    },
  );

  it('withdraw and resubmit carry the initiator’s documents', async () => {
    const d = await startApproval(t, 'moves');
    expect((await post(2, d.id, 'reject', { comment: 'rework' })).statusCode).toBe(200);
    const again = await post(1, d.id, 'resubmit', { comment: 'revised', attachments: [initiatorsDoc] });
    expect(again.statusCode, again.body).toBe(200);
    expect(entryOf(again, 'resubmit')?.details).toEqual(cited(initiatorsDoc, 'revised-offer'));
    const gone = await post(1, d.id, 'withdraw', { comment: 'not needed', attachments: [initiatorsDoc] });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(entryOf(gone, 'instance_withdrawn')).toMatchObject({
      comment: 'not needed',
      details: cited(initiatorsDoc, 'revised-offer'),
    });
  });

  it('a batch decision records the documents with every item', async () => {
    const [a, b] = [await startApproval(t, 'moves'), await startApproval(t, 'moves')];
    const batch = await call(t, 'POST', '/approvals/batch', as(user(2), documentPermissions), {
      decision: 'approve',
      items: [{ approval_id: a.id }, { approval_id: b.id }],
      attachments: [mine],
    });
    expect(batch.json().data, batch.body).toMatchObject({ succeeded: 2, failed: 0 });
    const timeline = (await call(t, 'GET', `/approvals/${b.id}`, as(user(2)))).json().data
      .timeline as Entry[];
    expect(timeline.find((r) => r.action === 'approve')?.details).toEqual(cited(mine, 'handover-note'));
  });

  it('attaching a document the actor may not read refuses every operation (40355) and changes nothing', async () => {
    const d = await startApproval(t, 'moves');
    const before = { counts: await rowCounts(t), detail: await detail(t, d.id) };
    const attempts: [number, string, object][] = [
      [2, 'transfer', { to_user_id: user(4) }],
      [2, 'add-sign', { user_id: user(5), position: 'before' }],
      [2, 'add-sign', { user_id: user(5), position: 'after' }],
      [2, 'add-sign', { user_id: user(5), position: 'parallel' }],
      [1, 'withdraw', {}],
      // The approver's own document is not the initiator's to attach either.
      [1, 'withdraw', { attachments: [mine] }],
    ];
    for (const [who, action, body] of attempts) {
      const response = await post(who, d.id, action, { comment: 'x', attachments: [theirs], ...body });
      expect([response.statusCode, response.json().code], `${action} ${JSON.stringify(body)}`).toEqual([
        403,
        workflowErrors.ATTACHMENT_NOT_READABLE.api,
      ]);
    }
    const batch = await call(t, 'POST', '/approvals/batch', as(user(2), documentPermissions), {
      decision: 'approve',
      items: [{ approval_id: d.id }],
      attachments: [theirs],
    });
    expect(batch.json().data.items[0]).toMatchObject({
      ok: false,
      code: workflowErrors.ATTACHMENT_NOT_READABLE.api,
    });
    expect(await rowCounts(t)).toEqual(before.counts);
    const after = await detail(t, d.id);
    expect([after.status, after.tasks, after.timeline]).toEqual([
      before.detail.status,
      before.detail.tasks,
      before.detail.timeline,
    ]);
    // The refused calls left the task with its approver, who still decides.
    expect((await post(2, d.id, 'approve', {})).json().data.status).toBe('approved');
  });
});
