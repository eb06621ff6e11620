import { type Page, type PageRequest, paginate } from '../../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { inListScope, type ListScope } from '../owned-rows.repository.js';
import type { InboundCredentialsTable } from './inbound.tables.js';

/** All SQL on inbound callback credentials and the replay window's request ids. */
export type CredentialRow = InboundCredentialsTable;

export async function insertCredential(trx: Trx, row: CredentialRow): Promise<void> {
  await trx.insertInto('inbound_credentials').values(row).execute();
}

export function findCredential(db: DbOrTrx, id: string): Promise<CredentialRow | undefined> {
  return db.selectFrom('inbound_credentials').selectAll().where('id', '=', id).executeTakeFirst();
}

export function credentialByKeyId(db: DbOrTrx, keyId: string): Promise<CredentialRow | undefined> {
  return db.selectFrom('inbound_credentials').selectAll().where('key_id', '=', keyId).executeTakeFirst();
}

/** The credentials in the list scope (owned-rows.repository.ts). */
export function credentialPage(
  db: DbOrTrx,
  scope: ListScope,
  page: PageRequest,
): Promise<Page<CredentialRow>> {
  const query = inListScope(db.selectFrom('inbound_credentials').selectAll(), scope);
  return paginate(query, page, {
    created_at: 'created_at',
    name: 'name',
  });
}

export async function updateCredential(
  db: DbOrTrx,
  id: string,
  changes: Partial<Omit<CredentialRow, 'id' | 'key_id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('inbound_credentials').set(changes).where('id', '=', id).execute();
}

/**
 * Remembers a verified request id; false when it was already seen (a replay). The primary
 * key decides, so two nodes racing on one replayed request still accept it once.
 */
export async function claimNonce(
  db: DbOrTrx,
  nonce: { credential_id: string; request_id: string; expires_at: string },
): Promise<boolean> {
  try {
    await db.insertInto('inbound_nonces').values(nonce).execute();
    return true;
  } catch (error) {
    const seen = await db
      .selectFrom('inbound_nonces')
      .select('request_id')
      .where('credential_id', '=', nonce.credential_id)
      .where('request_id', '=', nonce.request_id)
      .executeTakeFirst();
    if (seen) return false;
    throw error;
  }
}

/** Request ids past the window go now and then, by an indexed range delete. */
export async function purgeNonces(db: DbOrTrx, now: string): Promise<void> {
  await db.deleteFrom('inbound_nonces').where('expires_at', '<', now).execute();
}
