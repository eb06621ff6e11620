import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/app-context.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { findInstance } from '../engine/instances.repository.js';
import { workflowDeps } from '../workflow.deps.js';
import type { InstanceStatus } from '../workflow.tables.js';
import { startApproval } from './approvals.service.js';

/** What another module learns of an approval it started. */
export interface ApprovalOutcome {
  id: string;
  status: InstanceStatus;
  business_type: string | null;
  business_id: string | null;
}

/**
 * Approvals started by other modules for their own business objects (seal-use requests …):
 * start an instance of a published definition in the caller's transaction, and read where it
 * stands. The instance carries `business_type`/`business_id` so its owner can recognise it.
 */
export const workflowApprovals = {
  start(
    trx: Trx,
    ctx: AppContext,
    actor: Actor,
    input: {
      definitionId: string;
      title: string;
      formData?: Record<string, unknown>;
      businessType: string;
      businessId: string;
    },
  ): Promise<string> {
    return startApproval(trx, workflowDeps(ctx), actor, {
      definition_id: input.definitionId,
      title: input.title,
      form_data: input.formData ?? {},
      business_type: input.businessType,
      business_id: input.businessId,
    });
  },
  async outcome(db: DbOrTrx, id: string): Promise<ApprovalOutcome | null> {
    const row = await findInstance(db, id);
    if (!row) return null;
    return { id: row.id, status: row.status, business_type: row.business_type, business_id: row.business_id };
  },
};
