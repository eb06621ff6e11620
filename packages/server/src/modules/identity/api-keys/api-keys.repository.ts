import type { DbOrTrx } from '../../../platform/db/schema.js';

/**
 * Revokes every active key a user owns (when the user is disabled or an administrator
 * resets their password); returns the revoked keys, for the audit trail.
 */
export async function revokeKeysOwnedBy(
  db: DbOrTrx,
  userId: string,
  now: string,
): Promise<{ id: string; name: string }[]> {
  const keys = await db
    .selectFrom('api_keys')
    .select(['id', 'name'])
    .where('owner_user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  if (keys.length > 0)
    await db
      .updateTable('api_keys')
      .set({ revoked_at: now })
      .where(
        'id',
        'in',
        keys.map((k) => k.id),
      )
      .execute();
  return keys;
}
