/** Kysely types of the keys module's tables (see migrations/2026_12_12_0310_keys.ts). */
export type KeyStorage = 'file' | 'pkcs11';
export type KeyState = 'active' | 'retired';
export type CertificateState = 'active' | 'superseded' | 'revoked';
export type CertificateSource = 'issued' | 'pkcs12';

export interface KeysManagedKeysTable {
  id: string;
  label: string;
  storage: KeyStorage;
  /** 'EC-P256', 'EC-P384' or 'RSA-<bits>'. */
  algorithm: string;
  /** DER SubjectPublicKeyInfo, base64. */
  spki: string;
  /** File keys only: PKCS#8 DER sealed with AES-256-GCM under the keyring ('v1.iv.tag.ciphertext'). */
  wrapped_key: string | null;
  /** PKCS#11 keys only: the token and the key pair's CKA_ID (hex). */
  token_label: string | null;
  token_object_id: string | null;
  state: KeyState;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface KeysOrgCertificatesTable {
  id: string;
  key_id: string;
  source: CertificateSource;
  legal_name: string;
  /** The unified social credit code (GB 32100-2015), in the subject's organizationIdentifier. */
  uscc: string;
  subject: string;
  issuer: string;
  /** Lower-case hex, leading zero bytes stripped (normalizeSerial). */
  serial: string;
  not_before: string;
  not_after: string;
  /** DER, base64. */
  certificate: string;
  /** JSON array of base64 DER issuer certificates, nearest first. */
  chain: string;
  state: CertificateState;
  predecessor_id: string | null;
  successor_id: string | null;
  revoked_at: string | null;
  revocation_reason: string | null;
  expiry_warned_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface KeysSelfTestsTable {
  id: string;
  certificate_id: string;
  key_id: string;
  ok: number;
  error: string | null;
  ran_at: string;
}

declare module '../../platform/db/schema.js' {
  interface Tables {
    keys_managed_keys: KeysManagedKeysTable;
    keys_org_certificates: KeysOrgCertificatesTable;
    keys_self_tests: KeysSelfTestsTable;
  }
}
