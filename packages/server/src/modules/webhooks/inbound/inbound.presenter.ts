import { decodeJson } from '../../../platform/db/json-codec.js';
import type { CredentialRow } from './inbound.repository.js';

/** Row in, response out; the sealed secrets never leave. */
export function presentCredential(row: CredentialRow, teamNames?: ReadonlyMap<string, string>) {
  return {
    id: row.id,
    key_id: row.key_id,
    name: row.name,
    owner_id: row.owner_id,
    team_id: row.team_id,
    team_name: row.team_id ? (teamNames?.get(row.team_id) ?? null) : null,
    operations: decodeJson<string[]>(row.operations) ?? [],
    ip_allow_list: decodeJson<string[]>(row.ip_allow_list) ?? [],
    is_active: row.is_active === 1,
    revoked_at: row.revoked_at,
    previous_secret_until: row.previous_secret_until,
    last_used_at: row.last_used_at,
    last_used_ip: row.last_used_ip,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
