import type { AppContext } from '../../platform/app-context.js';
import type { Clock } from '../../platform/db/clock.js';
import type { Db } from '../../platform/db/schema.js';
import type { Keyring } from '../../platform/keyring/keyring.js';
import { defineModuleDeps } from '../../platform/module-deps.js';
import type { StoragePort } from '../../platform/storage/storage.port.js';
import { contextRecorderSettings, type RecorderSettings } from './chain/recorder.settings.js';

/** What the audit services need from the platform; tests build it on a bare database. */
export interface AuditDeps {
  db: Db;
  storage: StoragePort;
  keyring: Keyring;
  clock: Clock;
  anchorDir: string;
  retentionDays: number;
  /** The version reports name (default: the one the recorder stamps on events of `db`). */
  appVersion?: string;
  /** Verify chains longer than this with worker threads (SQLite files only; default 50,000). */
  parallelThreshold?: number;
}

/** The audit module's runtime in an app context: the services' deps plus the recorder's settings. */
export interface AuditRuntime extends AuditDeps {
  appVersion: string;
  recorder: RecorderSettings;
}

export const CHECKPOINT_KEY = 'audit-checkpoint';

/** One value per AppContext (routes, the checkpoint job, CLI commands), never shared between two. */
export const auditDeps = defineModuleDeps(
  'audit',
  (ctx: AppContext): AuditRuntime => ({
    db: ctx.db,
    storage: ctx.storage,
    keyring: ctx.keyring,
    clock: ctx.clock,
    anchorDir: ctx.config.audit.anchorDir,
    retentionDays: ctx.config.audit.retentionDays,
    appVersion: ctx.config.appVersion,
    recorder: contextRecorderSettings(ctx),
  }),
);
