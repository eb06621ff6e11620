import { defineErrorCodes } from '../../platform/errors.js';

/** Why jobs administration refuses an action (HTTP 409, with the state in `details`). */
export const jobsAdminErrors = defineErrorCodes('jobs-admin', {
  JOB_NOT_RETRYABLE: {
    family: 'CONFLICT',
    api: 40921,
    description: 'Only dead or cancelled jobs can be retried (details: state)',
  },
  JOB_NOT_CANCELLABLE: {
    family: 'CONFLICT',
    api: 40922,
    description: 'Only queued or running jobs can be cancelled (details: state)',
  },
  SCHEDULE_JOB_UNKNOWN: {
    family: 'CONFLICT',
    api: 40923,
    description: 'The schedule names a job kind this server does not know (details: job_name)',
  },
});
