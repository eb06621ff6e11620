/** Kysely table types of the signing module (DDL: migrations/2026_12_07_0700_signing.ts). */
export type RequestStatus =
  | 'pending'
  | 'sent'
  | 'partially_signed'
  | 'completed'
  | 'expired'
  | 'cancelled'
  | 'rejected';
/** `filled`: an assistant submitted the fields it fills for a later signer. */
export type SignerStatus = 'pending' | 'sent' | 'viewed' | 'signed' | 'filled' | 'declined' | 'cancelled';
export type SignerRole =
  | 'signer'
  | 'approver'
  | 'viewer'
  | 'cc'
  | 'witness'
  | 'assistant'
  | 'author'
  | 'reviewer';
export type SignerType = 'customer' | 'company' | 'witness';
export type SignatureType = 'drawn' | 'typed' | 'image' | 'certificate';
export type SignatureOrder = 'any' | 'sequential';
export type SealStatus = 'none' | 'pending' | 'sealed' | 'failed';

export interface DigitalSignatureTemplatesTable {
  id: string;
  template_name: string;
  template_code: string;
  entity_type: string;
  description: string | null;
  required_signatures_count: number;
  signature_order: SignatureOrder;
  allow_drawn_signature: number;
  allow_typed_signature: number;
  allow_image_signature: number;
  allow_certificate_signature: number;
  signature_valid_days: number;
  request_expires_hours: number;
  reminder_hours: number | null;
  consent_text: string | null;
  is_active: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DigitalSignatureRequestsTable {
  id: string;
  request_number: string;
  template_id: string | null;
  entity_type: string;
  entity_id: string;
  title: string;
  description: string | null;
  status: RequestStatus;
  priority: string;
  customer_id: string | null;
  requested_by: string | null;
  signature_order: SignatureOrder;
  required_signatures_count: number;
  request_expires_hours: number;
  signature_valid_days: number;
  /** JSON array of the allowed SignatureType values (from the template's allow_* flags). */
  allowed_types: string;
  consent_text: string | null;
  language: string;
  expires_at: string | null;
  sent_at: string | null;
  completed_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  /** Copied from the template: remind outstanding signers every N hours (null: never). */
  reminder_hours: number | null;
  last_reminded_at: string | null;
  seal_status: SealStatus;
  sealed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface DigitalSignatureRequestDocumentsTable {
  id: string;
  request_id: string;
  document_id: string;
  position: number;
  sent_version: number;
  sent_sha256: string;
  current_version: number;
  current_sha256: string;
  created_at: string;
}

export interface DigitalSignatureSignersTable {
  id: string;
  request_id: string;
  signer_name: string;
  signer_email: string | null;
  signer_phone: string | null;
  signer_type: SignerType;
  role: SignerRole;
  signing_order: number;
  user_id: string | null;
  status: SignerStatus;
  token_hash: string | null;
  token_expires_at: string | null;
  viewed_at: string | null;
  signed_at: string | null;
  declined_at: string | null;
  decline_reason: string | null;
  signature_id: string | null;
  /** Any-of-N group: the first member to sign completes it, the others' links die. */
  signing_group: string | null;
  /** Assistants: the signer whose fields this assistant pre-fills. */
  assists_signer_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface DigitalSignaturesTable {
  id: string;
  signature_number: string;
  request_id: string;
  signer_id: string;
  entity_type: string;
  entity_id: string;
  signature_type: SignatureType;
  signature_data: string;
  signature_strokes: string | null;
  signature_hash: string;
  document_hash: string;
  signer_name: string;
  signer_email: string | null;
  signer_type: SignerType;
  status: 'valid' | 'revoked';
  ip_address: string | null;
  user_agent: string | null;
  geolocation: string | null;
  consent_given: number;
  consent_text: string | null;
  certificate_serial: string;
  certificate_subject: string;
  /** The per-signer certificate (PEM), so third parties and OCSP checks can name it. */
  certificate: string;
  /** JSON: [{document_id, version, sha256}] the versions this signature produced. */
  documents: string;
  signed_at: string;
  valid_until: string;
  revoked_at: string | null;
  revoke_reason: string | null;
  created_at: string;
}

/**
 * One row per document version a signature produced (the `documents` JSON, as rows), indexed
 * by SHA-256 so public verification finds a file's request with an exact lookup.
 */
export interface DigitalSignatureProducedHashesTable {
  signature_id: string;
  request_id: string;
  document_id: string;
  version: number;
  sha256: string;
  created_at: string;
}

declare module '../../platform/db/schema.js' {
  interface Tables {
    digital_signature_templates: DigitalSignatureTemplatesTable;
    digital_signature_requests: DigitalSignatureRequestsTable;
    digital_signature_request_documents: DigitalSignatureRequestDocumentsTable;
    digital_signature_signers: DigitalSignatureSignersTable;
    digital_signatures: DigitalSignaturesTable;
    digital_signature_produced_hashes: DigitalSignatureProducedHashesTable;
  }
}
