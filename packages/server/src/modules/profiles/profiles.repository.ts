import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type { ProfileScope, SigningProfilesTable, SigningProfileVersionsTable } from './profiles.tables.js';

/** All SQL of the profiles module. */
export type ProfileRow = SigningProfilesTable;
export type ProfileVersionRow = SigningProfileVersionsTable;

export async function insertProfile(trx: Trx, row: ProfileRow): Promise<void> {
  await trx.insertInto('signing_profiles').values(row).execute();
}

export async function insertVersion(trx: Trx, row: ProfileVersionRow): Promise<void> {
  await trx.insertInto('signing_profile_versions').values(row).execute();
}

export async function findProfile(db: DbOrTrx, id: string): Promise<ProfileRow | undefined> {
  return db.selectFrom('signing_profiles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findProfileByScope(
  db: DbOrTrx,
  scope: ProfileScope,
  scopeId: string,
): Promise<ProfileRow | undefined> {
  return db
    .selectFrom('signing_profiles')
    .selectAll()
    .where('scope_type', '=', scope)
    .where('scope_id', '=', scopeId)
    .executeTakeFirst();
}

export async function listProfiles(db: DbOrTrx): Promise<ProfileRow[]> {
  return db.selectFrom('signing_profiles').selectAll().orderBy('scope_type').orderBy('scope_id').execute();
}

/** Compare-and-set of the current version: false when someone saved a version first. */
export async function bumpVersion(
  trx: Trx,
  id: string,
  from: number,
  changes: { current_version: number; name: string; updated_at: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('signing_profiles')
    .set(changes)
    .where('id', '=', id)
    .where('current_version', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findVersion(
  db: DbOrTrx,
  profileId: string,
  version: number,
): Promise<ProfileVersionRow | undefined> {
  return db
    .selectFrom('signing_profile_versions')
    .selectAll()
    .where('profile_id', '=', profileId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Every version of a profile, newest first. */
export async function listVersions(db: DbOrTrx, profileId: string): Promise<ProfileVersionRow[]> {
  return db
    .selectFrom('signing_profile_versions')
    .selectAll()
    .where('profile_id', '=', profileId)
    .orderBy('version', 'desc')
    .execute();
}
