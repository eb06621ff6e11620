import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { currentPolicyFor } from './policies.repository.js';
import { recordsDeps } from './records.deps.js';
import { recordsErrors as e } from './records.errors.js';
import {
  commitRecordsSignature,
  type PendingSignature,
  prepareRecordsSignature,
  type SignInput,
} from './signatures.service.js';

export type { PendingSignature, SignInput as Part11SignInput };

/**
 * Part 11 signatures made inside another module's own write (the signing module's signatures
 * when a policy covers `signing_request`/`sign`): whether a policy is in force, the ceremony
 * and sealed manifest prepared outside a transaction, and the writes in the caller's.
 */
export const electronicSignatures = {
  /** The policy in force for the operation, or undefined when none is (no Part 11 signature then). */
  policyFor: (db: DbOrTrx, resourceType: string, operationType: string) =>
    currentPolicyFor(db, resourceType, operationType),
  prepare: (ctx: AppContext, actor: Actor, input: SignInput): Promise<PendingSignature> =>
    prepareRecordsSignature(recordsDeps(ctx), actor, input),
  commit: (trx: Trx, ctx: AppContext, actor: Actor, pending: PendingSignature): Promise<void> =>
    commitRecordsSignature(trx, recordsDeps(ctx), actor, pending),
};

/** The records errors a Part 11 signature made through another module can answer. */
export const part11CeremonyErrors = [
  e.CEREMONY_FAILED,
  e.COMPONENT_UNAVAILABLE,
  e.NOT_OWN_SIGNATURE,
  e.SESSION_NOT_USABLE,
  e.MEANING_NOT_ALLOWED,
  e.REASON_REQUIRED,
  e.COOLING_PERIOD,
  e.OUTSIDE_TIME_WINDOW,
  e.OUTSIDE_NETWORK,
];
