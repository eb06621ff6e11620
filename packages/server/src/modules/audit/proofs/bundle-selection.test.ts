import { describe, expect, it } from 'vitest';
import { useAuditTestBed } from '../../../../test/audit-kit.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { exportBundle } from '../audit.service.js';
import { audit, systemActor } from '../index.js';
import { verifyBundle } from './bundle.js';

const bed = useAuditTestBed();
const actor = systemActor('auditor');

/** Events about two signing requests, interleaved the way real work records them. */
async function recordRequests(): Promise<void> {
  for (const [entityId, action] of [
    ['REQ-1', 'signing.request.created'],
    ['REQ-2', 'signing.request.created'],
    ['REQ-1', 'signing.request.sent'],
    ['REQ-1', 'signing.request.signed'],
    ['REQ-2', 'signing.request.sent'],
    ['REQ-1', 'signing.request.completed'],
  ] as const)
    await inTransaction(bed.database.db, (trx) =>
      audit.record(trx, { action, actor, entityType: 'signing_request', entityId }),
    );
}

const entityBundle = (limit = 1000) =>
  exportBundle(bed.deps, { entity_type: 'signing_request', entity_id: 'REQ-1' }, limit, actor);

describe('an evidence bundle of one entity proves its selection is complete', () => {
  it('holds every event of the entity and says so in a signed selection', async () => {
    await recordRequests();
    const bundle = await entityBundle();
    expect(bundle.format).toBe('signx-audit-bundle/2');
    expect(bundle.events.map((e) => e.action)).toEqual([
      'signing.request.created',
      'signing.request.sent',
      'signing.request.signed',
      'signing.request.completed',
    ]);
    const report = verifyBundle(bundle, bundle.public_key.key_id);
    expect(report).toMatchObject({ isValid: true, problems: [] });
    expect(report.selection).toMatchObject({ total: 4, included: 4 });
    expect(report.selection?.filter).toMatchObject({ entity_type: 'signing_request', entity_id: 'REQ-1' });
  });

  it('fails with a clear message when one event is deleted from the bundle', async () => {
    await recordRequests();
    const bundle = await entityBundle();
    const removed = bundle.events.splice(2, 1)[0];
    const report = verifyBundle(bundle, bundle.public_key.key_id);
    expect(report.isValid).toBe(false);
    expect(report.problems).toEqual([
      `event ${removed?.seq} is in the signed selection but missing from the bundle`,
    ]);
  });

  it('fails when the selection is edited to match, or removed', async () => {
    await recordRequests();
    const bundle = await entityBundle();
    const removed = bundle.events.splice(1, 1)[0];
    const edited = structuredClone(bundle);
    if (edited.selection) {
      edited.selection.seqs = edited.selection.seqs.filter((seq) => seq !== removed?.seq);
      edited.selection.total -= 1;
    }
    expect(verifyBundle(edited).problems).toEqual([
      'the selection statement is not signed by the bundle key (altered)',
    ]);
    const stripped = structuredClone(bundle);
    delete stripped.selection;
    stripped.format = 'signx-audit-bundle/1';
    expect(verifyBundle(stripped).problems.join()).toMatch(/no signed selection/);
  });

  it('a limited export is labelled as the first N of M, and still detects a deletion', async () => {
    await recordRequests();
    const bundle = await entityBundle(2);
    const report = verifyBundle(bundle);
    expect(report).toMatchObject({ isValid: true, selection: { total: 4, included: 2 } });
    bundle.events.pop();
    expect(verifyBundle(bundle).isValid).toBe(false);
  });
});
