import type { SelectQueryBuilder } from 'kysely';
import type { Tables } from '../../platform/db/schema.js';
import type { OwnerScope } from './webhooks.policy.js';

/** The policy's list scope and the list's owner filter (owners.service.ts). */
export type ListScope = OwnerScope & { owner?: { userId: string } | { teamId: string } };

/** The tables whose rows a user or a team owns (`owner_id`, nullable `team_id`). */
type OwnedTable = 'webhook_endpoints' | 'inbound_credentials';

/**
 * Narrows a list of owned rows to the scope (own rows without a team, or the scope's teams'
 * rows; everything for `all`), then to the list's owner filter ("me": own rows only). The
 * one SQL form of webhooks.policy's visibility rule, for endpoints and credentials alike.
 */
export function inListScope<T extends OwnedTable, O>(
  query: SelectQueryBuilder<Tables, T, O>,
  scope: ListScope,
): SelectQueryBuilder<Tables, T, O> {
  // Both tables have the same owner columns; the builder is typed on one of them here.
  let q = query as unknown as SelectQueryBuilder<Tables, 'webhook_endpoints', O>;
  if (!scope.all) {
    const { userId, teamIds } = scope;
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('team_id', 'is', null), eb('owner_id', '=', userId)]),
        ...(teamIds.length > 0 ? [eb('team_id', 'in', teamIds)] : []),
      ]),
    );
  }
  if (scope.owner && 'teamId' in scope.owner) q = q.where('team_id', '=', scope.owner.teamId);
  if (scope.owner && 'userId' in scope.owner) {
    q = q.where('team_id', 'is', null).where('owner_id', '=', scope.owner.userId);
  }
  return q as unknown as SelectQueryBuilder<Tables, T, O>;
}
