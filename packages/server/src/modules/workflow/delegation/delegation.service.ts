import type { Static } from '@sinclair/typebox';
import type { Actor } from '../../../platform/actor.js';
import { newId } from '../../../platform/db/ids.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { domainError, notFound } from '../../../platform/errors.js';
import { seesAll } from '../approvals/approvals.policy.js';
import type { DelegationDeps } from './delegation.deps.js';
import { delegationErrors } from './delegation.errors.js';
import * as repo from './delegation.repository.js';
import type { newDelegation } from './delegation.schemas.js';

type NewDelegation = Static<typeof newDelegation>;

/** Sets a rule: yours, or (approval administrators) someone else's; ranges of one person never overlap. */
export async function createDelegation(
  trx: Trx,
  deps: DelegationDeps,
  actor: Actor,
  input: NewDelegation,
): Promise<repo.DelegationRow> {
  const userId = input.user_id ?? (actor.userId as string);
  if (userId !== actor.userId && !seesAll(actor)) throw notFound('User');
  const now = deps.clock.now().toISOString();
  const startsAt = new Date(input.starts_at).toISOString();
  const endsAt = new Date(input.ends_at).toISOString();
  if (input.delegate_id === userId || endsAt <= startsAt || endsAt <= now)
    throw domainError(
      delegationErrors.DELEGATION_INVALID,
      'Pick a delegate other than the absent person and a range that ends after it starts, in the future',
    );
  await repo.lockOwner(trx, userId);
  if (await repo.overlaps(trx, userId, startsAt, endsAt))
    throw domainError(delegationErrors.DELEGATION_OVERLAPS, 'A rule already covers part of that time');
  const row: repo.DelegationRow = {
    id: newId(),
    user_id: userId,
    delegate_id: input.delegate_id,
    starts_at: startsAt,
    ends_at: endsAt,
    reason: input.reason ?? null,
    created_by: actor.userId ?? 'system',
    created_at: now,
    revoked_at: null,
  };
  await repo.insertDelegation(trx, row);
  await deps.events.record(trx, actor, {
    type: 'workflow.delegation.created',
    entityId: row.id,
    payload: { user_id: userId, delegate_id: row.delegate_id, starts_at: startsAt, ends_at: endsAt },
    after: { ...row },
  });
  return row;
}

/** Rules not over yet: yours (administrators: everybody's). */
export function listDelegations(db: DbOrTrx, deps: DelegationDeps, actor: Actor) {
  return repo.currentDelegations(db, deps.clock.now().toISOString(), seesAll(actor) ? null : actor.userId);
}

/** Ends a rule now; tasks already handed on stay with the delegate. */
export async function revokeDelegation(
  trx: Trx,
  deps: DelegationDeps,
  actor: Actor,
  id: string,
): Promise<repo.DelegationRow> {
  const row = await repo.findDelegation(trx, id);
  if (!row || (row.user_id !== actor.userId && !seesAll(actor))) throw notFound('Delegation');
  const at = deps.clock.now().toISOString();
  if (row.revoked_at === null && (await repo.revoke(trx, id, at))) {
    await deps.events.record(trx, actor, {
      type: 'workflow.delegation.revoked',
      entityId: id,
      payload: {
        user_id: row.user_id,
        delegate_id: row.delegate_id,
        starts_at: row.starts_at,
        ends_at: row.ends_at,
      },
      before: { revoked_at: null },
      after: { revoked_at: at },
    });
    return { ...row, revoked_at: at };
  }
  return row;
}
