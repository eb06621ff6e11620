import { Type } from '@sinclair/typebox';
import { defineJob, defineSchedule, type ScheduleDefinition } from '../../../platform/jobs/index.js';
import { auditDeps } from '../audit.deps.js';
import { AUDIT_CHAINS } from '../chain/chain.types.js';
import { archiveExpired } from '../retention/retention.service.js';
import { checkpointAll } from './checkpoints.service.js';

/**
 * Signs a checkpoint of every chain with new events, then archives what the retention
 * period let expire (archives are only made over signed checkpoints). A repeat finds
 * nothing new to sign, so a second run, or one racing the start or shutdown checkpoint,
 * is harmless; a failure waits for the next fire instead of retrying at once.
 */
export const checkpointJob = defineJob({
  name: 'audit.checkpoint',
  payload: Type.Object({}, { additionalProperties: false }),
  retry: { attempts: 1, backoff: 'fixed', delayMs: 1000 },
  // Verifying a long tail of new events before signing can take minutes on a large log.
  timeoutMs: 30 * 60_000,
  async handler(_payload, run) {
    const deps = auditDeps(run.ctx);
    await checkpointAll(deps, AUDIT_CHAINS);
    await archiveExpired(deps);
  },
});

/**
 * The periodic checkpoint, every AUDIT_CHECKPOINT_INTERVAL_SECONDS from the end of the last
 * run, once per installation (the job runtime fires it on one worker, not on every one).
 * The interval is a setting, so the schedule is made from it when the module is installed.
 */
export function checkpointSchedule(intervalSeconds: number): ScheduleDefinition {
  return defineSchedule({
    name: 'signed-audit-checkpoints',
    job: checkpointJob,
    everyMs: intervalSeconds * 1000,
    mode: 'fixed-delay',
    overlap: 'skip',
    misfire: 'fire-once',
  });
}
