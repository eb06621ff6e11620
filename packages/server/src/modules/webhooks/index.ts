import type { AppContext } from '../../platform/app-context.js';
import type { DbOrTrx } from '../../platform/db/schema.js';
import { mountRoutes } from '../../platform/http/route.js';
import type { ModuleDefinition } from '../../platform/module.js';
import { emitEvent, emitEvents, type IntegrationEvent } from './emit.service.js';
import { inboundRoutes } from './inbound/inbound.routes.js';
import { createInboundVerifier } from './inbound/inbound-verifier.js';
import {
  webhooksAuditEvents,
  webhooksEvents,
  webhooksPermissions,
  webhooksTag,
} from './webhooks.catalogue.js';
import { webhooksDeps } from './webhooks.deps.js';
import { webhooksErrors } from './webhooks.errors.js';
import { deliverJob, dispatchJob, dispatchSchedule, fanOutJob } from './webhooks.jobs.js';
import { webhookRoutes } from './webhooks.routes.js';

export type { IntegrationEvent } from './emit.service.js';

/**
 * Outbound webhooks (docs/integration.md). Modules declare the events they emit in their
 * ModuleDefinition (`integrationEvents`) and emit them with `webhooks.emit` **in the
 * business transaction**: the outbox row and its fan-out job commit with the change.
 */
export const webhooks = {
  async emit(trx: DbOrTrx, ctx: AppContext, event: IntegrationEvent): Promise<string | null> {
    if (!ctx.catalogues.modules.includes('webhooks')) return null;
    const deps = webhooksDeps(ctx);
    return emitEvent(
      trx,
      { jobs: deps.jobs, clock: deps.clock, knownTypes: deps.catalogues.integrationEvents },
      event,
    );
  },
  /** Several events of one step in one outbox statement, in order (see emitEvents). */
  async emitMany(trx: DbOrTrx, ctx: AppContext, events: IntegrationEvent[]): Promise<string[]> {
    if (!ctx.catalogues.modules.includes('webhooks')) return [];
    const deps = webhooksDeps(ctx);
    return emitEvents(
      trx,
      { jobs: deps.jobs, clock: deps.clock, knownTypes: deps.catalogues.integrationEvents },
      events,
    );
  },
};

export const webhooksModule: ModuleDefinition = {
  name: 'webhooks',
  tags: [webhooksTag],
  permissions: webhooksPermissions,
  auditEvents: webhooksAuditEvents,
  integrationEvents: webhooksEvents,
  errors: webhooksErrors,
  jobs: [dispatchJob, fanOutJob, deliverJob],
  schedules: [dispatchSchedule],
  // Inbound callbacks: routes with `access: { callback }` (any module) are checked here.
  install: async (app, ctx) => app.setCallbackVerifier(createInboundVerifier(webhooksDeps(ctx))),
  routes: async (api, ctx) => {
    mountRoutes(api, webhooksTag, webhookRoutes(webhooksDeps(ctx)));
    mountRoutes(api, webhooksTag, inboundRoutes(webhooksDeps(ctx)));
  },
};
