import type { DbOrTrx } from '../../../platform/db/schema.js';

/** The delivery a full-message link points to (by the SHA-256 of its token). */
export async function findByViewToken(db: DbOrTrx, hash: string) {
  return db
    .selectFrom('notification_deliveries')
    .select(['subject', 'body', 'extra', 'created_at'])
    .where('view_token_hash', '=', hash)
    .executeTakeFirst();
}
