import { validate } from '@signx/pades';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopedHeaderAuthModule } from '../../../test/documents-kit.js';
import { fileContract, sealsCaller, sealsPermissions } from '../../../test/seals-kit.js';
import { pdfsig } from '../../../test/signing-kit.js';
import { createSoftHsmToken } from '../../../test/softhsm-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { documents } from '../documents/index.js';
import { modules } from '../index.js';
import { sealsErrors } from './seals.errors.js';

/**
 * Issue 18's "Done means" as one scenario, through the API: a company registers its generated
 * contract seal, bound to an organisation certificate whose key is generated in SoftHSM2;
 * the legal department may use it on contracts after a seal-use approval (用印审批). A
 * contract is approved in the approvals API, sealed over 甲方（盖章） together with the
 * cross-page seal (骑缝章) in one PAdES signature, and validates in pdfsig and the engine
 * with the organisation as signer; the log and the audit trail show it. Then the attacks:
 * no approval (40373), the approval again (40977), someone outside the legal team (40372).
 */
const adminId = '019a0000-0000-7000-8000-00000000a001';
const bossId = '019a0000-0000-7000-8000-00000000b003';
const legalName = '福州合同印章科技有限公司';
const uscc = '91350100M000100Y43';
const admin = sealsCaller(adminId, [
  ...sealsPermissions,
  'keys.certificate.read',
  'keys.certificate.manage',
  'workflow.definition.read',
  'workflow.definition.manage',
  'workflow.approval.use',
  'identity.department.create',
  'identity.user.create',
  'audit.event.read',
]);
const user = (id: string) => sealsCaller(id, [...sealsPermissions, 'workflow.approval.use']);
let hsm: ReturnType<typeof createSoftHsmToken>;
let t: TestApp;
let legalId: string;
let clerkId: string;
let outsiderId: string;
let sealId: string;
let documentId: string;
const api = async (
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
  payload?: object,
  status?: number,
) => {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  if (status) expect(res.statusCode, res.body).toBe(status);
  return res;
};
const placement = { mode: 'keyword', keyword: '甲方（盖章）', occurrence: 'last', cross_page: true };
const apply = (who: string, approval_id?: string) =>
  api('POST', `/seals/${sealId}/apply`, user(who), { document_id: documentId, placement, approval_id });
const version = async () => (await documents.current(t.database.db, documentId)).version;

/** A user of the identity module in `department` (the authorisation matches by department). */
async function person(username: string, department: string): Promise<string> {
  const res = await api(
    'POST',
    '/users',
    admin,
    { username, full_name: username, email: `${username}@example.test`, department_id: department },
    201,
  );
  return res.json().data.id;
}

beforeAll(async () => {
  hsm = createSoftHsmToken('signx-seals');
  t = await createTestApp({
    env: { KEYS_PKCS11_LIBRARY: hsm.library, KEYS_PKCS11_TOKEN: hsm.tokenLabel, KEYS_PKCS11_PIN: hsm.pin },
    build: { modules: [...modules, scopedHeaderAuthModule] },
  });
  legalId = (await api('POST', '/departments', admin, { name: '法务部' }, 201)).json().data.id;
  const sales = (await api('POST', '/departments', admin, { name: '销售部' }, 201)).json().data.id;
  clerkId = await person('legal-clerk', legalId);
  outsiderId = await person('sales-rep', sales);
}, 180_000);
afterAll(async () => {
  await t?.close();
  hsm?.cleanup();
});

