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
  WEBHOOK_REPLAY_TOO_LARGE: {
    family: 'CONFLICT',
    api: 40986,
    description: 'A replay may resend at most 10,000 events; choose a shorter time range',
  },
});
