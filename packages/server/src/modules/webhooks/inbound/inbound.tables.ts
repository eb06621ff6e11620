/** Kysely types of the inbound callback tables (migration 2026_12_13_0210_inbound_callbacks). */
export interface InboundCredentialsTable {
  id: string;
  /** Public identifier the caller sends in `SignX-Key-Id` (`ick_…`). */
  key_id: string;
  name: string;
  /** The user the callbacks act for (an integration like an API key). */
  owner_id: string;
  /** Owning team (an identity department; migration 2026_12_15_0510); null: owned by `owner_id`. */
  team_id: string | null;
  /** Sealed with the keyring (`whsec_…` inside); HMAC verification needs it back. */
  secret: string;
  previous_secret: string | null;
  /** Until then the previous secret verifies too (rotation overlap). */
  previous_secret_until: string | null;
  /** JSON array of CIDRs; empty: any address. */
  ip_allow_list: string;
  /** JSON array of the permission codes its callbacks may use. */
  operations: string;
  is_active: number;
  revoked_at: string | null;
  last_used_at: string | null;
  last_used_ip: string | null;
  created_at: string;
  updated_at: string;
}

export interface InboundNoncesTable {
  credential_id: string;
  /** `SignX-Request-Id` of a verified call, kept for the replay window. */
  request_id: string;
  expires_at: string;
}

declare module '../../../platform/db/schema.js' {
  interface Tables {
    inbound_credentials: InboundCredentialsTable;
    inbound_nonces: InboundNoncesTable;
  }
}