describe('a contract seal held in SoftHSM2, approved, sealed at the keyword and across the edges', () => {
  it('seals, validates in pdfsig and the engine, and logs and audits every step', async () => {
    // The organisation certificate: its key generated inside the token.
    const certificate = (
      await api('POST', '/keys/certificates', admin, { legal_name: legalName, uscc, storage: 'pkcs11' }, 201)
    ).json().data as { id: string; storage: string };
    expect(certificate.storage).toBe('pkcs11');
    const key = await t.database.db
      .selectFrom('keys_managed_keys')
      .select(['storage', 'wrapped_key', 'token_label'])
      .executeTakeFirstOrThrow();
    expect(key).toEqual({ storage: 'pkcs11', wrapped_key: null, token_label: 'signx-seals' });

    // The generated contract seal, bound to it.
    const seal = await api(
      'POST',
      '/seals',
      admin,
      {
        organisation: legalName,
        seal_type: 'contract',
        name: '合同专用章',
        design: { shape: 'round', title: legalName, purpose: '合同专用章', star: true },
        certificate_id: certificate.id,
      },
      201,
    );
    expect(seal.json().data).toMatchObject({
      source: 'generated',
      organisation: legalName,
      status: 'active',
    });
    sealId = seal.json().data.id;

    // The seal-use approval: one step, the boss approves.
    const definition = await api(
      'POST',
      '/workflows',
      admin,
      {
        key: 'contract-seal-use',
        name: '用印审批',
        body: {
          form: { fields: [] },
          process: [
            { id: 'start', type: 'start' },
            {
              id: 'boss',
              type: 'approval',
              name: '负责人',
              approvers: [{ type: 'user', user_ids: [bossId] }],
            },
            { id: 'end', type: 'end' },
          ],
        },
      },
      201,
    );
    const definitionId = definition.json().data.id;
    await api('POST', `/workflows/${definitionId}/publish`, admin, undefined, 200);

    // The legal department, for contracts, with approval.
    await api(
      'POST',
      `/seals/${sealId}/authorisations`,
      admin,
      {
        subject_type: 'department',
        subject_id: legalId,
        categories: ['contract'],
        valid_from: '2020-01-01T00:00:00.000Z',
        valid_until: '2099-01-01T00:00:00.000Z',
        requires_approval: true,
        workflow_definition_id: definitionId,
      },
      201,
    );

    // A three-page contract with 甲方（盖章） on its last page.
    documentId = await fileContract(t, user(clerkId), 3, { entity_id: 'HT-2026-018', title: '采购合同' });

    // Attack: applying without an approval.
    expect((await apply(clerkId)).json().code).toBe(sealsErrors.SEAL_APPROVAL_REQUIRED.api);
    expect(await version()).toBe(1);

    const requested = (
      await api('POST', `/seals/${sealId}/use-requests`, user(clerkId), { document_id: documentId }, 201)
    ).json().data as { approval_id: string; status: string; document_version: number };
    expect(requested).toMatchObject({ status: 'running', document_version: 1 });
    const inbox = await api('GET', '/approvals?box=todo', user(bossId), undefined, 200);
    expect(JSON.stringify(inbox.json().data)).toContain(requested.approval_id);
    await api(
      'POST',
      `/approvals/${requested.approval_id}/approve`,
      user(bossId),
      { comment: '同意用印' },
      200,
    );

    // Attack: someone outside the legal team, with the approval id.
    const outsider = await apply(outsiderId, requested.approval_id);
    expect(outsider.json().code).toBe(sealsErrors.SEAL_NOT_AUTHORISED.api);
    expect(await version()).toBe(1);

    const sealed = await apply(clerkId, requested.approval_id);
    expect(sealed.statusCode, sealed.body).toBe(201);
    expect(sealed.json().data).toMatchObject({
      approval_id: requested.approval_id,
      document_version: 1,
      sealed_version: 2,
      placement: 'keyword_cross',
      pages: [3, 1, 2],
    });

    // Attack: the same approval again.
    const again = await apply(clerkId, requested.approval_id);
    expect(again.json().code).toBe(sealsErrors.SEAL_APPROVAL_USED.api);
    expect(await version()).toBe(2);

    // The sealed PDF: one signature of the organisation, its widgets the keyword seal and the slices.
    const current = await documents.current(t.database.db, documentId);
    const pdf = await documents.read(t.app.signx, current.sha256);
    const root = await t.app.signx.trust.rootCertificate();
    const report = await validate(pdf, { trustAnchors: [root], revocation: 'off' });
    expect(report.signatures.map((s) => s.kind)).toEqual(['signature', 'document-timestamp']);
    expect(report.signatures[0]).toMatchObject({ isValid: true });
    expect(report.signatures[0]!.signerSubject).toContain(legalName);
    expect(report.signatures[0]!.signerSubject).toContain(`NTRCN-${uscc}`);
    const checked = pdfsig(pdf, root);
    expect(checked.out).toContain('Signature is Valid');
    expect(checked.out).toContain(legalName);
    // pdfsig lists the seal's signature once per widget: the keyword seal and three slices.
    expect(checked.out.match(new RegExp(`Signer Certificate Common Name: ${legalName}`, 'g'))).toHaveLength(
      4,
    );

    // The seal-use log and the audit trail.
    const log = (await api('GET', `/seals/uses?seal_id=${sealId}`, admin, undefined, 200)).json().data;
    expect(log.items).toEqual([
      expect.objectContaining({
        user_id: clerkId,
        document_id: documentId,
        document_version: 1,
        sealed_version: 2,
        pages: [3, 1, 2],
        approval_id: requested.approval_id,
        signed_sha256: current.sha256,
      }),
    ]);
    const audit = await api('GET', '/audit/events?action=seals.*&page_size=100', admin, undefined, 200);
    const events = (audit.json().data.items as { action: string; entity_id: string }[])
      .filter((e) => e.entity_id === sealId)
      .map((e) => e.action)
      .sort();
    expect(events).toEqual([
      'seals.seal.applied',
      'seals.seal.authorised',
      'seals.seal.created',
      'seals.seal.use_requested',
    ]);
    const issued = await api('GET', '/audit/events?action=keys.certificate.issued', admin, undefined, 200);
    expect(issued.json().data.total).toBe(1);
  });
});
