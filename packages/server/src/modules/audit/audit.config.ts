import { createHmac } from 'node:crypto';
import { type Clock, systemClock } from '../../platform/db/clock.js';

/**
 * Process-wide settings the recorder needs (server clock, application version). Set by the
 * module's `install` from the AppContext so callers keep writing `audit.record(trx, event)`
 * without passing them; defaults serve CLI tools and tests that record without an app.
 */
export interface AuditSettings {
  clock: Clock;
  appVersion: string;
  /** Keyring secret for event MACs (`MAC_PURPOSE`); without it events carry no MAC. */
  macKey: Buffer | null;
}

/** The keyring purpose of the event MAC secret. */
export const MAC_PURPOSE = 'audit-event-mac';

const settings: AuditSettings = { clock: systemClock, appVersion: '0.0.0', macKey: null };

export function configureAudit(next: Partial<AuditSettings>): void {
  if (next.clock) settings.clock = next.clock;
  if (next.appVersion) settings.appVersion = next.appVersion;
  if (next.macKey !== undefined) settings.macKey = next.macKey;
}

/** HMAC-SHA256 of a leaf hash with the configured secret, or null when none is configured. */
export function eventMac(leafHash: string, key: Buffer | null = settings.macKey): string | null {
  return key ? createHmac('sha256', key).update(leafHash).digest('hex') : null;
}

export function auditSettings(): Readonly<AuditSettings> {
  return settings;
}
