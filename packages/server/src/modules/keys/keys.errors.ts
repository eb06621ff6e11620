import { defineErrorCodes } from '../../platform/errors.js';

/** The keys module's domain error codes (numbers given to the module: 40083-87, 40377-80, 40477-80, 40980-84; 40478 and 40926 for the platform's HSM keys). */
export const keysErrors = defineErrorCodes('keys', {
  USCC_INVALID: {
    family: 'VALIDATION',
    api: 40083,
    description:
      'The unified social credit code is not 18 characters of the GB 32100-2015 alphabet or its check digit is wrong',
  },
  PKCS12_UNREADABLE: {
    family: 'VALIDATION',
    api: 40084,
    description:
      'The PKCS#12 file is not readable with that password, or holds no key matching its certificate',
  },
  PKCS12_NOT_ORGANISATION: {
    family: 'VALIDATION',
    api: 40085,
    description: 'The imported certificate does not name the organisation (O) and code given',
  },
  HSM_NOT_CONFIGURED: {
    family: 'VALIDATION',
    api: 40086,
    description: 'A key in the HSM was asked for but no PKCS#11 token is configured (KEYS_PKCS11_*)',
  },
  CERTIFICATE_NOT_FOUND: {
    family: 'NOT_FOUND',
    api: 40477,
    description: 'No organisation certificate with that id',
  },
  PLATFORM_KEY_NOT_FOUND: {
    family: 'NOT_FOUND',
    api: 40478,
    description: 'The platform CA or TSA key to rotate is not in the PKCS#11 token: generate it first',
  },
  PLATFORM_KEY_EXISTS: {
    family: 'CONFLICT',
    api: 40926,
    description:
      'A platform CA or TSA key with the configured label is already in the token: rotate it instead',
  },
  CERTIFICATE_REVOKED: {
    family: 'CONFLICT',
    api: 40980,
    description: 'The organisation certificate is revoked: it can neither sign nor be rotated',
  },
  CERTIFICATE_SUPERSEDED: {
    family: 'CONFLICT',
    api: 40981,
    description: 'The certificate was already rotated; rotate its current successor instead',
  },
  CERTIFICATE_EXPIRED: {
    family: 'CONFLICT',
    api: 40982,
    description: 'The organisation certificate has expired and can no longer sign; rotate it',
  },
});
