import { checkCertificatePolicy, type HashName, type PolicyCheckResult } from '@signx/pades';
import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { domainError, notFound } from '../../platform/errors.js';
import { checkAppearance } from './profile-appearance.js';
import type { ProfilesDeps } from './profiles.deps.js';
import { profilesErrors } from './profiles.errors.js';
import * as repo from './profiles.repository.js';
import { certificatePolicyOf, PLATFORM_DEFAULT, type ProfileSettings } from './profiles.settings.js';
import type { ProfileScope } from './profiles.tables.js';

/**
 * Signing profiles: saving a profile writes a new immutable version and moves the profile's
 * current version by compare-and-set (a stale editor gets PROFILE_VERSION_CONFLICT and nothing
 * is written); every save is audited in the same transaction.
 */
export interface SaveProfile {
  scope_type: ProfileScope;
  scope_id: string;
  name: string;
  settings: ProfileSettings;
  note?: string | null;
  /** The version the editor started from; omitted when creating. */
  base_version?: number;
}

export interface ResolvedProfile {
  /** The profile that applied, or null for the built-in platform default. */
  profile_id: string | null;
  scope_type: ProfileScope;
  scope_id: string;
  version: number;
  settings: ProfileSettings;
}

function checkScope(scope: ProfileScope, scopeId: string): void {
  const ok = scope === 'platform' ? scopeId === '*' : scopeId.trim().length > 0 && scopeId !== '*';
  if (!ok) {
    throw domainError(profilesErrors.PROFILE_SCOPE_INVALID, `scope ${scope} cannot have id "${scopeId}"`);
  }
}

export async function saveProfile(
  trx: Trx,
  deps: ProfilesDeps,
  actor: Actor,
  input: SaveProfile,
): Promise<{ profile: repo.ProfileRow; version: repo.ProfileVersionRow }> {
  checkScope(input.scope_type, input.scope_id);
  checkAppearance(input.settings);
  const now = deps.clock.now().toISOString();
  const existing = await repo.findProfileByScope(trx, input.scope_type, input.scope_id);
  const base = existing?.current_version ?? 0;
  if ((input.base_version ?? 0) !== base) {
    throw domainError(
      profilesErrors.PROFILE_VERSION_CONFLICT,
      `the profile is at version ${base}, not ${input.base_version ?? 0}`,
    );
  }
  const version = base + 1;
  let profile: repo.ProfileRow;
  if (existing) {
    const moved = await repo.bumpVersion(trx, existing.id, base, {
      current_version: version,
      name: input.name,
      updated_at: now,
    });
    if (!moved) throw domainError(profilesErrors.PROFILE_VERSION_CONFLICT, 'the profile changed meanwhile');
    profile = { ...existing, current_version: version, name: input.name, updated_at: now };
  } else {
    profile = {
      id: newId(),
      scope_type: input.scope_type,
      scope_id: input.scope_id,
      name: input.name,
      current_version: 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertProfile(trx, profile);
  }
  const row: repo.ProfileVersionRow = {
    id: newId(),
    profile_id: profile.id,
    version,
    settings: JSON.stringify(input.settings),
    note: input.note ?? null,
    created_by: actor.userId,
    created_at: now,
  };
  await repo.insertVersion(trx, row);
  const before = existing ? await repo.findVersion(trx, existing.id, base) : undefined;
  await deps.audit.record(trx, actor, {
    type: 'profiles.profile.version_saved',
    entityId: profile.id,
    payload: { scope_type: profile.scope_type, scope_id: profile.scope_id, version, note: row.note },
    before: before ? JSON.parse(before.settings) : null,
    after: input.settings as unknown as Record<string, unknown>,
  });
  return { profile, version: row };
}

export async function getProfile(db: DbOrTrx, id: string): Promise<repo.ProfileRow> {
  const row = await repo.findProfile(db, id);
  if (!row) throw notFound('Signing profile');
  return row;
}

export async function getVersion(db: DbOrTrx, id: string, version: number): Promise<repo.ProfileVersionRow> {
  const row = await repo.findVersion(db, id, version);
  if (!row) throw notFound('Signing profile version');
  return row;
}

export const listProfiles = (db: DbOrTrx) => repo.listProfiles(db);
export const listVersions = (db: DbOrTrx, id: string) => repo.listVersions(db, id);

/** The profile that applies: template, then department, then organisation, then platform default. */
export async function resolveProfile(
  db: DbOrTrx,
  target: { template?: string | null; department?: string | null; organisation?: string | null },
): Promise<ResolvedProfile> {
  const order: [ProfileScope, string | null | undefined][] = [
    ['template', target.template],
    ['department', target.department],
    ['organisation', target.organisation],
    ['platform', '*'],
  ];
  for (const [scope, id] of order) {
    if (!id) continue;
    const p = await repo.findProfileByScope(db, scope, id);
    if (!p) continue;
    const v = await repo.findVersion(db, p.id, p.current_version);
    if (!v) continue;
    const settings = JSON.parse(v.settings) as ProfileSettings;
    return { profile_id: p.id, scope_type: scope, scope_id: id, version: v.version, settings };
  }
  return { profile_id: null, scope_type: 'platform', scope_id: '*', version: 0, settings: PLATFORM_DEFAULT };
}

/** The profile's certificate policy applied to a certificate (before signing, and in reports). */
export function checkAgainstProfile(
  settings: ProfileSettings,
  certificate: Uint8Array,
  signingHash?: HashName,
): PolicyCheckResult {
  return checkCertificatePolicy(certificate, certificatePolicyOf(settings), signingHash);
}

/** Throws PROFILE_CERTIFICATE_REJECTED (nothing signed) when the certificate fails the policy. */
export function assertCertificateAllowed(
  settings: ProfileSettings,
  certificate: Uint8Array,
  hash?: HashName,
): void {
  const result = checkAgainstProfile(settings, certificate, hash);
  if (!result.ok) {
    throw domainError(
      profilesErrors.PROFILE_CERTIFICATE_REJECTED,
      `certificate rejected by the signing profile: ${result.problems.map((p) => p.message).join('; ')}`,
      { details: { problems: result.problems } },
    );
  }
}

/**
 * Tries each TSA in order until one answers (failover); `stamp` is the caller's time-stamp
 * client. Throws the last error when all fail, listing every TSA tried.
 */
export async function withTsaFailover<T>(
  urls: readonly string[],
  stamp: (url: string) => Promise<T>,
): Promise<T> {
  const errors: string[] = [];
  for (const url of urls) {
    try {
      return await stamp(url);
    } catch (err) {
      errors.push(`${url}: ${(err as Error).message}`);
    }
  }
  throw new Error(`no time-stamp authority answered (${errors.join('; ') || 'none configured'})`);
}
