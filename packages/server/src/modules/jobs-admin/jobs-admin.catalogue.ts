import { Type } from '@sinclair/typebox';
import { type AuditEventOf, defineAuditEventTypes } from '../../platform/catalogues/audit-event-catalogue.js';
import { definePermissions } from '../../platform/catalogues/permission-catalogue.js';
import type { ModuleTag } from '../../platform/module.js';

/**
 * What jobs administration adds to the platform's catalogues, declared here and listed in
 * its ModuleDefinition (index.ts): the OpenAPI tag, the permissions its routes check and
 * the audit event types its control actions record.
 */
export const jobsTag: ModuleTag = {
  name: 'jobs',
  description:
    'Background jobs for operators: queues with their counts, jobs and their failed attempts,' +
    ' dead letters, schedules; pausing, retrying, cancelling and firing by hand (each audited)',
};

export const jobsPermissions = definePermissions('jobs-admin', {
  'jobs.queue.read': { description: 'See background job queues and runs' },
  'jobs.queue.manage': { description: 'Retry, cancel and purge background jobs' },
  'jobs.schedule.manage': { description: 'Create and change job schedules' },
});

const jobName = Type.String({ description: 'The job kind, e.g. notifications.email.send' });
const queue = Type.String({ description: 'The queue the job runs in' });
const scheduleName = Type.String({ description: 'The schedule’s name' });
const queueEvent = { entityType: 'job_queue', payload: Type.Object({}) };
const scheduleEvent = { entityType: 'job_schedule', payload: Type.Object({ name: scheduleName }) };

export const jobsAuditEvents = defineAuditEventTypes('jobs', {
  'job.retried': {
    description: 'A dead or cancelled job was put back in its queue',
    entityType: 'job',
    payload: Type.Object({
      name: jobName,
      queue,
      last_error: Type.Union([Type.String(), Type.Null()], { description: 'Why its last attempt failed' }),
    }),
  },
  'job.cancelled': {
    description: 'A queued or running job was cancelled',
    entityType: 'job',
    payload: Type.Object({ name: jobName, queue }),
  },
  'queue.paused': { description: 'A job queue was paused', ...queueEvent },
  'queue.resumed': { description: 'A job queue was resumed', ...queueEvent },
  'schedule.paused': { description: 'A schedule was paused', ...scheduleEvent },
  'schedule.resumed': { description: 'A schedule was resumed', ...scheduleEvent },
  'schedule.triggered': {
    description: 'A schedule was fired by hand',
    entityType: 'job_schedule',
    payload: Type.Object({
      name: scheduleName,
      job_id: Type.String({ description: 'The job enqueued by the firing' }),
    }),
  },
});

/** The module's audit events as a discriminated union on `type`. */
export type JobsAuditEvent = AuditEventOf<typeof jobsAuditEvents>;
