import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/app-context.js';
import type { Trx } from '../../../platform/db/schema.js';
import type { SignerOutcome } from '../../signing/index.js';
import { findInstance } from '../engine/instances.repository.js';
import { completeSignatureNode } from '../engine/signature-hook.js';
import { findLink } from './signature.repository.js';

/**
 * The signing module's outcome of one signer, in the signature's (or decline's) own
 * transaction: a request a signature node waits for completes that signer's task (signed)
 * or rejects the approval (declined). Requests that are not a node's, and approvals that are
 * no longer running (withdrawn meanwhile), are left alone so the signature itself stands.
 */
export async function onSignerOutcome(
  trx: Trx,
  ctx: AppContext,
  actor: Actor,
  outcome: SignerOutcome,
): Promise<void> {
  if (!outcome.user_id) return;
  const link = await findLink(trx, outcome.request_id);
  if (!link) return;
  const instance = await findInstance(trx, link.instance_id);
  if (instance?.status !== 'running') return;
  await completeSignatureNode(trx, ctx, actor, {
    instance_id: link.instance_id,
    node_id: link.node_id,
    user_id: outcome.user_id,
    outcome: outcome.outcome,
    reference: outcome.reference,
  });
}
