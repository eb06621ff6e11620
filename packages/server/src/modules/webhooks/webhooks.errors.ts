import { defineErrorCodes } from '../../platform/errors.js';

/** The webhooks module's domain error codes. */
export const webhooksErrors = defineErrorCodes('webhooks', {
  WEBHOOK_URL_NOT_ALLOWED: {
    family: 'FORBIDDEN',
    api: 40385,
    description: 'The endpoint URL is not https, or is http to a host the outbound allow-list does not name',
  },
  WEBHOOK_EVENT_UNKNOWN: {
    family: 'NOT_FOUND',
    api: 40485,
    description: 'A subscribed event type is not in the catalogue of events the modules emit',
  },
  WEBHOOK_ENDPOINT_INACTIVE: {
    family: 'CONFLICT',
    api: 40985,
    description: 'The endpoint is disabled: enable it before sending to it',
  },
  CALLBACK_SIGNATURE_MISSING: {
    family: 'UNAUTHENTICATED',
    api: 40140,
    description:
      'An inbound callback lacks SignX-Key-Id, SignX-Request-Id, SignX-Timestamp or SignX-Signature, or one is malformed',
  },
  CALLBACK_CREDENTIAL_UNKNOWN: {
    family: 'UNAUTHENTICATED',
    api: 40141,
    description: 'No inbound credential has this key id',
  },
  CALLBACK_TIMESTAMP_OUT_OF_WINDOW: {
    family: 'UNAUTHENTICATED',
    api: 40142,
    description: 'SignX-Timestamp is more than 5 minutes away from the server time',
  },
  CALLBACK_SIGNATURE_INVALID: {
    family: 'UNAUTHENTICATED',
    api: 40143,
    description:
      'The signature does not match the key id, request id, timestamp and body (wrong secret or altered body)',
  },
  CALLBACK_REPLAYED: {
    family: 'UNAUTHENTICATED',
    api: 40144,
    description: 'This SignX-Request-Id was already used within the replay window: sign a new request',
  },
  CALLBACK_CREDENTIAL_REVOKED: {
    family: 'UNAUTHENTICATED',
    api: 40145,
    description: 'The inbound credential is revoked or inactive, or its owner is no longer active',
  },
  CALLBACK_IP_NOT_ALLOWED: {
    family: 'FORBIDDEN',
    api: 40321,
    description: "The caller's address is outside the credential's IP allow-list",
  },
  CALLBACK_OPERATION_NOT_ALLOWED: {
    family: 'FORBIDDEN',
    api: 40322,
    description: 'The credential (or its owner) may not use this callback operation',
  },
  WEBHOOK_REPLAY_TOO_LARGE: {
    family: 'CONFLICT',
    api: 40986,
    description: 'A replay may resend at most 10,000 events; choose a shorter time range',
  },
  WEBHOOK_OWNER_FILTER_INVALID: {
    family: 'VALIDATION',
    api: 40019,
    description: 'The owner filter is neither "me" nor the id of one of your teams',
  },
  WEBHOOK_TEAM_NOT_MEMBER: {
    family: 'FORBIDDEN',
    api: 40356,
    description:
      'An endpoint or credential can be given only to a team (department) you belong to or head, with the manage permission',
  },
  WEBHOOK_TEAM_NOT_FOUND: {
    family: 'NOT_FOUND',
    api: 40418,
    description: 'No team (department) has this id (administrators only; others get WEBHOOK_TEAM_NOT_MEMBER)',
  },
});
