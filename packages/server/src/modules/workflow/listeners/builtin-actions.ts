import { systemActor } from '../../../platform/actor.js';
import { newId } from '../../../platform/db/ids.js';
import { encodeJson } from '../../../platform/db/json-codec.js';
import { PermanentJobError } from '../../../platform/jobs/index.js';
import { notifications } from '../../notifications/index.js';
import { resolveApprovers } from '../engine/approvers.js';
import { loadRun } from '../engine/load-run.js';
import { workflowDeps } from '../workflow.deps.js';
import { insertEvent } from './events.repository.js';
import { registerWorkflowAction, workflowJob } from './listener-registry.js';
import './listener-messages.js';

/** notify: the listener's recipients (approver rules, resolved now) get an in-app message. */
registerWorkflowAction('notify', async (trx, ctx, event, listener) => {
  const run = await loadRun(trx, workflowDeps(ctx), systemActor('workflow.listener'), event.instance_id);
  const users = await resolveApprovers(run, event.node_id ?? 'listener', listener.recipients ?? []);
  if (users.length === 0) return;
  await notifications.send(trx, ctx, run.actor, {
    template: 'workflow.event',
    channels: ['in_app'],
    recipients: users.map((id) => ({ type: 'user' as const, id })),
    params: {
      title: event.title,
      instanceId: event.instance_id,
      event: event.event,
      node: event.node_id ?? '',
    },
  });
});

/** emit: an integration event in the outbox (workflow_events), read through `workflowEvents.after`. */
registerWorkflowAction('emit', async (trx, _ctx, event) => {
  await insertEvent(trx, {
    id: newId(),
    event: event.event,
    instance_id: event.instance_id,
    definition_key: event.definition_key,
    node_id: event.node_id,
    payload: encodeJson(event),
    created_at: event.occurred_at,
  });
});

/** job: the job another module registered with registerWorkflowJob, with the event as payload. */
registerWorkflowAction('job', async (trx, ctx, event, listener) => {
  const definition = workflowJob(listener.job ?? '');
  if (!definition) throw new PermanentJobError(`workflow job ${listener.job} is not registered`);
  await ctx.jobs.enqueue(trx, definition, event, {
    idempotencyKey: `${event.instance_id}:${event.event}:${event.node_id ?? ''}:${event.occurred_at}:${listener.job}`,
  });
});
