import type { Actor } from '../../platform/actor.js';
import type { DbOrTrx } from '../../platform/db/schema.js';
import { domainError } from '../../platform/errors.js';
import { type Team, teamById, teamsOfUser } from '../identity/index.js';
import { webhooksErrors } from './webhooks.errors.js';
import {
  isWebhooksAdmin,
  listScope,
  mayAssignTeam,
  type OwnedKind,
  type OwnerScope,
  personalOwner,
  type Viewer,
} from './webhooks.policy.js';

/**
 * Owners of endpoints and callback credentials: a user, or a team (an identity department,
 * see webhooks.policy.ts). Resolves the actor's teams and checks a chosen team.
 */
export async function viewerOf(db: DbOrTrx, actor: Actor): Promise<Viewer & { teams: Team[] }> {
  const teams = actor.userId ? await teamsOfUser(db, actor.userId) : [];
  return { actor, teams, teamIds: new Set(teams.map((t) => t.id)) };
}

/** The owner columns of a new row: the actor, or `teamId` when the actor may give it to that team. */
export async function ownerFor(
  db: DbOrTrx,
  viewer: Viewer,
  kind: OwnedKind,
  teamId: string | null | undefined,
): Promise<{ owner_id: string; team_id: string | null }> {
  const owner_id = personalOwner(viewer.actor);
  if (!teamId) return { owner_id, team_id: null };
  if (!mayAssignTeam(viewer, kind, teamId)) {
    throw domainError(webhooksErrors.WEBHOOK_TEAM_NOT_MEMBER, 'You can give it only to one of your teams');
  }
  if (!(await teamById(db, teamId))) throw domainError(webhooksErrors.WEBHOOK_TEAM_NOT_FOUND, 'No such team');
  return { owner_id, team_id: teamId };
}

/** A list's rows: the policy's scope narrowed by the `owner` filter ("me" or a team id). */
export function filteredScope(
  viewer: Viewer,
  kind: OwnedKind,
  owner: string | undefined,
): OwnerScope & { owner?: { userId: string } | { teamId: string } } {
  const scope = listScope(viewer, kind);
  if (owner === undefined) return scope;
  const userId = viewer.actor.userId ?? '';
  if (owner === 'me') return { ...scope, owner: { userId } };
  if (!isWebhooksAdmin(viewer.actor) && !viewer.teamIds.has(owner)) {
    throw domainError(
      webhooksErrors.WEBHOOK_OWNER_FILTER_INVALID,
      'Filter by owner "me" or by one of your teams',
    );
  }
  return { ...scope, owner: { teamId: owner } };
}

/** Team names for a page of rows (the viewer's teams known already; others, for the admin, looked up). */
export async function teamNames(
  db: DbOrTrx,
  viewer: { teams: readonly Team[] },
  teamIds: readonly (string | null)[],
): Promise<Map<string, string>> {
  const names = new Map(viewer.teams.map((t) => [t.id, t.name]));
  for (const id of new Set(teamIds)) {
    if (id && !names.has(id)) names.set(id, (await teamById(db, id))?.name ?? id);
  }
  return names;
}

/** The team name of one row, for a single-row response (no query when the row has no team). */
export function teamNameOf(db: DbOrTrx, row: { team_id: string | null }): Promise<Map<string, string>> {
  return teamNames(db, { teams: [] }, [row.team_id]);
}

/** The actor's teams, for the owner picker (GET /webhooks/teams). */
export async function myTeams(db: DbOrTrx, actor: Actor): Promise<Team[]> {
  return (await viewerOf(db, actor)).teams;
}
