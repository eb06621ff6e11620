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
 * Batch sealing (docs/seals.md): one seal-use request names several documents, one approval
 * covers them, and one batch apply seals each once (per-document outcomes; a retry seals only
 * what is left). Runs on SQLite and, with SIGNX_TEST_DIALECT=postgres, PostgreSQL.
 */
const adminId = '019a0000-0000-7000-8000-00000000a101';
const clerkId = '019a0000-0000-7000-8000-00000000c102';
const bossId = '019a0000-0000-7000-8000-00000000b103';
const all = [...sealsPermissions, 'workflow.definition.manage', 'workflow.approval.use'];
const who = (id: string) => sealsCaller(id, all);
let t: TestApp;
let sealId: string;
const docs: string[] = [];
const api = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const uses = () => t.database.db.selectFrom('seal_uses').selectAll().orderBy('id').execute();
const placement = { mode: 'coordinates', page: 1, x: 300, y: 100 };
const version = async (id: string) => (await documents.current(t.database.db, id)).version;

async function approvedRequest(body: object): Promise<string> {
  const res = await api('POST', `/seals/${sealId}/use-requests`, who(clerkId), body);
  expect(res.statusCode, res.body).toBe(201);
  const approvalId = res.json().data.approval_id;
  const decided = await api('POST', `/approvals/${approvalId}/approve`, who(bossId), { comment: 'ok' });
  expect(decided.statusCode, decided.body).toBe(200);
  return approvalId;
}
const batch = (document_ids: string[], approval_id: string, by = clerkId) =>
  api('POST', `/seals/${sealId}/batch-apply`, who(by), { document_ids, placement, approval_id });
async function isValidSeal(documentId: string) {
  const current = await documents.current(t.database.db, documentId);
  const report = await validate(await documents.read(t.app.signx, current.sha256), {
    trustAnchors: [await t.app.signx.trust.rootCertificate()],
    revocation: 'off',
  });
  return report.signatures.length > 0 && report.signatures.every((s) => s.isValid);
}

beforeAll(async () => {
  t = await createSealsApp();
  for (let i = 0; i < 6; i++)
    docs.push(await fileContract(t, who(adminId), 1, { entity_id: `B-${i}`, title: `批量合同 ${i}` }));
  ({ sealId } = await sealNeedingApproval(t, who(adminId), {
    workflow: { key: 'seal-batch', name: '批量用印审批' },
    approverId: bossId,
    seal: { organisation: '批量用印有限公司', seal_type: 'contract', name: '合同专用章' },
    subjects: [clerkId],
    categories: ['contract'],
  }));
}, 120_000);
afterAll(() => t?.close());

