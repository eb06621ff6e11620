import { Type } from '@sinclair/typebox';
import { type AuditEventOf, defineAuditEventTypes } from '../../platform/catalogues/audit-event-catalogue.js';
import { definePermissions } from '../../platform/catalogues/permission-catalogue.js';
import type { ModuleTag } from '../../platform/module.js';

/** What the keys module adds to the platform's catalogues. */
export const keysTag: ModuleTag = {
  name: 'keys',
  description:
    'Keys and organisation certificates: keys in files (wrapped by the keyring) or in a PKCS#11 HSM, ' +
    'certificates naming an organisation and its unified social credit code, rotation, revocation, self-test',
};

export const keysPermissions = definePermissions('keys', {
  'keys.certificate.read': { description: 'See the inventory of keys and organisation certificates' },
  'keys.certificate.manage': {
    description: 'Generate, import, rotate and revoke organisation keys and certificates',
  },
});
export const can = keysPermissions.codes;

const str = (description: string) => Type.String({ description });
const certificate = {
  legal_name: str('Organisation legal name (subject O)'),
  uscc: str('Unified social credit code'),
  serial: str('Certificate serial number (hex)'),
  storage: str('Where the key lives: file or pkcs11'),
};

const platformKey = {
  role: str('issuing (the platform CA) or tsa'),
  label: str('CKA_LABEL of the key in the token'),
  serial: str('Serial of the new certificate (hex)'),
  replaced: str('Serial of the certificate it replaced; empty on first generation'),
  algorithm: str('Key algorithm: EC-P256, EC-P384, RSA-2048, RSA-3072 or RSA-4096'),
};

export const keysAuditEvents = defineAuditEventTypes('keys', {
  'certificate.issued': {
    description: 'A key was generated and the platform CA issued an organisation certificate for it',
    entityType: 'org_certificate',
    payload: Type.Object(certificate),
  },
  'certificate.imported': {
    description: 'An organisation key and certificate were imported from PKCS#12',
    entityType: 'org_certificate',
    payload: Type.Object(certificate),
  },
  'certificate.rotated': {
    description: 'A certificate was superseded by a new key and certificate (the old one stays valid)',
    entityType: 'org_certificate',
    payload: Type.Object({ ...certificate, successor_id: str('The new certificate') }),
  },
  'certificate.revoked': {
    description: 'A certificate was revoked; the platform CRL and OCSP answer it at once',
    entityType: 'org_certificate',
    payload: Type.Object({ ...certificate, reason: str('RFC 5280 reason') }),
  },
  'certificate.expiry_warned': {
    description: 'The certificate managers were told a certificate expires soon',
    entityType: 'org_certificate',
    payload: Type.Object({ serial: str('Serial'), not_after: str('Expiry time') }),
  },
  'platform_key.generated': {
    description: 'The key of the platform issuing CA or TSA was generated in the PKCS#11 token and certified',
    entityType: 'platform_key',
    payload: Type.Object(platformKey),
  },
  'platform_key.rotated': {
    description:
      'The platform issuing CA or TSA key was replaced by a new one in the token; the old key is kept, its certificate stays valid',
    entityType: 'platform_key',
    payload: Type.Object(platformKey),
  },
  'self_test.completed': {
    description: 'The key self-test signed and verified a canary with each active key',
    entityType: 'key_self_test',
    payload: Type.Object({
      tested: Type.Integer({ description: 'Certificates tested' }),
      failed: Type.Integer({ description: 'Certificates whose canary failed' }),
    }),
  },
  'self_test.failed': {
    description: 'A key failed its self-test (sign and verify of a canary); an alert was sent',
    entityType: 'org_certificate',
    payload: Type.Object({ serial: str('Serial'), error: str('What failed') }),
  },
});

export type KeysAuditEvent = AuditEventOf<typeof keysAuditEvents>;
