import { randomBytes } from 'node:crypto';
import type { Actor } from '../../../platform/actor.js';
import { newId } from '../../../platform/db/ids.js';
import { encodeJson } from '../../../platform/db/json-codec.js';
import type { PageRequest } from '../../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { filteredScope, ownerFor, teamNames, viewerOf } from '../owners.service.js';
import { rotatedSecret, sealSecret } from '../secret-seal.js';
import { newWebhookSecret } from '../signature.js';
import type { WebhooksDeps } from '../webhooks.deps.js';
import { mayActOn } from '../webhooks.policy.js';
import * as repo from './inbound.repository.js';
import { normalizeAllowList } from './ip-allow-list.js';

/** What a create or update carries. */
export interface CredentialInput {
  name: string;
  operations: string[];
  ip_allow_list: string[];
  is_active?: boolean | undefined;
  /** Owning team (one of the actor's); null or absent at creation: the actor. On update, absent: unchanged. */
  team_id?: string | null | undefined;
}

/** The credential and, right after creation or rotation only, its secret in clear. */
export interface CredentialWithSecret {
  row: repo.CredentialRow;
  secret: string;
}

/** `ick_` and 80 random bits in hex: public, it names the credential in SignX-Key-Id. */
function newKeyId(): string {
  return `ick_${randomBytes(10).toString('hex')}`;
}

/**
 * Operations are permission codes the callback routes require; the caller must hold each
 * (like an API key, a credential never grants more than its owner has).
 */
function checkInput(deps: WebhooksDeps, actor: Actor, input: CredentialInput) {
  const operations = [...new Set(input.operations)].sort();
  const { list, invalid } = normalizeAllowList(input.ip_allow_list);
  const problems = [
    ...invalid.map((entry) => ({
      field: 'ip_allow_list',
      message: `Not an IPv4/IPv6 address or CIDR: ${entry}`,
    })),
    ...operations
      .filter((code) => !deps.catalogues.permissions.has(code))
      .map((code) => ({ field: 'operations', message: `Unknown operation: ${code}` })),
    ...operations
      .filter((code) => deps.catalogues.permissions.has(code) && !actor.permissions.has(code))
      .map((code) => ({ field: 'operations', message: `You do not hold ${code} yourself` })),
  ];
  if (problems.length > 0)
    throw new AppError('VALIDATION', 'The credential is not valid', { fieldErrors: problems });
  return { operations, ipAllowList: list };
}

/** The credential if the policy lets the actor act on it (webhooks.policy.ts); else 404. */
export async function getCredential(db: DbOrTrx, actor: Actor, id: string): Promise<repo.CredentialRow> {
  const row = await repo.findCredential(db, id);
  if (!row || !mayActOn(await viewerOf(db, actor), 'inbound', row)) throw notFound('Inbound credential');
  return row;
}

/** The credentials the actor may see, optionally only its own ("me") or one team's; with team names. */
export async function listCredentials(db: DbOrTrx, actor: Actor, query: PageRequest & { owner?: string }) {
  const { owner, ...page } = query;
  const viewer = await viewerOf(db, actor);
  const found = await repo.credentialPage(db, filteredScope(viewer, 'inbound', owner), page);
  return {
    ...found,
    teamNames: await teamNames(
      db,
      viewer,
      found.items.map((r) => r.team_id),
    ),
  };
}

