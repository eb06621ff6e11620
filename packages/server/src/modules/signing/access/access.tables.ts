/** Kysely table types of the second factor (DDL: migrations/2026_12_08_0200_signing_access.ts). */
export type AccessFactor = 'none' | 'email_code' | 'sms_code' | 'access_code';

export interface DigitalSignatureRequestAccessTable {
  request_id: string;
  factor: AccessFactor;
  /** scrypt of the sender's access code (`scrypt$salt$hash`); null for the sent codes. */
  access_code_hash: string | null;
  updated_at: string;
}

export interface DigitalSignatureSignerAccessTable {
  signer_id: string;
  /** SHA-256 of signer id + the one-time code sent by email/SMS; null once used or locked. */
  code_hash: string | null;
  code_expires_at: string | null;
  failed_attempts: number;
  locked_until: string | null;
  last_sent_at: string | null;
  /** SHA-256 of the proof handed out when the factor passed. */
  proof_hash: string | null;
  /** The link (token hash) the proof was earned with: a new link needs the factor again. */
  proof_link_hash: string | null;
  proof_expires_at: string | null;
  updated_at: string;
}

declare module '../../../platform/db/schema.js' {
  interface Tables {
    digital_signature_request_access: DigitalSignatureRequestAccessTable;
    digital_signature_signer_access: DigitalSignatureSignerAccessTable;
  }
}
