import { Type } from '@sinclair/typebox';
import { defineJob, PermanentJobError } from '../../../server/src/platform/jobs/index.js';
import { defineSchedule } from '../../../server/src/platform/jobs/schedule-definition.js';
import type { ModuleDefinition } from '../../../server/src/platform/module.js';

/**
 * A module only the end-to-end server mounts: SignX declares no schedule of its own yet,
 * and the schedules page needs one to pause, resume and run.
 */
const digest = defineJob({
  name: 'e2e.digest',
  payload: Type.Object({}, { additionalProperties: false }),
  async handler() {},
});

/** A job that always fails for good: it lands in the dead letters for the jobs page to retry. */
export const failingJob = defineJob({
  name: 'e2e.partner-sync',
  payload: Type.Object({}, { additionalProperties: false }),
  async handler() {
    throw new PermanentJobError('partner endpoint refused the export');
  },
});

export const e2eModule: ModuleDefinition = {
  name: 'e2e',
  jobs: [digest, failingJob],
  schedules: [
    defineSchedule({ name: 'e2e.nightly-digest', job: digest, cron: '0 2 * * *', timeZone: 'UTC' }),
  ],
};
