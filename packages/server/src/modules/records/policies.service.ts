import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import { encodeJson } from '../../platform/db/json-codec.js';
import type { Page, PageRequest } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { conflict, domainError, invalid, notFound } from '../../platform/errors.js';
import { requireChangeReason } from '../../platform/regulated-records.js';
import { signableOperation } from './operations.js';
import * as policies from './policies.repository.js';
import type { NewPolicy, PolicyChange } from './policies.schemas.js';
import type { RecordsDeps } from './records.deps.js';
import { recordsErrors } from './records.errors.js';
import { timePlaceFields } from './time-place.js';

/**
 * Signature policies: one in force per resource type and operation, versioned (a change
 * adds a version and retires the previous one, so every signature keeps the exact rules it
 * was made under), every change audited. The routes check `records.policy.manage`.
 */
function rowFields(input: PolicyChange) {
  if (input.session_absolute_timeout < input.session_timeout)
    throw invalid('session_absolute_timeout', 'The absolute timeout cannot be shorter than the idle timeout');
  const meanings = [...new Set(input.allowed_meanings.map((m) => m.trim()))];
  if (meanings.some((m) => !m)) throw invalid('allowed_meanings', 'A meaning cannot be blank');
  return {
    policy_name: input.policy_name,
    signature_level: input.signature_level,
    authentication_factors: input.authentication_factors,
    session_timeout: input.session_timeout,
    session_absolute_timeout: input.session_absolute_timeout,
    cooling_period: input.cooling_period,
    require_reason: input.require_reason ? 1 : 0,
    allowed_meanings: encodeJson(meanings),
    ...timePlaceFields(input),
    pades_level: input.pades_level ?? null,
  };
}

const payloadOf = (row: policies.PolicyRow) => ({
  policy_key: row.policy_key,
  version: row.version,
  resource_type: row.resource_type,
  operation_type: row.operation_type,
});

export async function createPolicy(
  trx: Trx,
  deps: RecordsDeps,
  actor: Actor,
  input: NewPolicy,
): Promise<policies.PolicyRow> {
  if (!signableOperation(input.resource_type, input.operation_type))
    throw domainError(
      recordsErrors.UNKNOWN_OPERATION,
      `${input.resource_type}/${input.operation_type} is not a registered signable operation`,
    );
  if (await policies.currentPolicyFor(trx, input.resource_type, input.operation_type))
    throw conflict('A policy for this resource type and operation is in force already; change it instead');
  const now = deps.clock.now().toISOString();
  const id = newId();
  const row: policies.PolicyRow = {
    id,
    policy_key: id,
    version: 1,
    is_current: 1,
    resource_type: input.resource_type,
    operation_type: input.operation_type,
    ...rowFields(input),
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await policies.insertPolicy(trx, row);
  await deps.audit.record(trx, actor, {
    type: 'records.policy.created',
    entityId: row.policy_key,
    payload: payloadOf(row),
    after: { ...row },
  });
  return row;
}

/** A new version of the policy `key`; the one in force is retired in the same transaction. */
export async function changePolicy(
  trx: Trx,
  deps: RecordsDeps,
  actor: Actor,
  key: string,
  input: PolicyChange,
): Promise<policies.PolicyRow> {
  const current = await policies.currentPolicyByKey(trx, key);
  if (!current) throw notFound('Signature policy');
  const reason = await policyChangeReason(trx, key, 'change', input.reason);
  const now = deps.clock.now().toISOString();
  const fields = rowFields(input);
  if (!(await policies.retireVersion(trx, current.id, now)))
    throw conflict('The policy changed meanwhile; reload it and try again');
  const row: policies.PolicyRow = {
    ...current,
    ...fields,
    id: newId(),
    version: current.version + 1,
    is_current: 1,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await policies.insertPolicy(trx, row);
  await deps.audit.record(trx, actor, {
    type: 'records.policy.changed',
    entityId: key,
    payload: payloadOf(row),
    before: { ...current },
    after: { ...row },
    reason,
  });
  return row;
}

/** Takes a policy out of force: its operation can no longer be signed until a new one exists. */
export async function retirePolicy(
  trx: Trx,
  deps: RecordsDeps,
  actor: Actor,
  key: string,
  givenReason?: string,
): Promise<void> {
  const current = await policies.currentPolicyByKey(trx, key);
  if (!current) throw notFound('Signature policy');
  const reason = await policyChangeReason(trx, key, 'delete', givenReason);
  if (!(await policies.retireVersion(trx, current.id, deps.clock.now().toISOString())))
    throw conflict('The policy changed meanwhile; reload it and try again');
  await deps.audit.record(trx, actor, {
    type: 'records.policy.retired',
    entityId: key,
    payload: payloadOf(current),
    before: { ...current },
    reason,
  });
}

/** Policies are regulated records (records.regulated.ts): a change or retirement says why. */
const policyChangeReason = (trx: Trx, key: string, change: 'change' | 'delete', reason?: string) =>
  requireChangeReason(trx, { resourceType: 'signature_policy', resourceId: key, change, reason });

export function listPolicies(
  db: DbOrTrx,
  query: PageRequest & { resource_type?: string; include_history?: boolean },
): Promise<Page<policies.PolicyRow>> {
  return policies.policyPage(db, query, query);
}

export async function policyHistory(db: DbOrTrx, key: string): Promise<policies.PolicyRow[]> {
  const rows = await policies.policyVersions(db, key);
  if (rows.length === 0) throw notFound('Signature policy');
  return rows;
}

/** The policy in force for a signing, or 404 (nothing is signable without one). */
export async function policyInForce(db: DbOrTrx, resourceType: string, operationType: string) {
  if (!signableOperation(resourceType, operationType))
    throw domainError(recordsErrors.UNKNOWN_OPERATION, `${resourceType}/${operationType} is not registered`);
  const row = await policies.currentPolicyFor(db, resourceType, operationType);
  if (!row)
    throw domainError(recordsErrors.NO_POLICY, `No signature policy covers ${resourceType}/${operationType}`);
  return row;
}
