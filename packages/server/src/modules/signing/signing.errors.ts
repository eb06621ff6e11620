import { defineErrorCodes } from '../../platform/errors.js';

/** The signing module's domain error codes (x7x of each family). */
export const signingErrors = defineErrorCodes('signing', {
  TEMPLATE_CODE_TAKEN: {
    family: 'CONFLICT',
    api: 40971,
    description: 'Another template has this template_code',
  },
  UNKNOWN_ENTITY_TYPE: { family: 'VALIDATION', api: 40071, description: 'The entity_type is not registered' },
  SIGNATURE_TYPE_NOT_ALLOWED: {
    family: 'VALIDATION',
    api: 40072,
    description: 'The template does not allow this signature type',
  },
  BAD_SIGNATURE_DATA: {
    family: 'VALIDATION',
    api: 40073,
    description: 'signature_data is not a usable drawn/typed/image signature',
  },
  CONSENT_REQUIRED: { family: 'VALIDATION', api: 40074, description: 'consent_given must be true to sign' },
  NOT_YOUR_TURN: {
    family: 'CONFLICT',
    api: 40972,
    description: 'Earlier signers (lower signing_order) have not signed yet: order is enforced',
  },
  LINK_INVALID: {
    family: 'UNAUTHENTICATED',
    api: 40171,
    description: 'The signing link is unknown, expired, or no longer valid',
  },
  REQUEST_NOT_OPEN: {
    family: 'CONFLICT',
    api: 40973,
    description: 'The request is not open for this action in its current status',
  },
  SIGNER_DONE: { family: 'CONFLICT', api: 40974, description: 'This signer has already signed or declined' },
  NO_SIGNERS: {
    family: 'VALIDATION',
    api: 40075,
    description: 'A request needs at least one signer to be sent',
  },
  DOCUMENT_NOT_PDF: {
    family: 'VALIDATION',
    api: 40076,
    description: 'Only PDF documents can carry signatures (convert office files first)',
  },
  PART11_LINK_REFUSED: {
    family: 'FORBIDDEN',
    api: 40327,
    description:
      'A records signature policy covers signing_request/sign: a signing link alone cannot sign; the signer signs from their SignX account with re-authentication (the Part 11 ceremony)',
  },
  PART11_CEREMONY_REQUIRED: {
    family: 'FORBIDDEN',
    api: 40328,
    description:
      'A records signature policy covers signing_request/sign: send part11 (meaning, reason when required, credentials of the ceremony)',
  },
  SIGNER_NOT_LINKED_USER: {
    family: 'FORBIDDEN',
    api: 40371,
    description: 'Internal signers sign only from their own account',
  },
  CERTIFICATE_PASSWORD_WRONG: {
    family: 'VALIDATION',
    api: 40097,
    description: 'The PKCS#12 file could not be opened with this password (nothing was stored)',
  },
  CERTIFICATE_UNUSABLE: {
    family: 'VALIDATION',
    api: 40098,
    description:
      'The uploaded certificate cannot sign: unreadable file, expired or not yet valid, or no signing key usage',
  },
  ACCESS_CODE_REQUIRED: {
    family: 'UNAUTHENTICATED',
    api: 40192,
    description: 'This request asks for a second factor: verify the code before the document is shown',
  },
  ACCESS_CODE_WRONG: {
    family: 'UNAUTHENTICATED',
    api: 40193,
    description: 'The code is wrong or expired',
  },
  ACCESS_CODE_LOCKED: {
    family: 'RATE_LIMITED',
    api: 42992,
    description: 'Too many wrong codes: the link is locked for a while',
  },
  ACCESS_CODE_RESEND_TOO_SOON: {
    family: 'RATE_LIMITED',
    api: 42993,
    description: 'A code was sent moments ago; wait before asking for another',
  },
});
