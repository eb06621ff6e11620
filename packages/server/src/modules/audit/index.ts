/**
 * The audit module's public face. Every module records its events through `audit.record`
 * inside its own transaction, so a business change and its audit event commit together.
 */
import type { Trx } from '../../platform/db/schema.js';
import type { AuditEventInput } from './chain/chain.types.js';
import { recordEvent } from './chain/recorder.service.js';

export { defineAuditEvents } from './audit.catalogue.js';
export { auditModule } from './audit.module.js';
export { actorFromRequest, systemActor } from './chain/actor.js';
export type { AuditActor, AuditEventInput } from './chain/chain.types.js';

/** The only way to write audit events: inside the caller's transaction. */
export const audit: {
  record(trx: Trx, event: AuditEventInput): Promise<{ id: string; seq: number | null }>;
} = {
  record: (trx, event) => recordEvent(trx, event, 'main'),
};
