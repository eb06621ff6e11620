import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfBytes, postDocument, scopedHeaderAuthModule } from '../../../../test/documents-kit.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import {
  approval,
  as,
  call,
  end,
  publish,
  rowCounts,
  start,
  startApproval,
  user,
} from '../../../../test/workflow-kit.js';
import { modules } from '../../index.js';

/**
 * Files attached to an approval (docs/workflow.md "Attachments"): uploaded through the
 * documents module's upload on the approval (entity_type approval), cited by a comment or a
 * decision, listed on the timeline and downloadable by the approval's participants only.
 */
const docs = ['documents.document.read', 'documents.document.upload'];
/** documents' DOCUMENT_TYPE_REFUSED and the platform's TOO_LARGE. */
const typeRefused = 41560;
let t: TestApp;

const upload = (who: number, approvalId: string, file: { name: string; bytes: Buffer }) =>
  postDocument(
    t,
    as(user(who), docs),
    { category: 'other', entity_type: 'approval', entity_id: approvalId },
    file,
  );
const post = (who: number, id: string, action: string, body: object, headers: object = {}) =>
  call(t, 'POST', `/approvals/${id}/${action}`, { ...as(user(who), docs), ...headers }, body);
const download = (who: number, id: string, documentId: string, extra: string[] = []) =>
  call(t, 'GET', `/approvals/${id}/attachments/${documentId}`, as(user(who), extra));
const stored = async () => ({
  documents: (await t.database.db.selectFrom('documents').selectAll().execute()).length,
  files: (
    await readdir(join(t.dataDir, 'storage'), { recursive: true, withFileTypes: true }).catch(() => [])
  ).filter((e) => e.isFile() && !e.parentPath.includes('.tmp')).length,
});

