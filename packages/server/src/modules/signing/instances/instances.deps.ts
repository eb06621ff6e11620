import type { AppContext } from '../../../platform/app-context.js';
import { type AuditTrail, createAuditTrail } from '../../../platform/audit-trail.js';
import { defineModuleDeps } from '../../../platform/module-deps.js';
import type { RealtimeBus } from '../../../platform/realtime/realtime-bus.js';
import { audit } from '../../audit/index.js';
import { type SigningDeps, signingDeps } from '../signing.deps.js';
import { type InstancesAuditEvent, instancesAuditEvents } from './instances.catalogue.js';

/** Limits of requests made from templates (hostile uploads, public direct links). */
export const instanceLimits = {
  /** Largest bulk file (CSV or XLSX) accepted. */
  maxBulkBytes: 5 * 1024 * 1024,
  /** Rows in one bulk send. */
  maxBulkRows: 10_000,
  /** XLSX: the sum of the declared unpacked sizes of its parts (zip-bomb guard). */
  maxXlsxUnpackedBytes: 64 * 1024 * 1024,
  /** Largest PDF stored on a template. */
  maxTemplatePdfBytes: 25 * 1024 * 1024,
  /** Direct-link submissions per client IP per window. */
  directLinkPerIp: 10,
  directLinkWindowMs: 10 * 60 * 1000,
} as const;

/** The signing deps plus the audit trail of the instance events and the realtime bus. */
export interface InstancesDeps extends SigningDeps {
  events: AuditTrail<InstancesAuditEvent>;
  realtime: RealtimeBus;
}

export const instancesDeps = defineModuleDeps(
  'signing',
  (ctx: AppContext): InstancesDeps => ({
    ...signingDeps(ctx),
    events: createAuditTrail(instancesAuditEvents, {
      catalogues: ctx.catalogues,
      sink: audit.record,
      verify: !ctx.config.isProduction,
    }),
    realtime: ctx.realtime,
  }),
);
