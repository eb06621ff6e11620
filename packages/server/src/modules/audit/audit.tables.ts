/**
 * Audit tables. `audit_events` and `audit_checkpoints` are append-only: the database
 * refuses UPDATE and DELETE (triggers; on PostgreSQL also REVOKE from PUBLIC). The only
 * deletion allowed is of events already archived (seq covered by an `audit_archives` row).
 */
export interface AuditEventsTable {
  id: string;
  chain: string;
  seq: number;
  occurred_at: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  auth_method: string | null;
  on_behalf_of: string | null;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** Canonical JSON (RFC 8785) `{field: {before, after}}`, changed fields only. */
  changes: string | null;
  /** Human-readable diff, one line per changed field. */
  diff: string | null;
  reason: string | null;
  meaning: string | null;
  result: string;
  /** Canonical JSON (RFC 8785) of free-form details. */
  details: string | null;
  app_version: string;
  prev_hash: string;
  leaf_hash: string;
  /**
   * HMAC-SHA256 of leaf_hash with a keyring secret (outside the database): events appended
   * since the last checkpoint must carry it, so nobody with only database access can forge one.
   */
  mac: string | null;
}

/** One row per chain: the lock that makes sequence numbers gapless under concurrency. */
export interface AuditChainHeadsTable {
  chain: string;
  seq: number;
  head_hash: string;
  updated_at: string;
}

export interface AuditCheckpointsTable {
  id: string;
  chain: string;
  tree_size: number;
  root_hash: string;
  created_at: string;
  key_id: string;
  signature: string;
}

export interface AuditArchivesTable {
  id: string;
  chain: string;
  from_seq: number;
  to_seq: number;
  storage_key: string;
  sha256: string;
  checkpoint_id: string;
  created_at: string;
}

declare module '../../platform/db/schema.js' {
  interface Tables {
    audit_events: AuditEventsTable;
    audit_chain_heads: AuditChainHeadsTable;
    audit_checkpoints: AuditCheckpointsTable;
    audit_archives: AuditArchivesTable;
  }
}