async function attached(who: number, approvalId: string, title: string): Promise<string> {
  const response = await upload(who, approvalId, { name: `${title}.pdf`, bytes: pdfBytes(title) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().data.document.id;
}

beforeAll(async () => {
  t = await createTestApp({
    env: { UPLOAD_LIMIT_BYTES: '65536' },
    build: { modules: [...modules, scopedHeaderAuthModule] },
  });
  await publish(t, 'files', [
    start,
    { id: 'cc1', type: 'cc', recipients: [{ type: 'user', user_ids: [user(7)] }] },
    approval('a1', [2]),
    approval('a2', [3]),
    end,
  ]);
}, 180_000);
afterAll(() => t.close());

describe('attachment files on an approval', () => {
  it('a comment with files: on the timeline, participants told, each participant downloads it', async () => {
    const d = await startApproval(t, 'files');
    const quote = await attached(1, d.id, 'quote');
    const drawing = await attached(1, d.id, 'drawing');
    const commented = await post(1, d.id, 'comment', { comment: 'the quote', attachments: [quote, drawing] });
    expect(commented.statusCode, commented.body).toBe(200);
    const entry = commented.json().data.timeline.find((r: { action: string }) => r.action === 'comment');
    expect(entry.details.attachments).toEqual([
      { document_id: quote, title: 'quote.pdf' },
      { document_id: drawing, title: 'drawing.pdf' },
    ]);
    // Initiator, the current approver, the CC recipient and an approval admin get the bytes,
    // though the documents module would show user 2 and 7 nothing (the upload is user 1's).
    for (const [who, extra] of [
      [1, []],
      [2, []],
      [7, []],
      [50, ['workflow.approval.admin']],
    ] as const) {
      const file = await download(who, d.id, quote, [...extra]);
      expect([file.statusCode, file.headers['content-type']], `user ${who}`).toEqual([
        200,
        'application/pdf',
      ]);
      expect(file.rawPayload.equals(pdfBytes('quote'))).toBe(true);
      expect(file.headers['content-disposition']).toContain('quote.pdf');
    }
    const direct = await call(t, 'GET', `/documents/${quote}`, as(user(2), docs));
    expect(direct.statusCode).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', d.id)
      .where('action', '=', 'workflow.task.commented')
      .execute();
    expect(audit).toEqual([{ action: 'workflow.task.commented', actor_id: user(1) }]);
    const told = await t.database.db
      .selectFrom('notification_messages')
      .innerJoin('notification_deliveries', 'notification_deliveries.message_id', 'notification_messages.id')
      .select('notification_deliveries.recipient_key')
      .where('notification_messages.template_code', '=', 'workflow.commented')
      .where('notification_messages.params', 'like', `%${d.id}%`)
      .execute();
    expect(told.map((m) => m.recipient_key).sort()).toEqual([`user:${user(2)}`, `user:${user(7)}`]);
  });

  it('approve and return carry files; a later approver downloads what an earlier one attached', async () => {
    const d = await startApproval(t, 'files');
    const report = await attached(2, d.id, 'report');
    const approved = await post(2, d.id, 'approve', { comment: 'fine', attachments: [report] });
    expect(approved.statusCode, approved.body).toBe(200);
    const note = await attached(3, d.id, 'note');
    const returned = await post(3, d.id, 'return', { target_node_id: 'a1', attachments: [note] });
    expect(returned.statusCode, returned.body).toBe(200);
    const timeline = returned.json().data.timeline as { action: string; details: { attachments?: object } }[];
    expect(
      timeline.filter((r) => r.details.attachments).map((r) => [r.action, r.details.attachments]),
    ).toEqual([
      ['approve', [{ document_id: report, title: 'report.pdf' }]],
      ['return', [{ document_id: note, title: 'note.pdf' }]],
    ]);
    expect((await download(3, d.id, report)).statusCode).toBe(200);
    expect((await download(1, d.id, note)).statusCode).toBe(200);
  });

  it('refuses an outsider, a document the approval does not cite and another approval’s attachment (404)', async () => {
    const d = await startApproval(t, 'files');
    const quote = await attached(1, d.id, 'secret-quote');
    expect((await post(1, d.id, 'comment', { comment: 'x', attachments: [quote] })).statusCode).toBe(200);
    const uncited = await attached(1, d.id, 'never-cited');
    const other = await startApproval(t, 'files');
    for (const [who, id, doc, extra] of [
      [40, d.id, quote, docs],
      [40, d.id, quote, ['documents.document.read', 'workflow.approval.use']],
      [2, d.id, uncited, []],
      [2, other.id, quote, []],
    ] as const) {
      const refused = await download(who, id, doc, [...extra]);
      expect([refused.statusCode, refused.json().code]).toEqual([404, 40401]);
      expect(refused.body).not.toContain('secret-quote');
    }
  });

  it('a file of a refused type or over the limit is refused by the upload and nothing is stored', async () => {
    const d = await startApproval(t, 'files');
    const before = { ...(await stored()), ...(await rowCounts(t)) };
    for (const [file, status, code] of [
      [{ name: 'quote.pdf', bytes: Buffer.from('MZ\x90\x00a program') }, 415, typeRefused],
      [{ name: 'page.pdf', bytes: Buffer.from('<!DOCTYPE html><script>1</script>') }, 415, typeRefused],
      [{ name: 'big.pdf', bytes: Buffer.concat([pdfBytes(), Buffer.alloc(70_000)]) }, 413, 41301],
    ] as const) {
      const refused = await upload(2, d.id, file);
      expect([refused.statusCode, refused.json().code], file.name).toEqual([status, code]);
    }
    expect({ ...(await stored()), ...(await rowCounts(t)) }).toEqual(before);
  });

  it('a comment sent twice with one Idempotency-Key is stored, audited and told once', async () => {
    const d = await startApproval(t, 'files');
    const file = await attached(1, d.id, 'once');
    const key = { 'idempotency-key': `comment-${d.id}` };
    const body = { comment: 'only once', attachments: [file] };
    const [first, second] = await Promise.all([
      post(1, d.id, 'comment', body, key),
      post(1, d.id, 'comment', body, key),
    ]);
    const third = await post(1, d.id, 'comment', body, key);
    expect([first.statusCode, second.statusCode, third.statusCode]).toEqual([200, 200, 200]);
    expect(third.json().data.timeline.filter((r: { action: string }) => r.action === 'comment')).toHaveLength(
      1,
    );
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', d.id)
      .where('action', '=', 'workflow.task.commented')
      .execute();
    expect(audit).toHaveLength(1);
    const messages = await t.database.db
      .selectFrom('notification_messages')
      .select('id')
      .where('template_code', '=', 'workflow.commented')
      .where('params', 'like', `%${d.id}%`)
      .execute();
    expect(messages).toHaveLength(1);
  });
});
