import { Type } from '@sinclair/typebox';
import { systemActor } from '../../platform/actor.js';
import { defineJob, defineSchedule } from '../../platform/jobs/index.js';
import { keysDeps } from './keys.deps.js';
import { runSelfTest, warnExpiring } from './lifecycle.service.js';

/** The daily key self-test: sign and verify a canary with each active key; alert on failure (21 CFR 11.300(e)). */
export const selfTestJob = defineJob({
  name: 'keys.self-test',
  payload: Type.Object({}, { additionalProperties: false }),
  retry: { attempts: 1, backoff: 'fixed', delayMs: 1000 },
  async handler(_payload, run) {
    await runSelfTest(keysDeps(run.ctx), systemActor('keys.self-test'));
  },
});

export const selfTestSchedule = defineSchedule({
  name: 'keys-self-test',
  job: selfTestJob,
  cron: '15 3 * * *',
  misfire: 'fire-once',
  overlap: 'skip',
});

/** The daily expiry check: warns once per certificate entering the KEYS_EXPIRY_WARNING_DAYS window. */
export const expiryCheckJob = defineJob({
  name: 'keys.expiry-check',
  payload: Type.Object({}, { additionalProperties: false }),
  retry: { attempts: 3, backoff: 'exponential', delayMs: 5000 },
  async handler(_payload, run) {
    await warnExpiring(keysDeps(run.ctx), systemActor('keys.expiry-check'));
  },
});

export const expiryCheckSchedule = defineSchedule({
  name: 'keys-expiry-check',
  job: expiryCheckJob,
  cron: '45 2 * * *',
  misfire: 'fire-once',
  overlap: 'skip',
});
