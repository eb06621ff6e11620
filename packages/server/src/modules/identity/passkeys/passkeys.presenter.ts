import type { Static } from '@sinclair/typebox';
import { decodeJson } from '../../../platform/db/json-codec.js';
import type { PasskeyRow } from './passkeys.repository.js';
import type { passkeyView } from './passkeys.schemas.js';

/** Row in, response out: never the public key or the counter. */
export function presentPasskey(row: PasskeyRow): Static<typeof passkeyView> {
  return {
    id: row.id,
    name: row.name,
    aaguid: row.aaguid,
    device_type: row.device_type,
    backed_up: row.backed_up === 1,
    transports: decodeJson<string[]>(row.transports) ?? [],
    created_at: row.created_at,
    last_used_at: row.last_used_at,
    revoked_at: row.revoked_at,
  };
}
