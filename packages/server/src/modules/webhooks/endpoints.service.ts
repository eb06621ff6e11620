import type { Actor } from '../../platform/actor.js';
import { hasPermission } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import { decodeJson, encodeJson } from '../../platform/db/json-codec.js';
import type { PageRequest } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { domainError, notFound } from '../../platform/errors.js';
import { checkEndpointUrl } from './endpoint-url.js';
import * as repo from './endpoints.repository.js';
import { rotatedSecret, sealSecret, unsealSecret } from './secret-seal.js';
import { newWebhookSecret } from './signature.js';
import type { WebhooksDeps } from './webhooks.deps.js';
import { webhooksErrors } from './webhooks.errors.js';

/** What a create or update carries. */
export interface EndpointInput {
  url: string;
  event_types: string[];
  description?: string | null | undefined;
  is_active?: boolean | undefined;
}

/** The endpoint and, right after creation or rotation only, its secret in clear. */
export interface EndpointWithSecret {
  row: repo.EndpointRow;
  secret: string | null;
}

function scopeOf(actor: Actor): repo.EndpointScope {
  return hasPermission(actor, 'webhooks.endpoint.admin') ? { all: true } : { ownerId: actor.userId ?? '' };
}

/** The endpoint if the actor may see it (own, or every one with the admin permission); else 404. */
export async function getEndpoint(db: DbOrTrx, actor: Actor, id: string): Promise<repo.EndpointRow> {
  const row = await repo.findEndpoint(db, id);
  const scope = scopeOf(actor);
  if (!row || ('ownerId' in scope && row.owner_id !== scope.ownerId)) throw notFound('Webhook endpoint');
  return row;
}

export function listEndpoints(db: DbOrTrx, actor: Actor, page: PageRequest) {
  return repo.endpointPage(db, scopeOf(actor), page);
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
  const now = deps.clock.now().toISOString();
  const secret = newWebhookSecret();
  const row: repo.EndpointRow = {
    id: newId(),
    owner_id: actor.userId ?? actor.id ?? 'system',
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
  const payload = { url: auditedUrl(url), event_types: types };
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
  const reactivated = input.is_active === true && before.is_active === 0;
  const changes = {
    url,
    event_types: encodeJson(types),
    description: input.description ?? null,
    is_active: input.is_active === undefined ? before.is_active : input.is_active ? 1 : 0,
    ...(reactivated ? { failing_since: null, disabled_reason: null } : {}),
    updated_at: deps.clock.now().toISOString(),
  };
  await repo.updateEndpoint(trx, id, changes);
  const payload = { url: auditedUrl(url), event_types: types };
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
    payload: { previous_valid_until: until },
  });
  return { row: { ...before, ...changes }, secret };
}

export async function deleteEndpoint(trx: Trx, deps: WebhooksDeps, actor: Actor, id: string): Promise<void> {
  const row = await getEndpoint(trx, actor, id);
  await repo.deleteEndpoint(trx, id);
  const payload = { url: auditedUrl(row.url), event_types: decodeJson<string[]>(row.event_types) ?? [] };
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
