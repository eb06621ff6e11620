import { systemActor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/app-context.js';
import type { Page, PageRequest } from '../../../platform/db/pagination.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import type { Principal } from '../../../platform/http/access.js';
import { type IdentityDeps, identityDeps } from '../identity.deps.js';
import { dataScopeOf } from '../sessions/principal-details.js';
import { changeStatus } from '../users/user-status.service.js';
import { findUserById } from '../users/users.repository.js';
import * as store from './credentials.repository.js';

/**
 * 21 CFR §11.300: the credential inventory (per user: last use, MFA, passkeys, dormancy)
 * for other modules' reports, and the sweep that disables dormant accounts.
 */
export interface CredentialState {
  userId: string;
  username: string;
  fullName: string;
  status: 'active' | 'locked' | 'disabled';
  createdAt: string;
  lastLoginAt: string | null;
  hasTotp: boolean;
  passkeys: number;
  passkeyLastUsedAt: string | null;
  /** Not disabled, and last used (sign-in, or creation) more than the dormancy period ago. */
  isDormant: boolean;
}

const DAY = 86_400_000;

/** The dormancy period in days (DORMANT_ACCOUNT_DAYS; 0 = off). */
export function dormantAccountDays(ctx: AppContext): number {
  return identityDeps(ctx).settings.dormantAccountDays;
}

/** One page of users in the caller's data scope with the state of their credentials. */
export async function credentialInventory(
  ctx: AppContext,
  principal: Principal,
  filter: Omit<store.CredentialFilter, 'inactiveBefore'> & { dormant?: boolean | undefined },
  page: PageRequest,
): Promise<Page<CredentialState>> {
  const days = dormantAccountDays(ctx);
  const cutoff = days > 0 ? new Date(ctx.clock.now().getTime() - days * DAY).toISOString() : null;
  const { dormant, ...rest } = filter;
  if (dormant === true && !cutoff)
    return { items: [], total: 0, page: page.page, page_size: page.page_size, pages: 0 };
  const query: store.CredentialFilter = { ...rest };
  if (dormant === true && cutoff) query.inactiveBefore = cutoff;
  const result = await store.credentialPage(ctx.db, dataScopeOf(principal), query, page);
  const items = result.items.map((row) => ({
    userId: row.id,
    username: row.username,
    fullName: row.full_name,
    status: row.status,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
    hasTotp: Number(row.has_totp) > 0,
    passkeys: Number(row.passkeys),
    passkeyLastUsedAt: row.passkey_last_used_at,
    isDormant: cutoff !== null && row.status !== 'disabled' && (row.last_login_at ?? row.created_at) < cutoff,
  }));
  return { ...result, items };
}

const SECURITY_ROLE = 'super_admin';

/**
 * Disables every account not used for DORMANT_ACCOUNT_DAYS (one transaction and one
 * `identity.user.disabled` audit event each, reason `dormant`), except that the last active
 * super administrator is never disabled (nobody could enable the others again).
 */
export async function disableDormantAccounts(
  runtime: IdentityDeps,
): Promise<{ disabled: string[]; kept: string[] }> {
  const days = runtime.settings.dormantAccountDays;
  const disabled: string[] = [];
  const kept: string[] = [];
  if (days <= 0) return { disabled, kept };
  const { db, clock } = runtime.ctx;
  const cutoff = new Date(clock.now().getTime() - days * DAY).toISOString();
  const actor = systemActor('identity.dormant-accounts');
  for (const { id } of await store.dormantCandidates(db, cutoff))
    await inTransaction(db, async (trx) => {
      if (!(await store.lockUnlessDisabled(trx, id))) return;
      const user = await findUserById(trx, id);
      if (!user || user.status === 'disabled' || (user.last_login_at ?? user.created_at) >= cutoff) return;
      if (await store.holdsRole(trx, id, SECURITY_ROLE)) {
        await store.lockRole(trx, SECURITY_ROLE);
        if ((await store.otherActiveMembers(trx, SECURITY_ROLE, id)) === 0) {
          kept.push(id);
          return;
        }
      }
      await changeStatus(trx, runtime, actor, {
        user,
        change: 'disable',
        actorUserId: null,
        reason: `dormant: no sign-in for ${days} days`,
      });
      disabled.push(id);
    });
  return { disabled, kept };
}

/** The sweep for callers holding only the app context (the job, tests). */
export function sweepDormantAccounts(ctx: AppContext) {
  return disableDormantAccounts(identityDeps(ctx));
}
