import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import type { Trx } from '../../platform/db/schema.js';
import { defineModuleDeps } from '../../platform/module-deps.js';

/** What happened to one signer of a request: they signed, or declined (the request is rejected). */
export interface SignerOutcome {
  request_id: string;
  request_number: string;
  entity_type: string;
  entity_id: string;
  signer_id: string;
  /** Internal signers only; external ones (links) have none. */
  user_id: string | null;
  outcome: 'signed' | 'declined';
  /** The signature number (SIG-…) when signed, the request number when declined. */
  reference: string;
}

export type SignerOutcomeListener = (
  trx: Trx,
  ctx: AppContext,
  actor: Actor,
  outcome: SignerOutcome,
) => Promise<void>;

/**
 * Listeners other modules register (the approval engine's signature nodes): called in the
 * signature's or the decline's own transaction, so what they write commits or rolls back
 * with it. Per app context, like every module's runtime (platform/module-deps.ts); signing
 * never imports its listeners' modules, so no import cycle.
 */
const listenersOf = defineModuleDeps('signing', (): SignerOutcomeListener[] => []);

export function onSignerOutcome(ctx: AppContext, listener: SignerOutcomeListener): void {
  const listeners = listenersOf(ctx);
  if (!listeners.includes(listener)) listeners.push(listener);
}

export async function tellSignerOutcome(
  trx: Trx,
  ctx: AppContext,
  actor: Actor,
  outcome: SignerOutcome,
): Promise<void> {
  for (const listener of listenersOf(ctx)) await listener(trx, ctx, actor, outcome);
}
