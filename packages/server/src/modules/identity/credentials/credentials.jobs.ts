import { Type } from '@sinclair/typebox';
import { defineJob, defineSchedule } from '../../../platform/jobs/index.js';
import { identityDeps } from '../identity.deps.js';
import { disableDormantAccounts } from './credentials.service.js';

/** The daily dormant-account sweep (21 CFR §11.300(b)); does nothing when DORMANT_ACCOUNT_DAYS is 0. */
export const dormantAccountsJob = defineJob({
  name: 'identity.dormant-accounts',
  payload: Type.Object({}, { additionalProperties: false }),
  retry: { attempts: 1, backoff: 'fixed', delayMs: 1000 },
  async handler(_payload, run) {
    await disableDormantAccounts(identityDeps(run.ctx));
  },
});

export const dormantAccountsSchedule = defineSchedule({
  name: 'identity-dormant-accounts',
  job: dormantAccountsJob,
  cron: '30 2 * * *',
  misfire: 'fire-once',
  overlap: 'skip',
});