export async function createCredential(
  trx: Trx,
  deps: WebhooksDeps,
  actor: Actor,
  input: CredentialInput,
): Promise<CredentialWithSecret> {
  const { operations, ipAllowList } = checkInput(deps, actor, input);
  const owner = await ownerFor(trx, await viewerOf(trx, actor), 'inbound', input.team_id);
  const now = deps.clock.now().toISOString();
  const secret = newWebhookSecret();
  const row: repo.CredentialRow = {
    id: newId(),
    key_id: newKeyId(),
    name: input.name,
    ...owner,
    secret: sealSecret(deps.inboundSealKey, secret),
    previous_secret: null,
    previous_secret_until: null,
    ip_allow_list: encodeJson(ipAllowList),
    operations: encodeJson(operations),
    is_active: input.is_active === false ? 0 : 1,
    revoked_at: null,
    last_used_at: null,
    last_used_ip: null,
    created_at: now,
    updated_at: now,
  };
  await repo.insertCredential(trx, row);
  const payload = {
    team_id: row.team_id,
    key_id: row.key_id,
    name: row.name,
    operations,
    ip_allow_list: ipAllowList,
  };
  await deps.audit.record(trx, actor, {
    type: 'webhooks.inbound.created',
    entityId: row.id,
    payload,
    after: payload,
  });
  return { row, secret };
}

export async function updateCredential(
  trx: Trx,
  deps: WebhooksDeps,
  actor: Actor,
  id: string,
  input: CredentialInput,
): Promise<repo.CredentialRow> {
  const before = await getCredential(trx, actor, id);
  if (before.revoked_at) throw new AppError('CONFLICT', 'A revoked credential cannot be changed');
  const { operations, ipAllowList } = checkInput(deps, actor, input);
  const owner =
    input.team_id !== undefined && input.team_id !== before.team_id
      ? await ownerFor(trx, await viewerOf(trx, actor), 'inbound', input.team_id)
      : { owner_id: before.owner_id, team_id: before.team_id };
  const changes = {
    ...owner,
    name: input.name,
    operations: encodeJson(operations),
    ip_allow_list: encodeJson(ipAllowList),
    is_active: input.is_active === undefined ? before.is_active : input.is_active ? 1 : 0,
    updated_at: deps.clock.now().toISOString(),
  };
  await repo.updateCredential(trx, id, changes);
  const payload = {
    team_id: owner.team_id,
    key_id: before.key_id,
    name: input.name,
    operations,
    ip_allow_list: ipAllowList,
  };
  await deps.audit.record(trx, actor, {
    type: 'webhooks.inbound.updated',
    entityId: id,
    payload,
    after: payload,
  });
  return { ...before, ...changes };
}

/** A new secret; the previous one still verifies until the overlap ends, so callers can switch. */
export async function rotateCredential(
  trx: Trx,
  deps: WebhooksDeps,
  actor: Actor,
  id: string,
): Promise<CredentialWithSecret> {
  const before = await getCredential(trx, actor, id);
  if (before.revoked_at) throw new AppError('CONFLICT', 'A revoked credential cannot be rotated');
  const { secret, until, changes } = rotatedSecret(
    deps.inboundSealKey,
    before.secret,
    deps.clock.now(),
    deps.settings.rotationOverlapMs,
  );
  await repo.updateCredential(trx, id, changes);
  await deps.audit.record(trx, actor, {
    type: 'webhooks.inbound.secret_rotated',
    entityId: id,
    payload: { team_id: before.team_id, key_id: before.key_id, previous_valid_until: until },
  });
  return { row: { ...before, ...changes }, secret };
}

/** Revokes at once and for good (both secrets); revoking a revoked credential changes nothing. */
export async function revokeCredential(
  trx: Trx,
  deps: WebhooksDeps,
  actor: Actor,
  id: string,
): Promise<repo.CredentialRow> {
  const before = await getCredential(trx, actor, id);
  if (before.revoked_at) return before;
  const now = deps.clock.now().toISOString();
  const changes = {
    revoked_at: now,
    is_active: 0,
    previous_secret: null,
    previous_secret_until: null,
    updated_at: now,
  };
  await repo.updateCredential(trx, id, changes);
  await deps.audit.record(trx, actor, {
    type: 'webhooks.inbound.revoked',
    entityId: id,
    payload: { team_id: before.team_id, key_id: before.key_id, name: before.name },
  });
  return { ...before, ...changes };
}
