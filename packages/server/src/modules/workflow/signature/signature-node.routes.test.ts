import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngDataUrl } from '../../../../test/signing-kit.js';
import type { TestApp } from '../../../../test/test-app.js';
import { userActor } from '../../../../test/test-principal.js';
import {
  act,
  approval,
  createWorkflowApp,
  detail,
  end,
  pending,
  publish,
  start,
  startApproval,
  user,
} from '../../../../test/workflow-kit.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { declineRequest } from '../../signing/lifecycle.service.js';
import { commitSignature, prepareSignature } from '../../signing/sign.service.js';
import { signingDeps } from '../../signing/signing.deps.js';
import { accessFor } from '../../signing/signing-link.service.js';

/**
 * A signature node creates a signing request to its signers when reached; each signature
 * completes that signer's task in the signature's transaction, a decline rejects the approval.
 * The signatures are made through the signing module's own services (the internal route adds
 * only the signer's step-up proof, which needs real sessions; signing's tests cover it).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createWorkflowApp();
  await publish(t, 'sign-off', [
    start,
    approval('a1', [2]),
    {
      id: 'sig',
      type: 'signature',
      name: 'Sign',
      approvers: [{ type: 'user', user_ids: [user(8), user(9)] }],
    },
    end,
  ]);
  await publish(t, 'part11-sign', [
    start,
    { id: 'p11', type: 'signature', approvers: [{ type: 'user', user_ids: [user(8)] }], meaning: 'approval' },
    end,
  ]);
}, 180_000);
afterAll(() => t.close());

const db = () => t.database.db;

async function requestOf(instanceId: string) {
  const links = await db()
    .selectFrom('workflow_signature_requests')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .execute();
  expect(links).toHaveLength(1);
  const link = links[0] as (typeof links)[number];
  const request = await db()
    .selectFrom('digital_signature_requests')
    .selectAll()
    .where('id', '=', link.request_id)
    .executeTakeFirstOrThrow();
  const signers = await db()
    .selectFrom('digital_signature_signers')
    .selectAll()
    .where('request_id', '=', request.id)
    .orderBy('user_id')
    .execute();
  return { link, request, signers };
}

async function signAs(signerId: string, userNumber: number) {
  const deps = signingDeps(t.app.signx);
  const actor = userActor(user(userNumber), []);
  const signer = await db()
    .selectFrom('digital_signature_signers')
    .selectAll()
    .where('id', '=', signerId)
    .executeTakeFirstOrThrow();
  const body = { signature_type: 'drawn' as const, signature_data: pngDataUrl(), consent_given: true };
  const prepared = await prepareSignature(deps, await accessFor(deps.db, deps, signer), body);
  return inTransaction(deps.db, (trx) => commitSignature(trx, deps, actor, prepared, body));
}

async function declineAs(signerId: string, userNumber: number) {
  const deps = signingDeps(t.app.signx);
  const signer = await db()
    .selectFrom('digital_signature_signers')
    .selectAll()
    .where('id', '=', signerId)
    .executeTakeFirstOrThrow();
  const access = await accessFor(deps.db, deps, signer);
  await inTransaction(deps.db, (trx) =>
    declineRequest(trx, deps, userActor(user(userNumber), []), access, 'Terms are wrong'),
  );
}

describe('signature nodes create and follow a signing request', () => {
  it('after the approval the request exists with the node’s signers; both signing completes the approval', async () => {
    let d = await startApproval(t, 'sign-off');
    expect(await db().selectFrom('workflow_signature_requests').selectAll().execute()).toEqual([]);
    d = await act(t, 2, d.id, 'approve');
    expect(d.status).toBe('running');
    const { link, request, signers } = await requestOf(d.id);
    expect(link.node_id).toBe('sig');
    expect(request).toMatchObject({ entity_type: 'workflow_approval', entity_id: d.id, status: 'sent' });
    expect(signers.map((s) => [s.user_id, s.status])).toEqual([
      [user(8), 'sent'],
      [user(9), 'sent'],
    ]);
    expect(d.timeline.map((e) => e.action)).toContain('signature_requested');

    await signAs(signers[0]?.id as string, 8);
    d = await detail(t, d.id);
    expect([d.status, pending(d)]).toEqual(['running', ['sig:9']]);
    const signature = await signAs(signers[1]?.id as string, 9);
    d = await detail(t, d.id);
    expect(d.status).toBe('approved');
    expect(d.timeline.filter((e) => e.action === 'signed').map((e) => e.actor_id)).toEqual([
      user(8),
      user(9),
    ]);
    const done = await db()
      .selectFrom('digital_signature_requests')
      .select('status')
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(done.status).toBe('completed');
    const record = await db()
      .selectFrom('workflow_records')
      .select('details')
      .where('instance_id', '=', d.id)
      .where('action', '=', 'signed')
      .where('actor_id', '=', user(9))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(record.details)).toEqual({ reference: signature.signature_number });
  });

  it('a signer who declines rejects the approval and the request', async () => {
    let d = await startApproval(t, 'sign-off');
    d = await act(t, 2, d.id, 'approve');
    const { request, signers } = await requestOf(d.id);
    await declineAs(signers[1]?.id as string, 9);
    d = await detail(t, d.id);
    expect(d.status).toBe('rejected');
    expect(d.tasks.filter((x) => x.node_id === 'sig').map((x) => x.status)).toEqual([
      'cancelled',
      'rejected',
    ]);
    const row = await db()
      .selectFrom('digital_signature_requests')
      .select('status')
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('rejected');
  });

  it('a withdrawn approval leaves a later signature alone (the signature stands, nothing reopens)', async () => {
    let d = await startApproval(t, 'sign-off');
    d = await act(t, 2, d.id, 'approve');
    const { signers } = await requestOf(d.id);
    await act(t, 1, d.id, 'withdraw');
    await signAs(signers[0]?.id as string, 8);
    d = await detail(t, d.id);
    expect(d.status).toBe('withdrawn');
    expect(d.timeline.map((e) => e.action)).not.toContain('signed');
  });

  it('a signature node with a meaning is a Part 11 signature: no signing request is made', async () => {
    const d = await startApproval(t, 'part11-sign');
    expect(pending(d)).toEqual(['p11:8']);
    const links = await db()
      .selectFrom('workflow_signature_requests')
      .selectAll()
      .where('instance_id', '=', d.id)
      .execute();
    expect(links).toEqual([]);
  });
});
