import { describe, expect, it } from 'vitest';
import {
  act,
  approval,
  end,
  publish,
  start,
  startApproval,
  useWorkflowApp,
} from '../../../../test/workflow-kit.js';
import { decodeJson } from '../../../platform/db/json-codec.js';

/**
 * The approval's integration events (webhooks outbox): a step queues them on its run and
 * writes them in one statement when it ends (endStep), in the order they happened, each with
 * the approval as it stood at that moment; a step refused writes none.
 */
const t = useWorkflowApp(async (t) => {
  await publish(t, 'events-two', [start, approval('a1', [2]), approval('a2', [3]), end]);
});

async function eventsOf(id: string) {
  const rows = await t.database.db
    .selectFrom('webhook_events')
    .select(['id', 'type', 'data'])
    .where('resource_id', '=', id)
    .orderBy('id')
    .execute();
  return rows.map((row) => {
    const data = decodeJson<{ status: string; node_id: string | null }>(row.data);
    return `${row.type.replace('workflow.approval.', '')}:${data?.node_id ?? '-'}:${data?.status}`;
  });
}

describe('approval integration events', () => {
  it('writes each step’s events in order, with the approval as it stood', async () => {
    const started = await startApproval(t, 'events-two');
    expect(await eventsOf(started.id)).toEqual([
      'started:-:running',
      'node_entered:start:running',
      'node_entered:a1:running',
    ]);
    await act(t, 2, started.id, 'approve');
    await act(t, 4, started.id, 'approve', {}, 404);
    await act(t, 3, started.id, 'approve');
    expect((await eventsOf(started.id)).slice(3)).toEqual([
      'node_approved:a1:running',
      'node_entered:a2:running',
      'node_approved:a2:running',
      'node_entered:end:running',
      'approved:-:approved',
      'completed:-:approved',
    ]);
    // A repeat (double click) and a refused action add nothing.
    await act(t, 3, started.id, 'approve');
    expect(await eventsOf(started.id)).toHaveLength(9);
  });
});
