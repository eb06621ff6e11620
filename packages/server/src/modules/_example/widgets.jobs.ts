import { Type } from '@sinclair/typebox';
import { systemActor } from '../../platform/actor.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { defineJob } from '../../platform/jobs/index.js';
import { exampleDeps } from './example.deps.js';
import { recordOwnerNotified } from './widgets.service.js';

/**
 * Tells a widget's owner it was approved. Enqueued by the approval in the same transaction,
 * so it exists exactly when the approval does; the handler opens its own transaction (the
 * transaction rule: routes and job handlers open them, services take them) and is
 * idempotent, since a job runs at least once.
 * @templateNote A real module would enqueue the platform's mail job here instead of
 * stamping a column; the stamp keeps the example free of an SMTP server.
 */
export const notifyOwnerJob = defineJob({
  name: 'example.widget.notify-owner',
  payload: Type.Object({ widget_id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  retry: { attempts: 5, backoff: 'exponential', delayMs: 1000 },
  async handler(payload, run) {
    const deps = exampleDeps(run.ctx);
    await inTransaction(deps.db, (trx) =>
      recordOwnerNotified(trx, deps, systemActor('example.widget.notify-owner'), {
        widgetId: payload.widget_id,
        jobId: run.jobId,
      }),
    );
  },
});
