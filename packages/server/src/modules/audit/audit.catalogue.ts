import { Type } from '@sinclair/typebox';
import { type AuditEventOf, defineAuditEventTypes } from '../../platform/catalogues/audit-event-catalogue.js';
import { definePermissions } from '../../platform/catalogues/permission-catalogue.js';
import type { ModuleTag } from '../../platform/module.js';

/**
 * What the audit module adds to the platform's catalogues, listed in its ModuleDefinition:
 * the OpenAPI tag, the permissions its routes check and the audit event types it records
 * about itself (reviews, exports, verification, archives, the HTTP request log).
 */
export const auditTag: ModuleTag = {
  name: 'audit',
  description:
    'The tamper-evident audit trail: events with filters, inclusion proofs, verification of' +
    ' the hash chains and signed checkpoints, CSV, PDF and evidence-bundle exports (each one audited)',
};

export const auditPermissions = definePermissions('audit', {
  'audit.event.read': { description: 'Read the audit trail' },
  'audit.export': { description: 'Export audit events and compliance reports' },
  'audit.verify': { description: 'Verify the integrity of the audit log' },
});

const exported = {
  entityType: 'audit_log',
  payload: Type.Object({
    filter: Type.Record(Type.String(), Type.Unknown(), { description: 'The filter of the export' }),
    count: Type.Integer({ description: 'Events exported' }),
  }),
};

export const auditEventTypes = defineAuditEventTypes('audit', {
  'http.request': {
    description: 'A mutating HTTP request was handled',
    entityType: 'http_request',
    payload: Type.Object({
      method: Type.String({ description: 'HTTP method' }),
      path: Type.String({ description: 'Request path without the query' }),
      status: Type.Integer({ description: 'Response status' }),
      duration_ms: Type.Number({ description: 'Handling time in milliseconds' }),
    }),
  },
  'verify.run': {
    description: 'The audit log was verified',
    entityType: 'audit_log',
    payload: Type.Object({
      is_valid: Type.Boolean({ description: 'Whether every chain verified' }),
      events: Type.Integer({ description: 'Events checked' }),
    }),
  },
  'export.csv': { description: 'Audit events were exported as CSV', ...exported },
  'export.pdf': { description: 'An audit compliance report was exported', ...exported },
  'export.bundle': { description: 'An audit evidence bundle was exported', ...exported },
  'archive.created': {
    description: 'Old audit events were archived to storage',
    entityType: 'audit_archive',
    payload: Type.Object({
      chain: Type.String({ description: 'The chain archived' }),
      from_seq: Type.Integer({ description: 'First archived event' }),
      to_seq: Type.Integer({ description: 'Last archived event' }),
      checkpoint_size: Type.Union([Type.Integer(), Type.Null()], {
        description: 'Size of the checkpoint covering the archive',
      }),
    }),
  },
});

/** The audit module's own events as a discriminated union on `type`. */
export type AuditOwnEvent = AuditEventOf<typeof auditEventTypes>;
/** Typed constants: `auditEvents['verify.run']` is 'audit.verify.run'. */
export const auditEvents = auditEventTypes.types;

/**
 * Legacy: a module's audit event types as typed constants without payloads, for modules
 * not yet on `defineAuditEventTypes` (identity). Their descriptions are kept here for the
 * review API; the catalogue's descriptions come first.
 */
export function defineAuditEvents<const M extends string, const E extends Record<string, string>>(
  module: M,
  events: E,
): { [K in keyof E & string as K]: `${M}.${K}` } {
  const actions: Record<string, string> = {};
  for (const [key, description] of Object.entries(events)) {
    const action = `${module}.${key}`;
    actions[key] = action;
    legacyDescriptions.set(action, description);
  }
  return actions as { [K in keyof E & string as K]: `${M}.${K}` };
}

const legacyDescriptions = new Map<string, string>();

/** What an action means, from the mounted modules' catalogues or the legacy declarations. */
export function describeAction(
  catalogue: ReadonlyMap<string, { description: string }>,
  action: string,
): string | null {
  return catalogue.get(action)?.description ?? legacyDescriptions.get(action) ?? null;
}
