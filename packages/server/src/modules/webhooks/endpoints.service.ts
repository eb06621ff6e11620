import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import { decodeJson, encodeJson } from '../../platform/db/json-codec.js';
import type { PageRequest } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { domainError, notFound } from '../../platform/errors.js';
import { checkEndpointUrl } from './endpoint-url.js';
import * as repo from './endpoints.repository.js';
import { filteredScope, ownerFor, teamNames, viewerOf } from './owners.service.js';
import { rotatedSecret, sealSecret, unsealSecret } from './secret-seal.js';
import { newWebhookSecret } from './signature.js';
import type { WebhooksDeps } from './webhooks.deps.js';
import { webhooksErrors } from './webhooks.errors.js';
import { mayActOn } from './webhooks.policy.js';

/** What a create or update carries. */
export interface EndpointInput {
  url: string;
  event_types: string[];
  description?: string | null | undefined;
  is_active?: boolean | undefined;
  /** Owning team (one of the actor's); null or absent at creation: the actor. On update, absent: unchanged. */
  team_id?: string | null | undefined;
}

/** The endpoint and, right after creation or rotation only, its secret in clear. */
export interface EndpointWithSecret {
  row: repo.EndpointRow;
  secret: string | null;
}

/**
 * The endpoint if the policy lets the actor act on it (own, its team's, or any with the
 * admin permission); else 404, the same answer as for an id that does not exist.
 */
export async function getEndpoint(db: DbOrTrx, actor: Actor, id: string): Promise<repo.EndpointRow> {
  const row = await repo.findEndpoint(db, id);
  if (!row || !mayActOn(await viewerOf(db, actor), 'endpoint', row)) throw notFound('Webhook endpoint');
  return row;
}

/** The endpoints the actor may see, optionally only its own ("me") or one team's; with team names. */
export async function listEndpoints(db: DbOrTrx, actor: Actor, query: PageRequest & { owner?: string }) {
  const { owner, ...page } = query;
  const viewer = await viewerOf(db, actor);
  const found = await repo.endpointPage(db, filteredScope(viewer, 'endpoint', owner), page);
  const names = await teamNames(
    db,
    viewer,
    found.items.map((r) => r.team_id),
  );
  return { ...found, teamNames: names };
}

function checkInput(deps: WebhooksDeps, input: EndpointInput): { url: string; types: string[] } {
  const url = checkEndpointUrl(input.url, deps.allowList);
  const types = [...new Set(input.event_types)].sort();
  const unknown = types.filter((t) => !deps.catalogues.integrationEvents.has(t));
  if (unknown.length > 0) {
    throw domainError(webhooksErrors.WEBHOOK_EVENT_UNKNOWN, `Unknown event types: ${unknown.join(', ')}`, {
      details: { unknown },
    });
  }
  return { url, types };
}

function auditedUrl(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  return parsed.toString();
}

export async function createEndpoint(
  trx: Trx,
  deps: WebhooksDeps,
  actor: Actor,
  input: EndpointInput,
): Promise<EndpointWithSecret> {
  const { url, types } = checkInput(deps, input);
  const owner = await ownerFor(trx, await viewerOf(trx, actor), 'endpoint', input.team_id);
  const now = deps.clock.now().toISOString();
  const secret = newWebhookSecret();
  const row: repo.EndpointRow = {
    id: newId(),
    ...owner,
    url,
    description: input.description ?? null,
    event_types: encodeJson(types),
    is_active: input.is_active === false ? 0 : 1,
    secret: sealSecret(deps.sealKey, secret),
    previous_secret: null,
    previous_secret_until: null,
    failing_since: null,
    disabled_reason: null,
    created_at: now,
    updated_at: now,
  };
  await repo.insertEndpoint(trx, row);
  const payload = { team_id: row.team_id, url: auditedUrl(url), event_types: types };
  await deps.audit.record(trx, actor, {
    type: 'webhooks.endpoint.created',
    entityId: row.id,
    payload,
    after: payload,
  });
  return { row, secret };
}

export async function updateEndpoint(
  trx: Trx,
  deps: WebhooksDeps,
  actor: Actor,
  id: string,
  input: EndpointInput,
): Promise<repo.EndpointRow> {
  const before = await getEndpoint(trx, actor, id);
  const { url, types } = checkInput(deps, input);
  const moved = input.team_id !== undefined && input.team_id !== before.team_id;
  const owner = moved
    ? await ownerFor(trx, await viewerOf(trx, actor), 'endpoint', input.team_id)
    : { owner_id: before.owner_id, team_id: before.team_id };
  const reactivated = input.is_active === true && before.is_active === 0;
  const changes = {
    url,
    event_types: encodeJson(types),
    description: input.description ?? null,
    is_active: input.is_active === undefined ? before.is_active : input.is_active ? 1 : 0,
    ...(reactivated ? { failing_since: null, disabled_reason: null } : {}),
    ...owner,
    updated_at: deps.clock.now().toISOString(),
  };
  await repo.updateEndpoint(trx, id, changes);
  const payload = { team_id: owner.team_id, url: auditedUrl(url), event_types: types };
  await deps.audit.record(trx, actor, { type: 'webhooks.endpoint.updated', entityId: id, payload });
  return { ...before, ...changes };
}

/** A new secret; the previous one keeps signing (a second `v1,` signature) until the overlap ends. */
export async function rotateSecret(
  trx: Trx,
  deps: WebhooksDeps,
  actor: Actor,
  id: string,
): Promise<EndpointWithSecret> {
  const before = await getEndpoint(trx, actor, id);
  const { secret, until, changes } = rotatedSecret(
    deps.sealKey,
    before.secret,
    deps.clock.now(),
    deps.settings.rotationOverlapMs,
  );
  await repo.updateEndpoint(trx, id, changes);
  await deps.audit.record(trx, actor, {
    type: 'webhooks.endpoint.secret_rotated',
    entityId: id,
    payload: { team_id: before.team_id, previous_valid_until: until },
  });
  return { row: { ...before, ...changes }, secret };
}

export async function deleteEndpoint(trx: Trx, deps: WebhooksDeps, actor: Actor, id: string): Promise<void> {
  const row = await getEndpoint(trx, actor, id);
  await repo.deleteEndpoint(trx, id);
  const payload = {
    team_id: row.team_id,
    url: auditedUrl(row.url),
    event_types: decodeJson<string[]>(row.event_types) ?? [],
  };
  await deps.audit.record(trx, actor, { type: 'webhooks.endpoint.deleted', entityId: id, payload });
}

/** The secrets that sign now: the current one, and the previous one during the overlap. */
export function liveSecrets(deps: WebhooksDeps, row: repo.EndpointRow, now: Date): string[] {
  const secrets = [unsealSecret(deps.sealKey, row.secret)];
  if (row.previous_secret && row.previous_secret_until && row.previous_secret_until > now.toISOString()) {
    secrets.push(unsealSecret(deps.sealKey, row.previous_secret));
  }
  return secrets;
}
