import { Type } from '@sinclair/typebox';
import { systemActor } from '../../platform/actor.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { defineJob, defineSchedule } from '../../platform/jobs/index.js';
import { overdueSweep } from './alerts/overdue.service.js';
import { expireRequest } from './lifecycle.service.js';
import { isReminderDue, remindRequest } from './reminders.service.js';
import { expiredOpenRequests, remindableRequests, stuckSeals } from './requests.repository.js';
import { getBundle } from './requests.service.js';
import { commitSeal, prepareSeal } from './seal.service.js';
import { signingDeps } from './signing.deps.js';

/**
 * The platform seal of a completed request: queued with the completing signature (same
 * transaction), it brings every document to PAdES B-LTA. Retried on failure; the request
 * keeps seal_status 'pending' until it succeeds, so a stuck seal is visible and re-runnable.
 */
export const sealJob = defineJob({
  name: 'signing.request.seal',
  payload: Type.Object({ request_id: Type.String() }, { additionalProperties: false }),
  retry: { attempts: 5, backoff: 'exponential', delayMs: 2000 },
  async handler(payload, run) {
    const deps = signingDeps(run.ctx);
    const bundle = await getBundle(deps.db, payload.request_id);
    if (bundle.request.seal_status !== 'pending') return;
    const staged = await prepareSeal(deps, bundle);
    await inTransaction(deps.db, (trx) =>
      commitSeal(trx, deps, systemActor('signing.request.seal'), bundle, staged),
    );
  },
});

/**
 * Expiry sweep: open requests past their expires_at become `expired` (audited), every few
 * minutes. Links of such requests are already refused at use; the sweep makes it visible.
 */
export const expirySweepJob = defineJob({
  name: 'signing.request.expiry-sweep',
  payload: Type.Object({}, { additionalProperties: false }),
  retry: { attempts: 3, backoff: 'exponential', delayMs: 30_000 },
  async handler(_payload, run) {
    const deps = signingDeps(run.ctx);
    const due = await expiredOpenRequests(deps.db, deps.clock.now().toISOString(), 500);
    const actor = systemActor('signing.request.expiry-sweep');
    for (const row of due) await inTransaction(deps.db, (trx) => expireRequest(trx, deps, actor, row));
  },
});
export const expirySweepSchedule = defineSchedule({
  name: 'signing.request.expiry-sweep',
  job: expirySweepJob,
  cron: '*/5 * * * *',
});

/**
 * Stuck-seal sweep: a completed request whose seal is still pending after 15 minutes (its job
 * dead-lettered, a node died) gets a new seal job; the seal itself is idempotent.
 */
export const stuckSealSweepJob = defineJob({
  name: 'signing.request.stuck-seal-sweep',
  payload: Type.Object({}, { additionalProperties: false }),
  retry: { attempts: 3, backoff: 'exponential', delayMs: 30_000 },
  async handler(_payload, run) {
    const deps = signingDeps(run.ctx);
    const before = new Date(deps.clock.now().getTime() - 15 * 60_000).toISOString();
    for (const row of await stuckSeals(deps.db, before, 200))
      await inTransaction(deps.db, (trx) => deps.jobs.enqueue(trx, sealJob, { request_id: row.id }));
  },
});
export const stuckSealSweepSchedule = defineSchedule({
  name: 'signing.request.stuck-seal-sweep',
  job: stuckSealSweepJob,
  cron: '7,22,37,52 * * * *',
});

/**
 * Reminders: every 15 minutes, requests whose template sets reminder_hours and are due; then
 * overdue alerts to the owners (near or past expiry, a signer idle beyond the reminder window).
 */
export const reminderSweepJob = defineJob({
  name: 'signing.request.reminder-sweep',
  payload: Type.Object({}, { additionalProperties: false }),
  retry: { attempts: 3, backoff: 'exponential', delayMs: 30_000 },
  async handler(_payload, run) {
    const deps = signingDeps(run.ctx);
    const now = deps.clock.now();
    const actor = systemActor('signing.request.reminder-sweep');
    for (const row of await remindableRequests(deps.db, now.toISOString(), 500))
      if (isReminderDue(row, now))
        await inTransaction(deps.db, (trx) => remindRequest(trx, deps, actor, row.id));
    await overdueSweep(deps, actor); // overdue alerts to the owners (signing/alerts)
  },
});
export const reminderSweepSchedule = defineSchedule({
  name: 'signing.request.reminder-sweep',
  job: reminderSweepJob,
  cron: '3,18,33,48 * * * *',
});
