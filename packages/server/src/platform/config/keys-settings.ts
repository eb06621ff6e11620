/** The keys module's settings (modules/keys): the PKCS#11 token and the expiry warning. */
export const keysSettings = {
  KEYS_PKCS11_LIBRARY: {
    kind: 'string',
    description:
      'PKCS#11 module of the HSM holding organisation keys (e.g. /usr/lib/softhsm/libsofthsm2.so); unset: file keys only',
  },
  KEYS_PKCS11_TOKEN: {
    kind: 'string',
    default: 'signx',
    description: 'Label of the PKCS#11 token organisation keys are generated in',
  },
  KEYS_PKCS11_PIN: {
    kind: 'string',
    secret: true,
    description:
      'User PIN of the PKCS#11 token (this or KEYS_PKCS11_PIN_FILE is required with KEYS_PKCS11_LIBRARY)',
  },
  KEYS_PKCS11_PIN_FILE: {
    kind: 'string',
    description:
      'File holding the user PIN of the PKCS#11 token (a mounted secret; surrounding whitespace ignored); used when KEYS_PKCS11_PIN is unset',
  },
  KEYS_PKCS11_CA_KEY: {
    kind: 'string',
    description:
      'CKA_LABEL of the platform issuing CA key in the token; set: the CA that issues signer and organisation certificates signs in the HSM (create it with `signx keys hsm generate ca`)',
  },
  KEYS_PKCS11_TSA_KEY: {
    kind: 'string',
    description:
      'CKA_LABEL of the in-process TSA key in the token; set: RFC 3161 time-stamps are signed in the HSM (create it with `signx keys hsm generate tsa`)',
  },
  KEYS_EXPIRY_WARNING_DAYS: {
    kind: 'int',
    min: 1,
    max: 365,
    default: 30,
    description: 'Days before an organisation certificate expires that its managers are warned',
  },
  KEYS_ALERT_ROLE: {
    kind: 'string',
    default: 'super_admin',
    description:
      'Role whose holders get key expiry warnings and self-test failure alerts (in-app and e-mail)',
  },
} as const;
