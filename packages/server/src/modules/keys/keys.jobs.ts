import { Type } from '@sinclair/typebox';
import { type Actor, systemActor } from '../../platform/actor.js';
import { defineJob, defineSchedule, type RetryPolicy } from '../../platform/jobs/index.js';
import { type KeysDeps, keysDeps } from './keys.deps.js';
import { runSelfTest, warnExpiring } from './lifecycle.service.js';

/**
 * A daily keys task: the job `keys.<name>` (no payload) runs `task` as the system actor of the
 * same name; the schedule `keys-<name>` fires it once after a missed run and skips an overlap.
 */
function dailyTask(
  name: string,
  cron: string,
  retry: RetryPolicy,
  task: (deps: KeysDeps, actor: Actor) => Promise<unknown>,
) {
  const job = defineJob({
    name: `keys.${name}`,
    payload: Type.Object({}, { additionalProperties: false }),
    retry,
    async handler(_payload, run) {
      await task(keysDeps(run.ctx), systemActor(`keys.${name}`));
    },
  });
  const schedule = defineSchedule({ name: `keys-${name}`, job, cron, misfire: 'fire-once', overlap: 'skip' });
  return { job, schedule };
}

/** The daily key self-test: sign and verify a canary with each active key; alert on failure (21 CFR 11.300(e)). */
const selfTest = dailyTask(
  'self-test',
  '15 3 * * *',
  { attempts: 1, backoff: 'fixed', delayMs: 1000 },
  runSelfTest,
);
export const selfTestJob = selfTest.job;
export const selfTestSchedule = selfTest.schedule;

/** The daily expiry check: warns once per certificate entering the KEYS_EXPIRY_WARNING_DAYS window. */
const expiryCheck = dailyTask(
  'expiry-check',
  '45 2 * * *',
  { attempts: 3, backoff: 'exponential', delayMs: 5000 },
  warnExpiring,
);
export const expiryCheckJob = expiryCheck.job;
export const expiryCheckSchedule = expiryCheck.schedule;
