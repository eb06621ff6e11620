import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopedHeaderAuthModule } from '../../../../test/documents-kit.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import {
  act,
  approval,
  as,
  call,
  documentPermissions,
  end,
  publish,
  rowCounts,
  start,
  startApproval,
  uploadContract,
  user,
} from '../../../../test/workflow-kit.js';
import { modules } from '../../index.js';
import { workflowErrors } from '../workflow.errors.js';

/** Documents attached to decisions and comments (docs/workflow.md "Attachments"). */
let t: TestApp;
let mine: string;
let theirs: string;
let trashed: string;

const upload = (who: number, title: string) => uploadContract(t, who, title);

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, scopedHeaderAuthModule] } });
  await publish(t, 'simple', [start, approval('a1', [2]), end]);
  mine = await upload(2, 'quote');
  theirs = await upload(3, 'salary-list');
  trashed = await upload(2, 'old');
  const trash = await t.app.inject({
    method: 'POST',
    url: `/api/v1/documents/${trashed}/trash`,
    headers: as(user(2), ['documents.document.read', 'documents.document.delete']),
  });
  expect(trash.statusCode, trash.body).toBeLessThan(300);
}, 180_000);
afterAll(() => t.close());

const post = (who: number, id: string, action: string, body: object, extra: string[] = documentPermissions) =>
  call(t, 'POST', `/approvals/${id}/${action}`, as(user(who), extra), body);

describe('attachments on decisions and comments', () => {
  it('an approval and a comment carry documents their author may read, with titles, in the record', async () => {
    const d = await startApproval(t, 'simple');
    const commented = await post(2, d.id, 'comment', { comment: 'see quote', attachments: [mine, mine] });
    expect(commented.statusCode, commented.body).toBe(200);
    const approved = await post(2, d.id, 'approve', { attachments: [mine] });
    expect(approved.statusCode, approved.body).toBe(200);
    const timeline = approved.json().data.timeline as { action: string; details: object }[];
    expect(timeline.find((r) => r.action === 'comment')?.details).toEqual({
      attachments: [{ document_id: mine, title: 'quote' }],
    });
    expect(timeline.find((r) => r.action === 'approve')?.details).toEqual({
      attachments: [{ document_id: mine, title: 'quote' }],
    });
  });

  it("refuses someone else's, a trashed or an unknown document (40355) and changes nothing", async () => {
    const d = await startApproval(t, 'simple');
    const before = await rowCounts(t);
    const unknown = '019a0000-0000-7000-8000-0000000fffff';
    for (const [action, ids] of [
      ['approve', [mine, theirs]],
      ['reject', [trashed]],
      ['comment', [unknown]],
    ] as const) {
      const response = await post(2, d.id, action, { comment: 'x', attachments: ids });
      expect([response.statusCode, response.json().code], action).toEqual([
        403,
        workflowErrors.ATTACHMENT_NOT_READABLE.api,
      ]);
      expect(response.json().details).toEqual({ document_ids: ids.filter((id) => id !== mine) });
    }
    // Without documents.document.read even one's own document is refused.
    const noRead = await post(2, d.id, 'approve', { attachments: [mine] }, []);
    expect(noRead.json().code).toBe(workflowErrors.ATTACHMENT_NOT_READABLE.api);
    expect(await rowCounts(t)).toEqual(before);
    const still = await act(t, 2, d.id, 'approve');
    expect(still.status).toBe('approved');
  });
});
