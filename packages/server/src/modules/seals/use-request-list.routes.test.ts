import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSealsApp,
  fileContract,
  sealNeedingApproval,
  sealsCaller,
  sealsPermissions,
} from '../../../test/seals-kit.js';
import type { TestApp } from '../../../test/test-app.js';

/**
 * GET /seals/use-requests (docs/seals.md): a seal user sees only their own requests, a seal
 * manager everyone's; each row carries the approval's outcome and whether it sealed.
 */
const adminId = '019a0000-0000-7000-8000-00000000a011';
const clerkId = '019a0000-0000-7000-8000-00000000c012';
const otherId = '019a0000-0000-7000-8000-00000000c013';
const bossId = '019a0000-0000-7000-8000-00000000b014';
const flow = ['workflow.definition.read', 'workflow.definition.manage', 'workflow.approval.use'];
const admin = sealsCaller(adminId, [...sealsPermissions, ...flow]);
const userOnly = ['seals.seal.read', 'seals.seal.use', 'documents.document.read', 'workflow.approval.use'];
const clerk = sealsCaller(clerkId, userOnly);
const other = sealsCaller(otherId, userOnly);
const boss = sealsCaller(bossId, ['workflow.approval.use']);
let t: TestApp;
let documentId: string;
let sealId: string;
const api = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const list = async (query: string, headers: Record<string, string>) => {
  const res = await api('GET', `/seals/use-requests${query}`, headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as { total: number; items: Record<string, unknown>[] };
};
const request = async (): Promise<string> => {
  const res = await api('POST', `/seals/${sealId}/use-requests`, clerk, { document_id: documentId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data.approval_id;
};
const decide = async (approvalId: string, action: 'approve' | 'reject') => {
  const res = await api('POST', `/approvals/${approvalId}/${action}`, boss, { comment: 'ok' });
  expect(res.statusCode, res.body).toBe(200);
};
const stored = () => t.database.db.selectFrom('seal_use_requests').selectAll().orderBy('id').execute();

beforeAll(async () => {
  t = await createSealsApp();
  documentId = await fileContract(t, admin, 1, { entity_id: 'C-18', title: '用印列表' });
  ({ sealId } = await sealNeedingApproval(t, admin, {
    workflow: { key: 'seal-use-list', name: '用印审批' },
    approverId: bossId,
    seal: { organisation: '列表印章公司', seal_type: 'contract', name: '合同专用章' },
    subjects: [clerkId, otherId],
  }));
}, 120_000);
afterAll(() => t?.close());

describe('GET /seals/use-requests', () => {
  it('lists the requester’s own requests with outcome and use, filtered by status', async () => {
    const rejected = await request();
    await decide(rejected, 'reject');
    const approved = await request();
    await decide(approved, 'approve');
    const pending = await request();
    const mine = await list(`?seal_id=${sealId}&document_id=${documentId}`, clerk);
    expect(mine.total).toBe(3);
    expect(mine.items.map((i) => [i.approval_id, i.status])).toEqual([
      [pending, 'pending'],
      [approved, 'approved'],
      [rejected, 'rejected'],
    ]);
    expect(mine.items[1]).toMatchObject({
      seal_name: '合同专用章',
      document_version: 1,
      used: false,
      used_at: null,
    });
    expect((await list('?status=pending', clerk)).items.map((i) => i.approval_id)).toEqual([pending]);
    const sealed = await api('POST', `/seals/${sealId}/apply`, clerk, {
      document_id: documentId,
      placement: { mode: 'coordinates', page: 1, x: 300, y: 100 },
      approval_id: approved,
    });
    expect(sealed.statusCode, sealed.body).toBe(201);
    const used = await list('?status=used', clerk);
    expect(used.items).toHaveLength(1);
    expect(used.items[0]).toMatchObject({ approval_id: approved, used: true, use_id: sealed.json().data.id });
    expect(used.items[0]?.used_at).toBe(sealed.json().data.created_at);
    expect((await list('?status=approved', clerk)).total).toBe(0);
    expect((await list('?status=rejected&page_size=1', clerk)).items.map((i) => i.approval_id)).toEqual([
      rejected,
    ]);
  });

  it('does not show another user’s requests to a seal user, whatever the filters (attack)', async () => {
    expect((await list('', other)).total).toBe(0);
    expect((await list(`?seal_id=${sealId}&mine=false`, other)).total).toBe(0);
    expect((await list(`?document_id=${documentId}&status=used`, other)).total).toBe(0);
    const res = await api('GET', '/seals/use-requests', sealsCaller(otherId, ['seals.seal.read']));
    expect(res.statusCode).toBe(403);
  });

  it('shows every request to a seal manager, and only theirs with mine=true', async () => {
    const all = await list(`?seal_id=${sealId}`, admin);
    expect(all.total).toBe(3);
    expect(new Set(all.items.map((i) => i.requested_by))).toEqual(new Set([clerkId]));
    expect((await list('?mine=true', admin)).total).toBe(0);
  });

  it('refuses bad filters with a 400 naming the field and changes nothing', async () => {
    const before = await stored();
    for (const query of ['?status=lost', '?seal_id=not-a-uuid', '?mine=perhaps', '?sort=name', '?page=0']) {
      const res = await api('GET', `/seals/use-requests${query}`, admin);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe(40001);
      expect(res.json().errors?.length, query).toBeGreaterThan(0);
    }
    expect(await stored()).toEqual(before);
  });
});
