import { createHmac } from 'node:crypto';
import type { AppContext } from '../../../platform/app-context.js';
import { type Clock, systemClock } from '../../../platform/db/clock.js';
import type { DbOrTrx } from '../../../platform/db/schema.js';

/**
 * What the recorder adds to every event besides what the caller describes: the server's
 * clock, the application version and the MAC secret. They belong to one app context, and
 * reach the recorder through the database handle that context opened: `audit.record(trx,
 * event)` is called by every module with nothing but its transaction, and a transaction
 * shares its database's adapter object (one per handle), so the settings are kept per
 * adapter. Two contexts in one process, each with its own database, never see each
 * other's clock or key; no setting is process-global.
 */
export interface RecorderSettings {
  clock: Clock;
  appVersion: string;
  /** Keyring secret for event MACs (`MAC_PURPOSE`); without it the recorder refuses to write. */
  macKey: Buffer | null;
}

/** The keyring purpose of the event MAC secret. */
export const MAC_PURPOSE = 'audit-event-mac';

/** For a handle no context configured: system time and no MAC key, so nothing is recorded through it. */
const unconfigured: Readonly<RecorderSettings> = Object.freeze({
  clock: systemClock,
  appVersion: '0.0.0',
  macKey: null,
});

const byAdapter = new WeakMap<object, Readonly<RecorderSettings>>();

/** The adapter is created once per database handle and shared by its transactions. */
function adapterOf(db: DbOrTrx): object {
  return db.getExecutor().adapter;
}

/** The settings of the context `ctx`: its clock, its version and its keyring's MAC secret. */
export function contextRecorderSettings(ctx: AppContext): RecorderSettings {
  return { clock: ctx.clock, appVersion: ctx.config.appVersion, macKey: ctx.keyring.secret(MAC_PURPOSE) };
}

/**
 * Sets what events recorded through `db` (and its transactions) carry; fields not given
 * keep their current value. Each AppContext does it for its database when created; tests
 * do it for theirs.
 */
export function configureRecorder(db: DbOrTrx, settings: Partial<RecorderSettings>): void {
  byAdapter.set(adapterOf(db), Object.freeze({ ...recorderSettings(db), ...settings }));
}

/** The settings that apply to events written through `db`. */
export function recorderSettings(db: DbOrTrx): Readonly<RecorderSettings> {
  return byAdapter.get(adapterOf(db)) ?? unconfigured;
}

/** HMAC-SHA256 of a leaf hash with `key`, or null without one. */
export function eventMac(leafHash: string, key: Buffer | null): string | null {
  return key ? createHmac('sha256', key).update(leafHash).digest('hex') : null;
}
