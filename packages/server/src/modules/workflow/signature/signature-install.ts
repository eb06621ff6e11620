import type { AppContext } from '../../../platform/app-context.js';
import { signing } from '../../signing/index.js';
import { onSignerOutcome } from './signature-outcome.js';
import { APPROVAL_ENTITY_TYPE } from './signature-request.js';

/** Per app: requests may point at approvals, and each signer's outcome reaches its signature node. */
export async function installSignatureNodes(ctx: AppContext): Promise<void> {
  signing.registerEntityType(ctx, APPROVAL_ENTITY_TYPE);
  signing.onSignerOutcome(ctx, onSignerOutcome);
}
