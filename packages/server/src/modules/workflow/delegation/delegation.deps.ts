import type { AppContext } from '../../../platform/app-context.js';
import { type AuditTrail, createAuditTrail } from '../../../platform/audit-trail.js';
import { defineModuleDeps } from '../../../platform/module-deps.js';
import { audit } from '../../audit/index.js';
import { type WorkflowDeps, workflowDeps } from '../workflow.deps.js';
import { type DelegationAuditEvent, delegationAuditEvents } from './delegation.catalogue.js';

/** The workflow's deps plus the delegation rules' own audit trail (their events, delegation.catalogue.ts). */
export interface DelegationDeps extends WorkflowDeps {
  events: AuditTrail<DelegationAuditEvent>;
}

export const delegationDeps = defineModuleDeps(
  'workflow',
  (ctx: AppContext): DelegationDeps => ({
    ...workflowDeps(ctx),
    events: createAuditTrail(delegationAuditEvents, {
      catalogues: ctx.catalogues,
      sink: audit.record,
      verify: !ctx.config.isProduction,
    }),
  }),
);
