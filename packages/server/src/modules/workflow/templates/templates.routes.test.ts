import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWith } from '../../../../test/identity-fixtures.js';
import { pngDataUrl } from '../../../../test/signing-kit.js';
import type { TestApp } from '../../../../test/test-app.js';
import { userActor } from '../../../../test/test-principal.js';
import {
  act,
  as,
  call,
  createWorkflowApp,
  detail,
  initiator,
  pending,
  user,
} from '../../../../test/workflow-kit.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { commitSignature, prepareSignature } from '../../signing/sign.service.js';
import { signingDeps } from '../../signing/signing.deps.js';
import { accessFor } from '../../signing/signing-link.service.js';
import { workflowEvents } from '../index.js';

/** The shipped templates install once and run end to end (the Part 11 one: part11-node.routes.test.ts). */
let t: TestApp;
let boss: string;
beforeAll(async () => {
  t = await createWorkflowApp();
  // the administrator that `to_admin` and the super_admin role rules resolve to
  boss = (await createUserWith(t.app, { username: 'boss', roles: ['super_admin'] })).id;
}, 180_000);
afterAll(() => t.close());

const startWith = async (key: string, form_data: object) => {
  const started = await call(t, 'POST', '/approvals', as(initiator), {
    definition_key: key,
    title: key,
    form_data,
  });
  expect(started.statusCode, started.body).toBe(201);
  return started.json().data as { id: string };
};

describe('shipped templates', () => {
  it('install once (a second run leaves them alone); reading needs no manage permission', async () => {
    const listed = await call(t, 'GET', '/workflow-templates', as(user(90)));
    expect(listed.json().data.items.map((x: { key: string }) => x.key)).toEqual([
      'three-level-acceptance',
      'contract-approval',
      'config-change',
      'part11-document-approval',
    ]);
    const first = await call(t, 'POST', '/workflow-templates/install', as(user(90)));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().data.items.map((x: { outcome: string }) => x.outcome)).toEqual(
      Array(4).fill('installed'),
    );
    const again = await call(t, 'POST', '/workflow-templates/install', as(user(90)));
    expect(again.json().data.items.map((x: { outcome: string }) => x.outcome)).toEqual(
      Array(4).fill('present'),
    );
    const published = await t.database.db
      .selectFrom('workflow_definitions')
      .select(['key', 'status'])
      .where('status', '=', 'published')
      .execute();
    expect(published).toHaveLength(4);
  });

  it('three-level acceptance: department heads (none here: passed), then the inspector', async () => {
    const d = await startWith('three-level-acceptance', {
      project: 'P-7',
      deliverable: 'Line 2',
      inspector: user(4),
    });
    expect(pending(await detail(t, d.id))).toEqual(['quality:4']);
    expect((await act(t, 4, d.id, 'approve')).status).toBe('approved');
  });

  it('config change: review and apply by the administrator; the approval is emitted', async () => {
    const d = await startWith('config-change', {
      setting: 'SESSION_IDLE_MINUTES',
      new_value: '30',
      reason: 'audit',
    });
    await call(t, 'POST', `/approvals/${d.id}/approve`, as(boss), {});
    const done = await call(t, 'POST', `/approvals/${d.id}/approve`, as(boss), {});
    expect(done.json().data.status).toBe('approved');
    await t.app.signx.jobs.drain();
    const events = await workflowEvents.after(t.database.db, null);
    expect(events.filter((e) => e.event.instance_id === d.id).map((e) => e.event.event)).toEqual([
      'approved',
    ]);
  });

  it('contract approval: manager, legal + finance countersign, then a signed PDF', async () => {
    const d = await startWith('contract-approval', {
      counterparty: 'ACME',
      amount: 120_000,
      legal: user(4),
      finance: user(5),
      signer: user(6),
    });
    await call(t, 'POST', `/approvals/${d.id}/approve`, as(boss), {});
    await act(t, 4, d.id, 'approve');
    await act(t, 5, d.id, 'approve');
    expect(pending(await detail(t, d.id))).toEqual(['sign:6']);
    const link = await t.database.db
      .selectFrom('workflow_signature_requests')
      .selectAll()
      .where('instance_id', '=', d.id)
      .executeTakeFirstOrThrow();
    const signer = await t.database.db
      .selectFrom('digital_signature_signers')
      .selectAll()
      .where('request_id', '=', link.request_id)
      .executeTakeFirstOrThrow();
    const deps = signingDeps(t.app.signx);
    const body = { signature_type: 'drawn' as const, signature_data: pngDataUrl(), consent_given: true };
    const prepared = await prepareSignature(deps, await accessFor(deps.db, deps, signer), body);
    await inTransaction(deps.db, (trx) => commitSignature(trx, deps, userActor(user(6), []), prepared, body));
    expect((await detail(t, d.id)).status).toBe('approved');
    await t.app.signx.jobs.drain();
    const request = await t.database.db
      .selectFrom('digital_signature_requests')
      .select(['status', 'seal_status'])
      .where('id', '=', link.request_id)
      .executeTakeFirstOrThrow();
    expect(request).toEqual({ status: 'completed', seal_status: 'sealed' });
    const [document] = await t.database.db
      .selectFrom('digital_signature_request_documents')
      .select(['current_version', 'sent_version'])
      .where('request_id', '=', link.request_id)
      .execute();
    // the signer's PAdES signature made a new version of the contract PDF, then the seal another
    expect(Number(document?.current_version)).toBeGreaterThan(Number(document?.sent_version));
  });
});
