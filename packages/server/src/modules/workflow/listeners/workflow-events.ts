import { decodeJson } from '../../../platform/db/json-codec.js';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import { eventsAfter } from './events.repository.js';
import type { WorkflowEvent } from './listener-model.js';

/** The integration events outbox, for other modules (webhooks): page with the last id seen. */
export const workflowEvents = {
  async after(
    db: DbOrTrx,
    afterId: string | null,
    limit = 100,
  ): Promise<{ id: string; event: WorkflowEvent }[]> {
    const rows = await eventsAfter(db, afterId, Math.min(Math.max(limit, 1), 1000));
    return rows.map((row) => ({
      id: row.id,
      event: decodeJson<WorkflowEvent>(row.payload) as WorkflowEvent,
    }));
  },
};
