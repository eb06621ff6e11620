import type { SignerRole, SignerType } from '../signing.tables.js';

/** Kysely table types of requests made from a template (DDL: migrations/2026_12_08_0300_signing_instances.ts). */
export interface TemplateRolesTable {
  id: string;
  template_id: string;
  /** The placeholder's key, used as the CSV column prefix (`client.name`, `client.email`). */
  role_key: string;
  label: string;
  role: SignerRole;
  signer_type: SignerType;
  signing_order: number;
  /** A fixed person for this role (e.g. the company signer); null: given per instance. */
  signer_name: string | null;
  signer_email: string | null;
  signer_phone: string | null;
  position: number;
  created_at: string;
}

export interface TemplateDocumentsTable {
  id: string;
  template_id: string;
  /** A documents-module document filed on the record `signature_template:{template_id}`. */
  document_id: string;
  file_name: string;
  position: number;
  created_at: string;
}

export interface DirectLinksTable {
  id: string;
  template_id: string;
  role_key: string;
  /** SHA-256 (hex) of the 256-bit link secret; the secret itself is shown once. */
  token_hash: string;
  is_enabled: number;
  use_count: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  rotated_at: string | null;
  last_used_at: string | null;
}

export interface DirectLinkHitsTable {
  /** SHA-256 of the client IP: the counter needs no readable address. */
  ip_key: string;
  window_start: string;
  hits: number;
}

export type BulkSendStatus = 'queued' | 'running' | 'completed' | 'cancelled';
export type BulkRowStatus = 'pending' | 'done' | 'failed' | 'cancelled';

export interface BulkSendsTable {
  id: string;
  template_id: string;
  status: BulkSendStatus;
  file_name: string;
  title: string;
  language: string;
  total: number;
  done_count: number;
  failed_count: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface BulkSendRowsTable {
  id: string;
  bulk_send_id: string;
  row_index: number;
  status: BulkRowStatus;
  /** JSON: the row's signers per role key and its record. */
  data: string;
  request_id: string | null;
  error: string | null;
  updated_at: string;
}

export type InPersonStatus = 'active' | 'finished' | 'cancelled' | 'unlocked';

export interface InPersonSessionsTable {
  id: string;
  request_id: string;
  signer_id: string;
  host_user_id: string;
  host_name: string;
  host_session_id: string | null;
  /**
   * The host's login session while this session locks it, NULL once unlocked; UNIQUE, so one
   * login session holds at most one lock (migration 2026_12_12_0510).
   */
  locking_session_id: string | null;
  /** SHA-256 of the kiosk page's secret (finish/cancel from the device without the host's login). */
  kiosk_token_hash: string;
  signature_number: string | null;
  status: InPersonStatus;
  notify: 'sms' | 'email' | 'none';
  ip_address: string | null;
  user_agent: string | null;
  started_at: string;
  ended_at: string | null;
  unlocked_at: string | null;
}

declare module '../../../platform/db/schema.js' {
  interface Tables {
    digital_signature_template_roles: TemplateRolesTable;
    digital_signature_template_documents: TemplateDocumentsTable;
    digital_signature_direct_links: DirectLinksTable;
    digital_signature_direct_link_hits: DirectLinkHitsTable;
    digital_signature_bulk_sends: BulkSendsTable;
    digital_signature_bulk_send_rows: BulkSendRowsTable;
    digital_signature_in_person_sessions: InPersonSessionsTable;
  }
}
