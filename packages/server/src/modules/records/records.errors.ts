import { defineErrorCodes } from '../../platform/errors.js';

/** The electronic-records module's domain error codes (the x6x numbers of issue 16). */
export const recordsErrors = defineErrorCodes('records', {
  MEANING_NOT_ALLOWED: {
    family: 'VALIDATION',
    api: 40016,
    description: 'The signature meaning is missing or not one the policy allows',
  },
  REASON_REQUIRED: { family: 'VALIDATION', api: 40017, description: 'The policy requires a reason' },
  COMPONENT_UNAVAILABLE: {
    family: 'VALIDATION',
    api: 40018,
    description: 'A ceremony component is not available (passkey not yet, PIN or TOTP not set up)',
  },
  CEREMONY_FAILED: {
    family: 'UNAUTHENTICATED',
    api: 40116,
    description: 'The signing ceremony failed: a component was wrong, missing or the account is locked',
  },
  NOT_OWN_SIGNATURE: {
    family: 'FORBIDDEN',
    api: 40316,
    description: 'Nobody signs for another person (administrators included)',
  },
  SESSION_NOT_USABLE: {
    family: 'FORBIDDEN',
    api: 40317,
    description: 'The signing session belongs to another user or login session',
  },
  OUTSIDE_TIME_WINDOW: {
    family: 'FORBIDDEN',
    api: 40318,
    description: 'The policy does not allow signing at this time (server clock, policy time zone)',
  },
  OUTSIDE_NETWORK: {
    family: 'FORBIDDEN',
    api: 40319,
    description: 'The policy does not allow signing from this network (server-resolved client IP)',
  },
  PDF_NOT_SIGNABLE: {
    family: 'VALIDATION',
    api: 40030,
    description:
      'The document version is a PDF that cannot carry the signature manifestation (damaged, encrypted); nothing is signed',
  },
  PADES_LEVEL_UNREACHED: {
    family: 'VALIDATION',
    api: 40031,
    description:
      "The signed PDF cannot reach the policy's PAdES level (no time-stamp or validation data could be had); nothing is signed",
  },
  NOT_THE_REVIEWER: {
    family: 'FORBIDDEN',
    api: 40320,
    description: 'Only the assigned reviewer adds findings to and signs off an audit-trail review',
  },
  NO_POLICY: {
    family: 'NOT_FOUND',
    api: 40416,
    description: 'No signature policy covers this resource type and operation',
  },
  UNKNOWN_OPERATION: {
    family: 'NOT_FOUND',
    api: 40417,
    description: 'The resource type and operation are not registered',
  },
  COOLING_PERIOD: {
    family: 'CONFLICT',
    api: 40916,
    description: 'The same signature was made within the policy’s cooling period',
  },
  REVIEW_SIGNED_OFF: {
    family: 'CONFLICT',
    api: 40924,
    description: 'The audit-trail review is signed off already: it takes no findings and no second sign-off',
  },
  RECORD_CHANGED: {
    family: 'CONFLICT',
    api: 40917,
    description: 'The record version or hash given is not the record’s current one',
  },
});