describe('batch sealing', () => {
  it('files one request for several documents, each at its version, listed for the approver', async () => {
    const [a, b, c] = docs as [string, string, string];
    const res = await api('POST', `/seals/${sealId}/use-requests`, who(clerkId), { document_ids: [a, b, c] });
    expect(res.statusCode, res.body).toBe(201);
    const data = res.json().data;
    expect(data).toMatchObject({ document_count: 3, document_id: a, status: 'running' });
    expect(data.documents).toEqual([a, b, c].map((document_id) => ({ document_id, document_version: 1 })));
    const instance = await t.database.db
      .selectFrom('workflow_instances')
      .select('title')
      .where('id', '=', data.approval_id)
      .executeTakeFirstOrThrow();
    expect(instance.title).toContain('3 份文件');
    expect(instance.title.match(/contract\.pdf v1/g)).toHaveLength(3);
    const both = await api('POST', `/seals/${sealId}/use-requests`, who(clerkId), {
      document_id: a,
      document_ids: [b],
    });
    expect(both.statusCode).toBe(400);
    const twice = await api('POST', `/seals/${sealId}/use-requests`, who(clerkId), { document_ids: [a, a] });
    expect(twice.statusCode).toBe(400);
    const rows = await t.database.db.selectFrom('seal_use_requests').select('id').execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses an unauthorised user with nothing written', async () => {
    const approvalId = await approvedRequest({ document_ids: docs.slice(0, 3) });
    const res = await batch(docs.slice(0, 3), approvalId, adminId);
    expect(res.json().code).toBe(sealsErrors.SEAL_NOT_AUTHORISED.api);
    expect(await uses()).toEqual([]);
    for (const id of docs.slice(0, 3)) expect(await version(id)).toBe(1);
  });

  it('seals three documents with one approval, once each; a retry and a single reuse are refused', async () => {
    const three = docs.slice(0, 3);
    const approvalId = await approvedRequest({ document_ids: three });
    const res = await batch(three, approvalId);
    expect(res.statusCode, res.body).toBe(201);
    const data = res.json().data;
    expect(data).toMatchObject({ approval_id: approvalId, sealed: 3, already_sealed: 0, refused: 0 });
    expect(data.results.map((r: { outcome: string }) => r.outcome)).toEqual(['sealed', 'sealed', 'sealed']);
    for (const id of three) {
      expect(await version(id)).toBe(2);
      expect(await isValidSeal(id)).toBe(true);
    }
    const log = await uses();
    expect(log).toHaveLength(3);
    expect(new Set(log.map((u) => u.approval_id))).toEqual(new Set([approvalId]));
    expect(log.map((u) => u.document_id).sort()).toEqual([...three].sort());
    // A retry: nothing is sealed again, each named as already sealed by this approval.
    const retry = (await batch(three, approvalId)).json().data;
    expect(retry).toMatchObject({ sealed: 0, already_sealed: 3, refused: 0 });
    expect(retry.results[0]).toMatchObject({
      code: sealsErrors.SEAL_APPROVAL_USED.api,
      use_id: log.find((u) => u.document_id === three[0])?.id,
    });
    const single = await api('POST', `/seals/${sealId}/apply`, who(clerkId), {
      document_id: three[1],
      placement,
      approval_id: approvalId,
    });
    expect(single.json().code).toBe(sealsErrors.SEAL_APPROVAL_USED.api);
    expect(await uses()).toHaveLength(3);
    for (const id of three) expect(await version(id)).toBe(2);
    const listed = await api('GET', `/seals/use-requests?mine=true&seal_id=${sealId}`, who(clerkId));
    const row = listed.json().data.items.find((r: { approval_id: string }) => r.approval_id === approvalId);
    expect(row).toMatchObject({ document_count: 3, documents_sealed: 3, status: 'used' });
  });

  it('seals the covered documents at their approved version and refuses the rest per document', async () => {
    const [d, e, f] = docs.slice(3) as [string, string, string];
    const approvalId = await approvedRequest({ document_ids: [d, e, f] });
    // e changes after the approval: sealed through its own single-document approval.
    const other = await approvedRequest({ document_id: e });
    const changed = await api('POST', `/seals/${sealId}/apply`, who(clerkId), {
      document_id: e,
      placement,
      approval_id: other,
    });
    expect(changed.statusCode, changed.body).toBe(201);
    const before = (await uses()).length;
    const notCovered = docs[0] as string;
    const res = await batch([d, e, f, notCovered], approvalId);
    expect(res.statusCode, res.body).toBe(201);
    const data = res.json().data;
    expect(data).toMatchObject({ sealed: 2, already_sealed: 0, refused: 2 });
    const byId = new Map(data.results.map((r: { document_id: string }) => [r.document_id, r]));
    expect(byId.get(d)).toMatchObject({ outcome: 'sealed', sealed_version: 2 });
    expect(byId.get(f)).toMatchObject({ outcome: 'sealed', sealed_version: 2 });
    expect(byId.get(e)).toMatchObject({
      outcome: 'refused',
      code: sealsErrors.SEAL_APPROVAL_NOT_GRANTED.api,
    });
    expect((byId.get(e) as { message: string }).message).toContain('version 1');
    expect(byId.get(notCovered)).toMatchObject({
      outcome: 'refused',
      code: sealsErrors.SEAL_APPROVAL_NOT_GRANTED.api,
    });
    expect(await version(e)).toBe(2);
    expect(await version(notCovered)).toBe(2);
    expect(await isValidSeal(d)).toBe(true);
    expect(await isValidSeal(f)).toBe(true);
    expect((await uses()).length).toBe(before + 2);
    // The retry seals nothing more: d and f are already sealed, e and the stranger still refused.
    const retry = (await batch([d, e, f, notCovered], approvalId)).json().data;
    expect(retry).toMatchObject({ sealed: 0, already_sealed: 2, refused: 2 });
    expect((await uses()).length).toBe(before + 2);
  });

  it('lets apply seal one document of a batch approval; the batch then seals the rest', async () => {
    const [a, b] = docs as [string, string];
    const approvalId = await approvedRequest({ document_ids: [a, b] });
    const at = await version(a);
    const one = await api('POST', `/seals/${sealId}/apply`, who(clerkId), {
      document_id: a,
      placement,
      approval_id: approvalId,
    });
    expect(one.statusCode, one.body).toBe(201);
    expect(one.json().data).toMatchObject({ approval_id: approvalId, document_version: at });
    const rest = (await batch([a, b], approvalId)).json().data;
    expect(rest.results.map((r: { outcome: string }) => r.outcome)).toEqual(['already_sealed', 'sealed']);
    const ofApproval = (await uses()).filter((u) => u.approval_id === approvalId);
    expect(ofApproval.map((u) => u.document_id).sort()).toEqual([a, b].sort());
  });

  it('refuses a batch whose approval is not approved, with nothing written', async () => {
    const res = await api('POST', `/seals/${sealId}/use-requests`, who(clerkId), {
      document_ids: docs.slice(3),
    });
    const running = res.json().data.approval_id;
    const before = (await uses()).length;
    const refused = await batch(docs.slice(3), running);
    expect(refused.json().code).toBe(sealsErrors.SEAL_APPROVAL_NOT_GRANTED.api);
    const missing = await api('POST', `/seals/${sealId}/batch-apply`, who(clerkId), {
      document_ids: docs.slice(3),
      placement,
    });
    expect(missing.json().code).toBe(sealsErrors.SEAL_APPROVAL_REQUIRED.api);
    expect((await uses()).length).toBe(before);
  });
});
