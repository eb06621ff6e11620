import type { Actor } from './actor.js';
import type { AuditEventOf, AuditEventSpec, AuditEventTypes } from './catalogues/audit-event-catalogue.js';
import type { Catalogues } from './catalogues/catalogues.js';
import type { Trx } from './db/schema.js';

/**
 * One audit event as the audit module's recorder takes it. The platform states the shape;
 * the audit module's `audit.record` is the implementation a module hands to
 * `createAuditTrail` (the platform never imports modules).
 */
export interface AuditRecordInput {
  action: string;
  actor: Actor;
  entityType: string;
  entityId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
  result?: 'success' | 'failure';
  details?: Record<string, unknown>;
}

/** Writes an event inside the caller's transaction. */
export type AuditSink = (trx: Trx, event: AuditRecordInput) => Promise<unknown>;

/** A typed event plus the facts every event carries. */
export type AuditEventWith<E> = E & {
  entityId: string | null;
  /** The record before and after the change; the recorder stores the changed fields and a diff. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
  result?: 'success' | 'failure';
};

export interface AuditTrail<E> {
  /** Records `event` in `trx`, so it commits or rolls back with the change it describes. */
  record(trx: Trx, actor: Actor, event: AuditEventWith<E>): Promise<void>;
  /**
   * Records several events of one operation, in this order, in `trx`: the same rows as
   * `record` for each in turn, written in one append where the sink can (`sinkAll`).
   */
  recordAll(trx: Trx, actor: Actor, events: readonly AuditEventWith<E>[]): Promise<void>;
}

export interface AuditTrailOptions {
  /** The app's catalogues: the event type must be declared by a mounted module. */
  catalogues: Catalogues;
  sink: AuditSink;
  /** Writes several events in order, in one append (the audit module's `audit.recordAll`). */
  sinkAll?: (trx: Trx, events: readonly AuditRecordInput[]) => Promise<unknown>;
  /**
   * Check each event against the catalogue (declared type, payload schema) before writing.
   * On in development and tests, off in production, where the compiler already checked it.
   */
  verify: boolean;
}

/**
 * A module's typed audit trail: `record(trx, actor, {type, payload, entityId, ...})` with
 * `type` and `payload` checked by the compiler against the module's declared set, and (when
 * `verify`) at run time against what the mounted modules declared, so a type missing from
 * the module's ModuleDefinition fails its tests instead of reaching the log unexplained.
 */
export function createAuditTrail<M extends string, S extends Record<string, AuditEventSpec>>(
  set: AuditEventTypes<M, S>,
  options: AuditTrailOptions,
): AuditTrail<AuditEventOf<AuditEventTypes<M, S>>> {
  const entityTypes = new Map(set.declarations.map((d) => [d.type, d.entityType]));
  const input = (actor: Actor, event: unknown): AuditRecordInput => {
    const { type, payload, entityId, before, after, reason, result } = event as AuditEventWith<{
      type: string;
      payload: Record<string, unknown>;
    }>;
    if (options.verify) assertDeclared(options.catalogues, type, payload);
    return {
      action: type,
      actor,
      entityType: entityTypes.get(type) ?? 'unknown',
      entityId,
      before,
      after,
      reason,
      result,
      details: payload,
    };
  };
  return {
    async record(trx, actor, event) {
      await options.sink(trx, input(actor, event));
    },
    async recordAll(trx, actor, events) {
      const inputs = events.map((event) => input(actor, event));
      if (options.sinkAll) await options.sinkAll(trx, inputs);
      else for (const one of inputs) await options.sink(trx, one);
    },
  };
}

function assertDeclared(catalogues: Catalogues, type: string, payload: unknown): void {
  const check = catalogues.payloadCheck(type);
  if (!check) {
    throw new Error(
      `Audit event type ${type} is not declared by any mounted module: list it in the module's auditEvents`,
    );
  }
  if (!check.Check(payload)) {
    const first = [...check.Errors(payload)][0];
    throw new Error(
      `Audit event ${type}: payload ${first?.path ?? ''} ${first?.message ?? 'does not match'}`,
    );
  }
}
