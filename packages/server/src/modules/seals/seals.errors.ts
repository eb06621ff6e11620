import { defineErrorCodes } from '../../platform/errors.js';

/** The seals module's domain error codes (numbers assigned by the coordinator). */
export const sealsErrors = defineErrorCodes('seals', {
  SEAL_IMAGE_INVALID: {
    family: 'VALIDATION',
    api: 40077,
    description: 'The seal image is not a PNG or JPEG by content, is too large, or cannot be read',
  },
  SEAL_KEYWORD_NOT_FOUND: {
    family: 'VALIDATION',
    api: 40078,
    description: 'The keyword to place the seal at is not in the document’s text layer',
  },
  SEAL_PLACEMENT_INVALID: {
    family: 'VALIDATION',
    api: 40079,
    description: 'The page or position is outside the document, or the document is not a PDF',
  },
  SEAL_NOT_AUTHORISED: {
    family: 'FORBIDDEN',
    api: 40372,
    description: 'No authorisation lets this user use this seal for this document category now',
  },
  SEAL_APPROVAL_REQUIRED: {
    family: 'FORBIDDEN',
    api: 40373,
    description: 'This authorisation needs an approved seal-use request (用印审批) first',
  },
  SEAL_USE_REQUEST_INVALID: {
    family: 'VALIDATION',
    api: 40080,
    description: 'The authorisation needs no seal-use approval, or names no workflow definition',
  },
  SEAL_CERTIFICATE_NOT_ACTIVE: {
    family: 'VALIDATION',
    api: 40081,
    description: 'The organisation certificate a seal is bound to is superseded or revoked',
  },
  SEAL_APPROVAL_NOT_GRANTED: {
    family: 'FORBIDDEN',
    api: 40374,
    description:
      'The seal-use approval is still running, was rejected or withdrawn, or is for another seal, document version or user',
  },
  SEAL_APPROVAL_USED: {
    family: 'CONFLICT',
    api: 40977,
    description: 'The seal-use approval has already been used once',
  },
  SEAL_NOT_ACTIVE: {
    family: 'CONFLICT',
    api: 40975,
    description: 'The seal is suspended or retired and cannot be applied',
  },
  SEAL_BATCH_INVALID: {
    family: 'VALIDATION',
    api: 40025,
    description: 'A batch names a document twice or none, or its documents need different approval workflows',
  },
  SEAL_NAME_TAKEN: {
    family: 'CONFLICT',
    api: 40976,
    description: 'The organisation already has a seal of that name',
  },
});
