/**
 * The audit module's public face. Every module records its events through `audit.record`
 * inside its own transaction, so a business change and its audit event commit together.
 */
import { createHmac, sign, verify } from 'node:crypto';
import type { AppContext } from '../../platform/app-context.js';
import type { Trx } from '../../platform/db/schema.js';
import { auditDeps, CHECKPOINT_KEY } from './audit.deps.js';
import { exportBundle } from './audit.service.js';
import { canonicalize } from './chain/canonical-json.js';
import type { AuditActor, AuditEventInput } from './chain/chain.types.js';
import { recordEvent, recordEvents } from './chain/recorder.service.js';
import type { AuditBundle } from './proofs/bundle.js';
import { type EntityInclusion, entityInclusion } from './proofs/inclusion.service.js';

export { defineAuditEvents } from './audit.catalogue.js';
export { auditModule } from './audit.module.js';
export { actorFromRequest, systemActor } from './chain/actor.js';
export type { AuditActor, AuditEventInput } from './chain/chain.types.js';
export type { AuditBundle, BundleReport } from './proofs/bundle.js';
export { verifyBundle } from './proofs/bundle.js';
export type { EntityInclusion } from './proofs/inclusion.service.js';
export { canonicalize };

/** The only way to write audit events: inside the caller's transaction. */
export const audit: {
  record(trx: Trx, event: AuditEventInput): Promise<{ id: string; seq: number | null }>;
  /** Several events of one operation, in order: one head lock, one insert, one head move. */
  recordAll(trx: Trx, events: readonly AuditEventInput[]): Promise<{ id: string; seq: number | null }[]>;
} = {
  record: (trx, event) => recordEvent(trx, event, 'main'),
  recordAll: (trx, events) => recordEvents(trx, events, 'main'),
};

/**
 * Evidence for other modules (the signing module's evidence file): a verifiable bundle of
 * every main-chain event on one entity (signed selection, so none can be left out), and an
 * Ed25519 seal over any statement with the audit checkpoint key (domain-separated by
 * `format`), so one published key id verifies both offline.
 */
export const auditEvidence = {
  entityBundle: (
    ctx: AppContext,
    entity: { entityType: string; entityId: string },
    actor: AuditActor,
  ): Promise<AuditBundle> =>
    exportBundle(
      auditDeps(ctx),
      { chain: 'main', entity_type: entity.entityType, entity_id: entity.entityId },
      100_000,
      actor,
    ),
  /**
   * A read-only check that one entity's main-chain events are in the log: inclusion proofs
   * against the latest signed checkpoint (kept in memory), MACs for newer events. No
   * checkpoint, bundle or audit event is written; for evidence to hand over, use `entityBundle`.
   */
  entityInclusion: (
    ctx: AppContext,
    entity: { entityType: string; entityId: string },
  ): Promise<EntityInclusion> => entityInclusion(auditDeps(ctx), 'main', entity),
  seal(ctx: AppContext, statement: Record<string, unknown> & { format: string }) {
    const key = auditDeps(ctx).keyring.signingKey(CHECKPOINT_KEY);
    const spki = key.publicKey.export({ type: 'spki', format: 'der' });
    return {
      algorithm: 'Ed25519' as const,
      key_id: bundleKeyId(spki),
      spki_base64: spki.toString('base64'),
      signature: sign(null, Buffer.from(canonicalize(statement)), key.privateKey).toString('base64'),
    };
  },
};

/** Checks a seal made by `auditEvidence.seal` (offline: the statement and the seal only). */
export function verifySeal(
  statement: Record<string, unknown> & { format: string },
  seal: { key_id: string; spki_base64: string; signature: string },
): boolean {
  try {
    const spki = Buffer.from(seal.spki_base64, 'base64');
    if (bundleKeyId(spki) !== seal.key_id) return false;
    return verify(
      null,
      Buffer.from(canonicalize(statement)),
      { key: spki, format: 'der', type: 'spki' },
      Buffer.from(seal.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** The key id SignX prints for a public key (as `signx audit verify-bundle` does). */
function bundleKeyId(spki: Buffer): string {
  return createHmac('sha256', 'signx-key-id').update(spki).digest('hex').slice(0, 16);
}
