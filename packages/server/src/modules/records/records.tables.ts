/** Kysely types of the electronic-records tables (migration 2026_12_09_0100_records). */
export interface RecordsPoliciesTable {
  id: string;
  /** Stable across versions; `id` names one version (signatures keep the version they used). */
  policy_key: string;
  version: number;
  is_current: number;
  policy_name: string;
  resource_type: string;
  operation_type: string;
  /** simple | enhanced | certificate (seed 002 §4.1.1). */
  signature_level: string;
  authentication_factors: number;
  /** Idle timeout of a signing session, minutes. */
  session_timeout: number;
  /** Absolute lifetime of a signing session, minutes. */
  session_absolute_timeout: number;
  /** Seconds before the same user may sign the same resource and operation again. */
  cooling_period: number | null;
  require_reason: number;
  /** JSON array of meanings (approval, review, confirmation, witness, ...). */
  allowed_meanings: string;
  /** JSON list of {days, start, end} (migration 2026_12_09_0500); null: any time. */
  allowed_time_windows: string | null;
  /** JSON list of CIDR ranges; null: any network. */
  allowed_networks: string | null;
  /** IANA zone the windows are read in; null: UTC. */
  time_zone: string | null;
  /** PAdES level of the signed PDF (B-B, B-T, B-LT, B-LTA; migration 2026_12_12_0120); null: B-T. */
  pades_level: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface RecordsUserSettingsTable {
  id: string;
  user_id: string;
  preferred_method: string;
  is_biometric_enabled: number;
  pin_hash: string | null;
  last_changed_at: string;
  pin_expiry_days: number;
  created_at: string;
  updated_at: string;
}

export interface RecordsPinHistoryTable {
  id: string;
  user_id: string;
  pin_hash: string;
  created_at: string;
}

export interface RecordsSignaturesTable {
  id: string;
  user_id: string;
  resource_id: string;
  resource_type: string;
  operation_type: string;
  record_version: string;
  record_sha256: string;
  policy_id: string;
  signature_type: string;
  /** AES-256-GCM sealed manifest (signature-value.ts). */
  signature_value: string;
  signature_mean: string;
  reason: string | null;
  signer_name: string;
  signing_session_id: string;
  timestamp: string;
  ip_address: string;
  user_agent: string | null;
  verification_status: string;
  /**
   * §11.50 in the signed bytes (migration 2026_12_10_0300): the document version filed with
   * this signature's PAdES signature, its SHA-256, the signature field and the zone shown.
   * Null when the record is not a PDF document version.
   */
  pades_document_version: number | null;
  pades_sha256: string | null;
  pades_field_name: string | null;
  pades_time_zone: string | null;
  /** The PAdES level the signed PDF was made at (its policy's); null when no PDF. */
  pades_level: string | null;
  created_at: string;
  updated_at: string;
}

export interface RecordsAuthLogTable {
  id: string;
  user_id: string;
  signature_id: string | null;
  signing_session_id: string | null;
  authentication_method: string;
  authentication_result: 'success' | 'failure';
  attempt_time: string;
  ip_address: string;
  user_agent: string | null;
  failure_reason: string | null;
}

export interface RecordsSigningSessionsTable {
  id: string;
  user_id: string;
  login_session_id: string;
  factors: string;
  signatures: number;
  created_at: string;
  last_used_at: string;
  terminated_at: string | null;
  terminated_reason: string | null;
}

export interface RecordsAlertsTable {
  id: string;
  user_id: string;
  kind: string;
  window_key: string;
  detail: string;
  created_at: string;
}

/** An audit-trail review (Annex 11 §9, 11.10(e)): one reviewer, one period, findings, a sign-off. */
export interface RecordsAuditReviewsTable {
  id: string;
  reviewer_id: string;
  period_from: string;
  period_to: string;
  /** Only events of this module (action prefix) and/or entity type; null = all. */
  scope_module: string | null;
  scope_entity_type: string | null;
  status: 'open' | 'signed_off';
  /** The records signature (`audit_review`/`sign_off`) that closed it. */
  signature_id: string | null;
  signed_off_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface RecordsAuditReviewFindingsTable {
  id: string;
  review_id: string;
  severity: 'info' | 'minor' | 'major' | 'critical';
  text: string;
  created_by: string;
  created_at: string;
}

declare module '../../platform/db/schema.js' {
  interface Tables {
    records_policies: RecordsPoliciesTable;
    records_user_settings: RecordsUserSettingsTable;
    records_pin_history: RecordsPinHistoryTable;
    records_signatures: RecordsSignaturesTable;
    records_auth_log: RecordsAuthLogTable;
    records_signing_sessions: RecordsSigningSessionsTable;
    records_alerts: RecordsAlertsTable;
    records_audit_reviews: RecordsAuditReviewsTable;
    records_audit_review_findings: RecordsAuditReviewFindingsTable;
  }
}
