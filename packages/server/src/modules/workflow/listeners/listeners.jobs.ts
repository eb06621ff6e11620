import { Type } from '@sinclair/typebox';
import { decodeJson } from '../../../platform/db/json-codec.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { defineJob, PermanentJobError } from '../../../platform/jobs/index.js';
import type { DefinitionBody } from '../definitions/definition-model.js';
import { findDefinition } from '../definitions/definitions.repository.js';
import { findInstance } from '../engine/instances.repository.js';
import { workflowDeps } from '../workflow.deps.js';
import { type ListenerEvent, listenerEvents, type WorkflowEvent } from './listener-model.js';
import { workflowAction } from './listener-registry.js';

/**
 * Runs one listener of one event, after the step that fired it committed. The listener is
 * read from the instance's own definition version (what was published when it started); an
 * action nobody registered fails for good (a retry would not register it).
 */
export const listenerJob = defineJob({
  name: 'workflow.listener.run',
  payload: Type.Object(
    {
      instance_id: Type.String({ format: 'uuid' }),
      listener: Type.Integer({ minimum: 0 }),
      event: Type.Union(listenerEvents.map((e) => Type.Literal(e))),
      node_id: Type.Union([Type.String(), Type.Null()]),
      occurred_at: Type.String(),
      /** The approval's status when the event happened (it may have moved on by the run). */
      status: Type.String(),
    },
    { additionalProperties: false },
  ),
  retry: { attempts: 5, backoff: 'exponential', delayMs: 1000 },
  async handler(payload, job) {
    const deps = workflowDeps(job.ctx);
    await inTransaction(deps.db, async (trx) => {
      const instance = await findInstance(trx, payload.instance_id);
      const definition = instance && (await findDefinition(trx, instance.definition_id));
      if (!instance || !definition) return;
      const listener = decodeJson<DefinitionBody>(definition.body)?.listeners?.[payload.listener];
      if (!listener) return;
      const handler = workflowAction(listener.action);
      if (!handler) throw new PermanentJobError(`workflow action ${listener.action} is not registered`);
      const event: WorkflowEvent = {
        event: payload.event as ListenerEvent,
        instance_id: instance.id,
        definition_id: definition.id,
        definition_key: definition.key,
        node_id: payload.node_id,
        status: payload.status,
        title: instance.title,
        business_type: instance.business_type,
        business_id: instance.business_id,
        occurred_at: payload.occurred_at,
      };
      await handler(trx, job.ctx, event, listener);
    });
  },
});
