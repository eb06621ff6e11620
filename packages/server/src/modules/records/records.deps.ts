import type { AppContext } from '../../platform/app-context.js';
import { type AuditTrail, createAuditTrail } from '../../platform/audit-trail.js';
import type { Clock } from '../../platform/db/clock.js';
import type { Db } from '../../platform/db/schema.js';
import { defineModuleDeps } from '../../platform/module-deps.js';
import { audit } from '../audit/index.js';
import { type RecordsAuditEvent, recordsAuditEvents } from './records.catalogue.js';

/** Tunables of the ceremony's brute-force defences (seed 002 §10.2.1). */
export interface CeremonyGuard {
  /** Failed ceremonies within `windowSeconds` that raise the urgent alert. */
  alertThreshold: number;
  windowSeconds: number;
  /** The delay before a failure answers: base × 2^(failures-1), capped. */
  delayBaseMs: number;
  delayCapMs: number;
  /** Role whose members are the security contacts told at once. */
  securityContactRole: string;
}

/**
 * What the records services use, one value per app context: the signature value key
 * (AES-256-GCM, derived from the platform keyring), the manifest MAC key, the typed audit
 * trail, the guard settings and the sleep used for the growing delay (tests record it).
 */
export interface RecordsDeps {
  ctx: AppContext;
  db: Db;
  clock: Clock;
  audit: AuditTrail<RecordsAuditEvent>;
  valueKey: Buffer;
  macKey: Buffer;
  guard: CeremonyGuard;
  delay: (ms: number) => Promise<void>;
}

export const recordsDeps = defineModuleDeps(
  'records',
  (ctx): RecordsDeps => ({
    ctx,
    db: ctx.db,
    clock: ctx.clock,
    audit: createAuditTrail(recordsAuditEvents, {
      catalogues: ctx.catalogues,
      sink: audit.record,
      sinkAll: audit.recordAll,
      verify: !ctx.config.isProduction,
    }),
    valueKey: ctx.keyring.secret('records-signature-value'),
    macKey: ctx.keyring.secret('records-signature-mac'),
    guard: {
      alertThreshold: 5,
      windowSeconds: 600,
      delayBaseMs: 250,
      delayCapMs: 8000,
      securityContactRole: 'super_admin',
    },
    delay: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }),
);
