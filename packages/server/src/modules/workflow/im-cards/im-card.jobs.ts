import { randomBytes } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { inTransaction } from '../../../platform/db/transaction.js';
import { defineJob } from '../../../platform/jobs/index.js';
import { notifications } from '../../notifications/index.js';
import type { EngineRun } from '../engine/engine-run.js';
import { findInstance } from '../engine/instances.repository.js';
import { workflowDeps } from '../workflow.deps.js';
import { type CardProvider, configuredProviders, sendCard } from './im-card-apps.js';
import * as cards from './im-cards.repository.js';

/**
 * Sends approval cards after the step that assigned the tasks committed: for each IM app
 * configured and the assignee's profile id on it, one card per open approval or handler
 * task (a row first, with a random 128-bit card id; then the send; then `sent_at`). A
 * retry sends only the cards not yet sent, and never makes a second card for a task.
 */
export const imCardJob = defineJob({
  name: 'workflow.im-card.send',
  payload: Type.Object(
    { instance_id: Type.String(), user_id: Type.String(), node_name: Type.String() },
    { additionalProperties: false },
  ),
  retry: { attempts: 5, backoff: 'exponential', delayMs: 2000 },
  async handler(payload, job) {
    const deps = workflowDeps(job.ctx);
    const im = job.ctx.config.im;
    const instance = await findInstance(deps.db, payload.instance_id);
    if (instance?.status !== 'running') return;
    for (const provider of configuredProviders(im)) {
      const imUserId = await notifications.imUserId(deps.db, payload.user_id, provider);
      if (!imUserId) continue;
      await inTransaction(deps.db, async (trx) => {
        for (const task of await cards.tasksWithoutCard(trx, instance.id, payload.user_id, provider))
          await cards.insertCard(trx, {
            card_id: randomBytes(16).toString('hex'),
            instance_id: instance.id,
            task_id: task.id,
            user_id: payload.user_id,
            provider,
            im_user_id: imUserId,
            created_at: deps.clock.now().toISOString(),
            sent_at: null,
            used_at: null,
            outcome: null,
          });
      });
    }
    const link = `${job.ctx.config.http.publicUrl.replace(/\/+$/, '')}/approvals/${instance.id}`;
    for (const card of await cards.unsentCards(deps.db, instance.id, payload.user_id)) {
      await sendCard(job.ctx.outbound, im, card.provider as CardProvider, {
        cardId: card.card_id,
        imUserId: card.im_user_id,
        title: instance.title,
        nodeName: payload.node_name,
        link,
      });
      await cards.markSent(deps.db, card.card_id, deps.clock.now().toISOString());
    }
  },
});

/** Enqueues the card job for a person given an approval or handler task, when an IM app is configured. */
export async function offerImCards(
  run: EngineRun,
  userId: string,
  what: { taskKind: string; nodeName: string },
): Promise<void> {
  if (what.taskKind !== 'approval' && what.taskKind !== 'handler') return;
  if (configuredProviders(run.deps.ctx.config.im).length === 0) return;
  await run.deps.jobs.enqueue(run.trx, imCardJob, {
    instance_id: run.instance.id,
    user_id: userId,
    node_name: what.nodeName,
  });
}
