import { defineErrorCodes } from '../../platform/errors.js';

/** The notification center's domain error codes (4x4x of each family). */
export const notificationsErrors = defineErrorCodes('notifications', {
  TEMPLATE_INVALID: {
    family: 'VALIDATION',
    api: 40041,
    description: 'A template does not parse, uses an undeclared variable or a forbidden construct',
  },
  VARIABLE_MISSING: {
    family: 'VALIDATION',
    api: 40042,
    description: 'A variable the template needs was not given (details: variables)',
  },
  CONTENT_BLOCKED: {
    family: 'VALIDATION',
    api: 40043,
    description: 'The rendered content contains a word the sensitive-word list blocks',
  },
  RENDER_LIMIT: {
    family: 'VALIDATION',
    api: 40044,
    description: 'Rendering went past the time, memory or output bound of the sandbox',
  },
  RECEIPT_REFUSED: {
    family: 'FORBIDDEN',
    api: 40341,
    description:
      'A delivery receipt whose signature (Twilio) or callback token (Aliyun, Tencent) does not verify; nothing was changed',
  },
  TEMPLATE_NOT_FOUND: {
    family: 'NOT_FOUND',
    api: 40441,
    description: 'No active template has this code',
  },
  UNSUBSCRIBE_LINK_INVALID: {
    family: 'NOT_FOUND',
    api: 40442,
    description: 'The unsubscribe link is not valid',
  },
  TEMPLATE_CODE_TAKEN: {
    family: 'CONFLICT',
    api: 40941,
    description: 'A template with this code exists',
  },
  NOT_RESENDABLE: {
    family: 'CONFLICT',
    api: 40942,
    description: 'Only failed or dead deliveries of non-sensitive messages can be resent',
  },
  CHANNEL_NOT_CONFIGURED: {
    family: 'CONFLICT',
    api: 40943,
    description: 'The channel has no enabled provider, robot or endpoint',
  },
});
