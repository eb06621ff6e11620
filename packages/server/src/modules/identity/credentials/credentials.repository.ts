import { type ExpressionBuilder, sql } from 'kysely';
import { type Page, type PageRequest, paginate } from '../../../platform/db/pagination.js';
import type { DbOrTrx, Tables } from '../../../platform/db/schema.js';
import type { DataScope } from '../roles/data-scope.js';
import { applyDataScope } from '../roles/data-scope.repository.js';

/** All SQL of the credential inventory and the dormant-account sweep (21 CFR §11.300). */
export interface CredentialFilter {
  q?: string | undefined;
  status?: 'active' | 'locked' | 'disabled' | undefined;
  has_totp?: boolean | undefined;
  has_passkey?: boolean | undefined;
  /** Only accounts not disabled and last used (signed in, or created when never) before this time. */
  inactiveBefore?: string | undefined;
}

export interface CredentialRow {
  id: string;
  username: string;
  full_name: string;
  status: 'active' | 'locked' | 'disabled';
  created_at: string;
  last_login_at: string | null;
  disabled_at: string | null;
  has_totp: number;
  passkeys: number;
  passkey_last_used_at: string | null;
}

const lastUse = sql<string>`coalesce(users.last_login_at, users.created_at)`;

export function credentialPage(
  db: DbOrTrx,
  scope: DataScope,
  filter: CredentialFilter,
  page: PageRequest,
): Promise<Page<CredentialRow>> {
  let query = applyDataScope(
    db
      .selectFrom('users')
      .select([
        'users.id',
        'users.username',
        'users.full_name',
        'users.status',
        'users.created_at',
        'users.last_login_at',
        'users.disabled_at',
      ])
      .select((eb) => [
        eb
          .selectFrom('totp_factors')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('totp_factors.user_id', '=', 'users.id')
          .where('totp_factors.confirmed_at', 'is not', null)
          .as('has_totp'),
        eb
          .selectFrom('identity_passkeys')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('identity_passkeys.user_id', '=', 'users.id')
          .where('identity_passkeys.revoked_at', 'is', null)
          .as('passkeys'),
        eb
          .selectFrom('identity_passkeys')
          .select((sub) => sub.fn.max('identity_passkeys.last_used_at').as('m'))
          .whereRef('identity_passkeys.user_id', '=', 'users.id')
          .where('identity_passkeys.revoked_at', 'is', null)
          .as('passkey_last_used_at'),
      ]),
    scope,
    { owner: 'users.id', department: 'users.department_id' },
  );
  if (filter.q) {
    const like = `%${filter.q}%`;
    query = query.where((eb) =>
      eb.or([eb('users.username', 'like', like), eb('users.full_name', 'like', like)]),
    );
  }
  if (filter.status) query = query.where('users.status', '=', filter.status);
  if (filter.has_totp !== undefined) {
    const bound = (eb: ExpressionBuilder<Tables, 'users'>) =>
      eb.exists(
        eb
          .selectFrom('totp_factors')
          .select('totp_factors.user_id')
          .whereRef('totp_factors.user_id', '=', 'users.id')
          .where('totp_factors.confirmed_at', 'is not', null),
      );
    query = query.where((eb) => (filter.has_totp ? bound(eb) : eb.not(bound(eb))));
  }
  if (filter.has_passkey !== undefined) {
    const owns = (eb: ExpressionBuilder<Tables, 'users'>) =>
      eb.exists(
        eb
          .selectFrom('identity_passkeys')
          .select('identity_passkeys.id')
          .whereRef('identity_passkeys.user_id', '=', 'users.id')
          .where('identity_passkeys.revoked_at', 'is', null),
      );
    query = query.where((eb) => (filter.has_passkey ? owns(eb) : eb.not(owns(eb))));
  }
  if (filter.inactiveBefore)
    query = query.where(lastUse, '<', filter.inactiveBefore).where('users.status', '!=', 'disabled');
  return paginate(
    query,
    page,
    {
      username: 'users.username',
      created_at: 'users.created_at',
      last_login_at: 'users.last_login_at',
    },
    'users.id',
  ) as Promise<Page<CredentialRow>>;
}

/** Accounts not disabled whose last use lies before `cutoff`, oldest first. */
export function dormantCandidates(db: DbOrTrx, cutoff: string) {
  return db
    .selectFrom('users')
    .select(['users.id'])
    .where('users.status', '!=', 'disabled')
    .where(lastUse, '<', cutoff)
    .orderBy(lastUse)
    .orderBy('users.id')
    .execute();
}

/** Active members of role `code`, other than `exceptUserId`. */
export async function otherActiveMembers(db: DbOrTrx, code: string, exceptUserId: string): Promise<number> {
  const row = await db
    .selectFrom('user_roles')
    .innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select((eb) => eb.fn.count<number>('users.id').distinct().as('n'))
    .where('roles.code', '=', code)
    .where('users.status', '=', 'active')
    .where('users.id', '!=', exceptUserId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function holdsRole(db: DbOrTrx, userId: string, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('user_roles')
    .innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .select('user_roles.user_id')
    .where('roles.code', '=', code)
    .where('user_roles.user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Takes the user's row lock when the account is not disabled (false otherwise), so two
 * sweeps running at once cannot both disable it: the second waits, then finds it disabled.
 */
export async function lockUnlessDisabled(db: DbOrTrx, userId: string): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set((eb) => ({ row_version: eb.ref('row_version') }))
    .where('id', '=', userId)
    .where('status', '!=', 'disabled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Serialises decisions about a role's members (the last active super administrator). */
export async function lockRole(db: DbOrTrx, code: string): Promise<void> {
  await db
    .updateTable('roles')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('code', '=', code)
    .execute();
}
