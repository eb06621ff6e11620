import type { AppContext } from '../../platform/app-context.js';
import { type AuditTrail, createAuditTrail } from '../../platform/audit-trail.js';
import type { Catalogues } from '../../platform/catalogues/catalogues.js';
import type { Clock } from '../../platform/db/clock.js';
import type { Db, Dialect } from '../../platform/db/schema.js';
import type { OutboundClient } from '../../platform/http/outbound-client.js';
import type { JobRuntime } from '../../platform/jobs/index.js';
import { defineModuleDeps } from '../../platform/module-deps.js';
import { audit } from '../audit/index.js';
import { defaultRetrySchedule, type RetrySchedule } from './retry-schedule.js';
import { type WebhooksAuditEvent, webhooksAuditEvents } from './webhooks.catalogue.js';

/** Delivery settings; tests shorten them. */
export interface WebhookSettings {
  /** Per attempt, connection and body included. */
  timeoutMs: number;
  retry: RetrySchedule;
  /** An endpoint failing (no success) this long is disabled and its owner told. */
  disableAfterMs: number;
  /** How long the previous secret still signs after a rotation. */
  rotationOverlapMs: number;
  /** Response body kept in the log, in characters. */
  excerptChars: number;
  /** Inbound callbacks: how far SignX-Timestamp may be from the server time, in seconds. */
  callbackToleranceSeconds: number;
  dispatch: DispatchSettings;
}

/** The dispatcher's batching (docs/integration.md, "Throughput"). */
export interface DispatchSettings {
  /** Deliveries in flight at once per dispatcher run. */
  window: number;
  /** Of which at most this many to one endpoint (a slow receiver holds only its own slots). */
  perEndpoint: number;
  /** Events fanned out, and deliveries claimed, per statement. */
  batch: number;
  /** A run ends after this long and hands over to a follow-up run (fair to other jobs). */
  budgetMs: number;
  /** Longest wait for a slot before looking for new work again. */
  tickMs: number;
}

export interface WebhooksDeps {
  ctx: AppContext;
  db: Db;
  dialect: Dialect;
  clock: Clock;
  jobs: JobRuntime;
  outbound: OutboundClient;
  catalogues: Catalogues;
  allowList: readonly string[];
  sealKey: Buffer;
  /** Seals inbound callback secrets (a key of its own, derived from the keyring). */
  inboundSealKey: Buffer;
  settings: WebhookSettings;
  audit: AuditTrail<WebhooksAuditEvent>;
}

export const defaultWebhookSettings: WebhookSettings = {
  timeoutMs: 10_000,
  retry: defaultRetrySchedule,
  disableAfterMs: 5 * 24 * 3600_000,
  rotationOverlapMs: 24 * 3600_000,
  excerptChars: 1024,
  callbackToleranceSeconds: 300,
  dispatch: { window: 256, perEndpoint: 64, batch: 500, budgetMs: 30_000, tickMs: 200 },
};

export const webhooksDeps = defineModuleDeps(
  'webhooks',
  (ctx): WebhooksDeps => ({
    ctx,
    db: ctx.db,
    dialect: ctx.database.dialect,
    clock: ctx.clock,
    jobs: ctx.jobs,
    outbound: ctx.outbound,
    catalogues: ctx.catalogues,
    allowList: ctx.config.outbound.allowList,
    sealKey: ctx.keyring.secret('webhooks-secrets'),
    inboundSealKey: ctx.keyring.secret('webhooks-inbound-secrets'),
    settings: {
      ...defaultWebhookSettings,
      dispatch: { ...defaultWebhookSettings.dispatch },
      timeoutMs: Math.min(ctx.config.outbound.timeoutMs, 10_000),
    },
    audit: createAuditTrail(webhooksAuditEvents, {
      catalogues: ctx.catalogues,
      sink: audit.record,
      verify: !ctx.config.isProduction,
    }),
  }),
);
