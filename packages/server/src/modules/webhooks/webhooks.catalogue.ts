import { Type } from '@sinclair/typebox';
import { type AuditEventOf, defineAuditEventTypes } from '../../platform/catalogues/audit-event-catalogue.js';
import { defineIntegrationEvents } from '../../platform/catalogues/integration-event-catalogue.js';
import { definePermissions } from '../../platform/catalogues/permission-catalogue.js';
import type { ModuleTag } from '../../platform/module.js';

/** What the webhooks module adds to the platform's catalogues (docs/integration.md). */
export const webhooksTag: ModuleTag = {
  name: 'webhooks',
  description:
    'Outbound webhooks: endpoints subscribed to event types, signed per the Standard Webhooks' +
    ' spec, delivered in order per resource with retries, a delivery log, redelivery and replay',
};

export const webhooksPermissions = definePermissions('webhooks', {
  'webhooks.endpoint.manage': {
    description: 'Create, change, rotate and test own webhook endpoints and read their delivery log',
    dataScoped: true,
  },
  'webhooks.endpoint.admin': {
    description:
      'See and manage every webhook endpoint and inbound callback credential of the installation, whoever owns it',
  },
  'webhooks.inbound.manage': {
    description: 'Create, change, rotate and revoke the inbound callback credentials other systems sign with',
  },
});
export const can = webhooksPermissions.codes;

/** Every endpoint and credential event names the owning team (null: owned by a user). */
const team = {
  team_id: Type.Union([Type.String(), Type.Null()], {
    description: 'Owning team (an identity department); null: owned by a user',
  }),
};
const endpoint = { entityType: 'webhook_endpoint' };
const urlPayload = Type.Object({
  ...team,
  url: Type.String({ description: 'Endpoint URL (query string removed)' }),
  event_types: Type.Array(Type.String(), { description: 'Subscribed event types' }),
});

const inbound = { entityType: 'inbound_credential' };
const inboundPayload = Type.Object({
  ...team,
  key_id: Type.String({ description: 'Key id the caller sends' }),
  name: Type.String({ description: 'Name' }),
  operations: Type.Array(Type.String(), { description: 'Allowed operations' }),
  ip_allow_list: Type.Array(Type.String(), { description: 'Allowed CIDRs (empty: any)' }),
});
const inboundAuditEvents = {
  'inbound.created': {
    description: 'An inbound callback credential was created',
    ...inbound,
    payload: inboundPayload,
  },
  'inbound.updated': {
    description: 'An inbound callback credential was changed',
    ...inbound,
    payload: inboundPayload,
  },
  'inbound.secret_rotated': {
    description:
      'An inbound callback credential got a new secret; the old one verifies until the overlap ends',
    ...inbound,
    payload: Type.Object({
      ...team,
      key_id: Type.String({ description: 'Key id' }),
      previous_valid_until: Type.String({ description: 'End of the overlap' }),
    }),
  },
  'inbound.refused': {
    description:
      'An inbound callback was refused (bad headers or signature, replay, stale timestamp, address or operation not allowed); the body is not kept',
    ...inbound,
    payload: Type.Object({
      reason: Type.String({ description: 'Why, e.g. callback_signature_invalid, callback_replayed' }),
      code: Type.Integer({ description: 'The error code answered' }),
      key_id: Type.String({ description: 'Key id as sent (at most 40 characters)' }),
      request_id: Type.String({ description: 'Request id as sent (at most 100 characters)' }),
      ip: Type.String({ description: "Caller's address" }),
      operation: Type.String({ description: 'Operation the route needs' }),
      path: Type.String({ description: 'Route called (no query string)' }),
    }),
  },
  'inbound.revoked': {
    description: 'An inbound callback credential was revoked',
    ...inbound,
    payload: Type.Object({
      ...team,
      key_id: Type.String({ description: 'Key id' }),
      name: Type.String({ description: 'Name' }),
    }),
  },
};

export const webhooksAuditEvents = defineAuditEventTypes('webhooks', {
  ...inboundAuditEvents,
  'endpoint.created': { description: 'A webhook endpoint was created', ...endpoint, payload: urlPayload },
  'endpoint.updated': { description: 'A webhook endpoint was changed', ...endpoint, payload: urlPayload },
  'endpoint.deleted': { description: 'A webhook endpoint was deleted', ...endpoint, payload: urlPayload },
  'endpoint.secret_rotated': {
    description: 'A webhook endpoint got a new secret; the old one signs until the overlap ends',
    ...endpoint,
    payload: Type.Object({
      ...team,
      previous_valid_until: Type.String({ description: 'End of the overlap' }),
    }),
  },
  'endpoint.disabled': {
    description: 'A webhook endpoint was disabled after failing for too long',
    ...endpoint,
    payload: Type.Object({
      ...team,
      failing_since: Type.String({ description: 'First failure of the streak' }),
    }),
  },
  'delivery.redelivered': {
    description: 'Deliveries were sent again by hand (one, or a replay of a time range)',
    ...endpoint,
    payload: Type.Object({ ...team, deliveries: Type.Integer({ description: 'Deliveries created' }) }),
  },
});
export type WebhooksAuditEvent = AuditEventOf<typeof webhooksAuditEvents>;

/** The module's own event: a test send from the endpoint page. */
export const webhooksEvents = defineIntegrationEvents('webhooks', {
  'endpoint.test': {
    description: 'A test event sent by hand from the webhooks page',
    resourceType: 'webhook_endpoint',
  },
});
