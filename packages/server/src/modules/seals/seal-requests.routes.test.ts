import { validate } from '@signx/pades';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSealsApp,
  fileContract,
  sealNeedingApproval,
  sealsCaller,
  sealsPermissions,
} from '../../../test/seals-kit.js';
import type { TestApp } from '../../../test/test-app.js';
import { documents } from '../documents/index.js';
import { sealsErrors } from './seals.errors.js';

/**
 * Seal-use approval (用印审批, docs/seals.md): an authorisation that requires approval starts
 * its workflow definition per document version; only an approved approval of the same user,
 * seal and version seals, once; a rejected or withdrawn one and a newer version are refused.
 */
const adminId = '019a0000-0000-7000-8000-00000000a001';
const clerkId = '019a0000-0000-7000-8000-00000000c002';
const bossId = '019a0000-0000-7000-8000-00000000b003';
const all = [
  ...sealsPermissions,
  'workflow.definition.read',
  'workflow.definition.manage',
  'workflow.approval.use',
];
const who = (id: string) => sealsCaller(id, all);
let t: TestApp;
let documentId: string;
let sealId: string;
const api = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const uses = () => t.database.db.selectFrom('seal_uses').selectAll().execute();
const placement = { mode: 'coordinates', page: 1, x: 300, y: 100 };
const apply = (approval_id?: string) =>
  api('POST', `/seals/${sealId}/apply`, who(clerkId), {
    document_id: documentId,
    placement,
    ...(approval_id ? { approval_id } : {}),
  });
async function request(): Promise<{ approval_id: string; document_version: number; status: string }> {
  const res = await api('POST', `/seals/${sealId}/use-requests`, who(clerkId), { document_id: documentId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data;
}
const decide = async (approvalId: string, action: 'approve' | 'reject' | 'withdraw', by: string) => {
  const res = await api(
    'POST',
    `/approvals/${approvalId}/${action}`,
    who(by),
    action === 'withdraw' ? {} : { comment: 'ok' },
  );
  expect(res.statusCode, res.body).toBe(200);
};

beforeAll(async () => {
  t = await createSealsApp();
  documentId = await fileContract(t, who(adminId), 2, { entity_id: 'C-9', title: '用印合同' });
  ({ sealId } = await sealNeedingApproval(t, who(adminId), {
    workflow: { key: 'seal-use', name: '用印审批' },
    approverId: bossId,
    seal: { organisation: '审批印章有限公司', seal_type: 'company', name: '公章' },
    subjects: [clerkId],
  }));
}, 120_000);
afterAll(() => t?.close());

describe('seal-use approval', () => {
  it('refuses without approval, while running, rejected or withdrawn, storing no use', async () => {
    expect((await apply()).json().code).toBe(sealsErrors.SEAL_APPROVAL_REQUIRED.api);
    const running = await request();
    expect(running).toMatchObject({ status: 'running', document_version: 1 });
    const instance = await t.database.db
      .selectFrom('workflow_instances')
      .select(['business_type', 'business_id', 'status'])
      .where('id', '=', running.approval_id)
      .executeTakeFirstOrThrow();
    expect(instance).toMatchObject({ business_type: 'seals.use', status: 'running' });
    expect((await apply(running.approval_id)).json().code).toBe(sealsErrors.SEAL_APPROVAL_NOT_GRANTED.api);
    await decide(running.approval_id, 'reject', bossId);
    expect((await apply(running.approval_id)).json().code).toBe(sealsErrors.SEAL_APPROVAL_NOT_GRANTED.api);
    const withdrawn = await request();
    await decide(withdrawn.approval_id, 'withdraw', clerkId);
    expect((await apply(withdrawn.approval_id)).json().code).toBe(sealsErrors.SEAL_APPROVAL_NOT_GRANTED.api);
    expect(await uses()).toHaveLength(0);
  });

  it('seals once with an approved approval, records it, and refuses a second use and a stranger', async () => {
    const approved = await request();
    await decide(approved.approval_id, 'approve', bossId);
    const stranger = await api('POST', `/seals/${sealId}/apply`, who(adminId), {
      document_id: documentId,
      placement,
      approval_id: approved.approval_id,
    });
    expect(stranger.json().code).toBe(sealsErrors.SEAL_NOT_AUTHORISED.api);
    const sealed = await apply(approved.approval_id);
    expect(sealed.statusCode, sealed.body).toBe(201);
    expect(sealed.json().data).toMatchObject({ approval_id: approved.approval_id, document_version: 1 });
    const current = await documents.current(t.database.db, documentId);
    const report = await validate(await documents.read(t.app.signx, current.sha256), {
      trustAnchors: [await t.app.signx.trust.rootCertificate()],
      revocation: 'off',
    });
    expect(report.signatures[0]).toMatchObject({ isValid: true });
    // Once only: the same approval again is refused as used (40977), although its first use
    // also made the document newer than the version it approved.
    const again = await apply(approved.approval_id);
    expect(again.json().code).toBe(sealsErrors.SEAL_APPROVAL_USED.api);
    expect(await uses()).toHaveLength(1);
    const log = await api('GET', `/seals/uses?seal_id=${sealId}`, who(adminId));
    expect(log.json().data.items[0].approval_id).toBe(approved.approval_id);
  });

  it('refuses an approval for an older version of the document', async () => {
    const approved = await request();
    expect(approved.document_version).toBe(2);
    await decide(approved.approval_id, 'approve', bossId);
    const other = await request();
    await decide(other.approval_id, 'approve', bossId);
    expect((await apply(approved.approval_id)).statusCode).toBe(201);
    // The document is at version 3 now: the second approval was for version 2.
    const stale = await apply(other.approval_id);
    expect(stale.json().code).toBe(sealsErrors.SEAL_APPROVAL_NOT_GRANTED.api);
    expect(stale.json().message).toContain('version 2');
  });

  it('refuses a use request where the authorisation needs no approval', async () => {
    const seal = await api('POST', '/seals', who(adminId), {
      organisation: '直接章公司',
      seal_type: 'company',
      name: '公章',
    });
    const id = seal.json().data.id;
    await api('POST', `/seals/${id}/authorisations`, who(adminId), {
      subject_type: 'user',
      subject_id: clerkId,
      valid_from: '2020-01-01T00:00:00.000Z',
      valid_until: '2099-01-01T00:00:00.000Z',
    });
    const res = await api('POST', `/seals/${id}/use-requests`, who(clerkId), { document_id: documentId });
    expect(res.json().code).toBe(sealsErrors.SEAL_USE_REQUEST_INVALID.api);
    expect(
      await t.database.db.selectFrom('seal_use_requests').select('id').where('seal_id', '=', id).execute(),
    ).toEqual([]);
  });
});
