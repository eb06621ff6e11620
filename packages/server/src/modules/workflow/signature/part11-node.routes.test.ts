import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testPassword } from '../../../../test/identity-fixtures.js';
import {
  createRecordsTestApp,
  createSigner,
  type RecordsTestApp,
  type Signer,
} from '../../../../test/records-kit.js';
import { signatureErrors } from './signature.errors.js';

/**
 * A signature node with a meaning is a Part 11 signature: the signer signs their task through
 * the records module (POST /signature/create, resource `workflow_task`/`sign`, with the
 * ceremony), which completes the node in the signature's transaction.
 */
let t: RecordsTestApp;
let tina: Signer;
let otto: Signer;

const get = async (url: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(t.adminToken) })).json().data;

beforeAll(async () => {
  t = await createRecordsTestApp();
  tina = await createSigner(t, 'tina');
  otto = await createSigner(t, 'otto');
  const policy = await t.post('/signature/policies', t.adminToken, {
    resource_type: 'workflow_task',
    operation_type: 'sign',
    policy_name: 'Approval signatures',
    signature_level: 'enhanced',
    authentication_factors: 2,
    session_timeout: 10,
    session_absolute_timeout: 60,
    cooling_period: null,
    require_reason: false,
    allowed_meanings: ['approval', 'review'],
  });
  if (policy.statusCode !== 201) throw new Error(policy.body);
  const created = await t.post('/workflows', t.adminToken, {
    key: 'sop-release',
    name: 'SOP release',
    body: {
      form: { fields: [{ key: 'sop', label: 'SOP', type: 'text', required: true }] },
      process: [
        { id: 'start', type: 'start' },
        {
          id: 'qa',
          type: 'signature',
          approvers: [{ type: 'user', user_ids: [tina.id] }],
          meaning: 'approval',
        },
        { id: 'end', type: 'end' },
      ],
    },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const published = await t.post(`/workflows/${created.json().data.id}/publish`, t.adminToken, {});
  if (published.statusCode !== 200) throw new Error(published.body);
}, 180_000);
afterAll(() => t?.close());

const signBody = (signer: Signer, taskId: string, meaning: string) => ({
  userId: signer.id,
  resourceId: taskId,
  resourceType: 'workflow_task',
  operationType: 'sign',
  signatureMean: meaning,
  credentials: { password: testPassword, totp: t.totp(signer) },
});

const recordsSignatures = (taskId: string) =>
  t.app.signx.db.selectFrom('records_signatures').selectAll().where('resource_id', '=', taskId).execute();

describe('Part 11 signature nodes', () => {
  it('refuses another signer and a different meaning (nothing stored), then the signer’s signature approves', async () => {
    const started = await t.post('/approvals', t.adminToken, {
      definition_key: 'sop-release',
      title: 'Release SOP-12',
      form_data: { sop: 'SOP-12 rev 3' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().data.id as string;
    const task = (await get(`/approvals/${id}`)).tasks.find((x: { node_id: string }) => x.node_id === 'qa');
    expect(task).toMatchObject({ kind: 'signature', assignee_id: tina.id, status: 'pending' });

    const stranger = await t.post('/signature/create', otto.token, signBody(otto, task.id, 'approval'));
    expect([stranger.statusCode, stranger.json().code]).toEqual([
      403,
      signatureErrors.NOT_YOUR_SIGNATURE_TASK.api,
    ]);
    t.clock.advance(31_000);
    const wrongMeaning = await t.post('/signature/create', tina.token, signBody(tina, task.id, 'review'));
    expect([wrongMeaning.statusCode, wrongMeaning.json().code]).toEqual([
      400,
      signatureErrors.SIGNATURE_MEANING_MISMATCH.api,
    ]);
    expect(await recordsSignatures(task.id)).toEqual([]);
    expect((await get(`/approvals/${id}`)).status).toBe('running');

    t.clock.advance(31_000);
    const signed = await t.post('/signature/create', tina.token, signBody(tina, task.id, 'approval'));
    expect(signed.statusCode, signed.body).toBe(201);
    const [row] = await recordsSignatures(task.id);
    expect(row).toMatchObject({
      user_id: tina.id,
      resource_type: 'workflow_task',
      signature_mean: 'approval',
    });
    const detail = await get(`/approvals/${id}`);
    expect(detail.status).toBe('approved');
    expect(detail.timeline.find((e: { action: string }) => e.action === 'signed')).toMatchObject({
      actor_id: tina.id,
      node_id: 'qa',
    });
  });

  it('the shipped Part 11 document approval: review, then approval, each with its meaning', async () => {
    const installed = await t.post('/workflow-templates/install', t.adminToken, {});
    expect(installed.statusCode, installed.body).toBe(200);
    const started = await t.post('/approvals', t.adminToken, {
      definition_key: 'part11-document-approval',
      title: 'SOP-14 rev 2',
      form_data: { document: 'SOP-14 rev 2', reviewer: tina.id, approver: otto.id },
    });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().data.id as string;
    const taskAt = async (node: string) =>
      (await get(`/approvals/${id}`)).tasks.find((x: { node_id: string }) => x.node_id === node);
    t.clock.advance(31_000);
    const reviewed = await t.post(
      '/signature/create',
      tina.token,
      signBody(tina, (await taskAt('review')).id, 'review'),
    );
    expect(reviewed.statusCode, reviewed.body).toBe(201);
    const approved = await t.post(
      '/signature/create',
      otto.token,
      signBody(otto, (await taskAt('approve')).id, 'approval'),
    );
    expect(approved.statusCode, approved.body).toBe(201);
    expect((await get(`/approvals/${id}`)).status).toBe('approved');
  });
});
