import { Type } from '@sinclair/typebox';
import { defineJob } from '../../../server/src/platform/jobs/index.js';
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

export const e2eModule: ModuleDefinition = {
  name: 'e2e',
  jobs: [digest],
  schedules: [
    defineSchedule({ name: 'e2e.nightly-digest', job: digest, cron: '0 2 * * *', timeZone: 'UTC' }),
  ],
};
