import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { AppContext } from '../app-context.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';

/** What a handler gets besides its payload: enough to be idempotent and to stop on time. */
export interface JobRunContext {
  jobId: string;
  /** 1 on the first run; a handler may use (jobId, attempt) to deduplicate its effects. */
  attempt: number;
  /** Aborted when the timeout passes, the lease is lost, the job is cancelled or the runtime stops. */
  signal: AbortSignal;
  ctx: AppContext;
  logger: Logger;
}

export interface RetryPolicy {
  attempts: number;
  backoff: 'fixed' | 'exponential';
  delayMs: number;
  maxDelayMs?: number;
  jitter?: boolean;
}

/** A job kind: its name, payload schema, handler and run policy, with defaults resolved. */
export interface JobDefinition<P> {
  name: string;
  payload: TSchema;
  handler: (payload: P, run: JobRunContext) => Promise<void>;
  retry: RetryPolicy;
  timeoutMs: number;
  concurrency: number;
  priority: number;
  queue: string;
  /** Validates a payload; throws AppError VALIDATION listing every problem. */
  check(payload: unknown): asserts payload is P;
}

export interface JobDefinitionInput<S extends TSchema> {
  name: string;
  payload: S;
  handler: (payload: Static<S>, run: JobRunContext) => Promise<void>;
  retry?: RetryPolicy;
  timeoutMs?: number;
  concurrency?: number;
  priority?: number;
  queue?: string;
}

export const defaultRetry: RetryPolicy = {
  attempts: 3,
  backoff: 'exponential',
  delayMs: 1000,
  maxDelayMs: 600_000,
  jitter: true,
};

const namePattern = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/;

/**
 * Declares a job kind. Modules export definitions from their `*.jobs.ts` and list them in
 * their ModuleDefinition; the payload schema is compiled once so enqueue validates cheaply.
 */
export function defineJob<S extends TSchema>(def: JobDefinitionInput<S>): JobDefinition<Static<S>> {
  if (!namePattern.test(def.name) || def.name.length > 100) throw new Error(`invalid job name: ${def.name}`);
  const retry = { ...defaultRetry, ...def.retry };
  if (!Number.isInteger(retry.attempts) || retry.attempts < 1) throw new Error('retry.attempts must be >= 1');
  const compiled = TypeCompiler.Compile(def.payload);
  return {
    name: def.name,
    payload: def.payload,
    handler: def.handler,
    retry,
    timeoutMs: def.timeoutMs ?? 300_000,
    concurrency: def.concurrency ?? 8,
    priority: def.priority ?? 0,
    queue: def.queue ?? 'default',
    check(payload: unknown): asserts payload is Static<S> {
      if (compiled.Check(payload)) return;
      const fieldErrors = [...compiled.Errors(payload)].map((e) => ({
        field: e.path.replace(/^\//, '').replaceAll('/', '.') || 'payload',
        message: e.message,
      }));
      throw new AppError('VALIDATION', `The payload of job ${def.name} is not valid`, { fieldErrors });
    },
  };
}

/**
 * Thrown by a handler when retrying cannot help (bad data, a refused address): the job goes
 * straight to the dead letters with this reason. Any error with `isTransient === false`
 * counts the same, so MailDeliveryError needs no wrapping.
 */
export class PermanentJobError extends Error {
  readonly isTransient = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

export function isPermanentFailure(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { isTransient?: unknown }).isTransient === false
  );
}
