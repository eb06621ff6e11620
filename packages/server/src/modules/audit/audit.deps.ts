import type { AppContext } from '../../platform/app-context.js';
import type { Clock } from '../../platform/db/clock.js';
import type { Db } from '../../platform/db/schema.js';
import type { Keyring } from '../../platform/keyring/keyring.js';
import type { StoragePort } from '../../platform/storage/storage.port.js';

/** What the audit services need from the platform; the CLI builds it without an HTTP app. */
export interface AuditDeps {
  db: Db;
  storage: StoragePort;
  keyring: Keyring;
  clock: Clock;
  anchorDir: string;
  retentionDays: number;
  /** Verify chains longer than this with worker threads (SQLite files only; default 50,000). */
  parallelThreshold?: number;
}

export const CHECKPOINT_KEY = 'audit-checkpoint';

export function auditDeps(ctx: AppContext): AuditDeps {
  return {
    db: ctx.db,
    storage: ctx.storage,
    keyring: ctx.keyring,
    clock: ctx.clock,
    anchorDir: ctx.config.audit.anchorDir,
    retentionDays: ctx.config.audit.retentionDays,
  };
}
