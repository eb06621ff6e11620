import { Type } from '@sinclair/typebox';
import { systemActor } from '../../platform/actor.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { defineJob } from '../../platform/jobs/index.js';
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
