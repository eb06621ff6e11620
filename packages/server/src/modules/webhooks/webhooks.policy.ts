import type { Actor } from '../../platform/actor.js';
import { hasPermission } from '../../platform/actor.js';

/**
 * Who may see and act on a webhook endpoint or an inbound callback credential
 * (docs/integration.md, "Owners"). A row is owned by a user (`team_id` null) or by a team
 * (an identity department). Deny by default; a row the actor may not act on is reported as
 * absent (404), never as forbidden, so an id guessed across teams leaks nothing.
 */
export interface Owned {
  owner_id: string;
  team_id: string | null;
}

/** The actor and the teams it belongs to (identity's `teamsOfUser`), resolved once per request. */
export interface Viewer {
  actor: Actor;
  teamIds: ReadonlySet<string>;
}

/** The manage permission per kind of row: the one its routes require. */
export type OwnedKind = 'endpoint' | 'inbound';
const managePermission: Record<OwnedKind, string> = {
  endpoint: 'webhooks.endpoint.manage',
  inbound: 'webhooks.inbound.manage',
};
const adminPermission = 'webhooks.endpoint.admin';

/** Rows a list may show: everything (admin), or the actor's own plus its teams'. */
export type OwnerScope = { all: true } | { all: false; userId: string; teamIds: readonly string[] };

export function isWebhooksAdmin(actor: Actor): boolean {
  return hasPermission(actor, adminPermission);
}

/** The user a row is owned by when created without a team (the API key's owner for a key). */
export function personalOwner(actor: Actor): string {
  return actor.userId ?? actor.id ?? 'system';
}

/** The admin sees every row; anyone else its own (no team) and, with the manage permission, its teams'. */
export function mayActOn(viewer: Viewer, kind: OwnedKind, row: Owned): boolean {
  const { actor } = viewer;
  if (isWebhooksAdmin(actor)) return true;
  if (!hasPermission(actor, managePermission[kind])) return false;
  if (row.team_id === null) return actor.userId !== null && row.owner_id === actor.userId;
  return viewer.teamIds.has(row.team_id);
}

export function listScope(viewer: Viewer, kind: OwnedKind): OwnerScope {
  if (isWebhooksAdmin(viewer.actor)) return { all: true };
  const allowed = hasPermission(viewer.actor, managePermission[kind]);
  return {
    all: false,
    userId: allowed ? (viewer.actor.userId ?? '') : '',
    teamIds: allowed ? [...viewer.teamIds] : [],
  };
}

/**
 * Whether the actor may give a new row (or move one) to `teamId`: a member of that team
 * holding the manage permission; the admin may pick any existing team.
 */
export function mayAssignTeam(viewer: Viewer, kind: OwnedKind, teamId: string): boolean {
  if (isWebhooksAdmin(viewer.actor)) return true;
  return hasPermission(viewer.actor, managePermission[kind]) && viewer.teamIds.has(teamId);
}
