import type { DbOrTrx } from '../db/schema.js';
import type { JobDefinition } from './job-definition.js';

export type {
  JobDefinition,
  JobDefinitionInput,
  JobRunContext,
  RetryPolicy,
} from './job-definition.js';
export { defineJob, PermanentJobError } from './job-definition.js';
export { createJobRuntime, type JobRuntimeOptions, type ManagedJobRuntime } from './job-runtime.js';
export type { ScheduleDefinition } from './schedule-definition.js';
export { defineSchedule } from './schedule-definition.js';

export interface EnqueueOptions {
  /** A second enqueue of the same job name with the same key is a no-op returning the first id. */
  idempotencyKey?: string;
  runAt?: Date;
  delayMs?: number;
  /** Higher runs first; default: the definition's priority. */
  priority?: number;
}

/**
 * The only way SignX runs background work. Jobs are rows in the database written in the
 * caller's transaction, so a job exists exactly when the business change it belongs to does.
 */
export interface JobRuntime {
  // biome-ignore lint/suspicious/noExplicitAny: definitions of any payload type are registered together
  register(def: JobDefinition<any>): void;
  /** Enqueue in the caller's transaction: rolls back with it; runs at least once after commit. */
  enqueue<P>(
    trx: DbOrTrx,
    def: JobDefinition<P>,
    payload: P,
    opts?: EnqueueOptions,
  ): Promise<{ id: string; isNew: boolean }>;
  /**
   * Enqueue unless a run of this job is already queued, due and not yet claimed (a wake-up
   * for work that one run does whole, like the webhooks dispatcher): then that run is
   * kept for the caller's transaction and woken, and no row is written. Same guarantee
   * as `enqueue`: a run starts after the caller's commit. The bullmq driver always enqueues.
   */
  ensureQueued<P>(trx: DbOrTrx, def: JobDefinition<P>, payload: P): Promise<{ id: string; isNew: boolean }>;
  /**
   * `ensureQueued` once the caller's transaction (inTransaction or a held one) has committed,
   * before its caller continues, instead of inside it; checks of commits landing together are
   * shared. Nothing is written when the transaction rolls back. For a wake-up whose work is
   * already durable in the caller's rows and swept on a schedule as well (the webhooks
   * outbox): a crash between the commit and the check delays that work until the sweep. On
   * the root handle or a transaction opened elsewhere it is `ensureQueued` at once.
   */
  ensureQueuedAfterCommit<P>(trx: DbOrTrx, def: JobDefinition<P>, payload: P): Promise<void>;
  start(): Promise<void>;
  stop(graceMs?: number): Promise<void>;
  /** Tests: run due jobs until none is left (deterministic, no sleeping). */
  drain(): Promise<void>;
}
