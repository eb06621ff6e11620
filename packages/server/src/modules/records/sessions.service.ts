import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import { decodeJson } from '../../platform/db/json-codec.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { domainError, notFound } from '../../platform/errors.js';
import { assertTimeAndPlace } from './behaviour.service.js';
import * as store from './ceremony.repository.js';
import { assertOwnSigner, type Credentials, runCeremony, sessionExpiry } from './ceremony.service.js';
import { policyInForce } from './policies.service.js';
import type { RecordsDeps } from './records.deps.js';
import { recordsErrors } from './records.errors.js';

/**
 * The seed's authentication service (§8.1.2): `authenticate` runs the full ceremony for the
 * policy of the operation about to be signed and opens a signing session whose first
 * signature it covers (seed §5.3.1: identity first, then the intent, then the signature);
 * `verifySession` says whether a session can still carry signatures; `terminateSession`
 * ends it. Sessions are the caller's own, from the same login session, or they do not exist.
 */
export const DEFAULT_RULE = { authentication_factors: 2, session_timeout: 15, session_absolute_timeout: 480 };

export async function authenticate(
  deps: RecordsDeps,
  actor: Actor,
  input: { userId: string; credentials: Credentials; resourceType?: string; operationType?: string },
) {
  await assertOwnSigner(deps, actor, input.userId);
  const policy =
    input.resourceType && input.operationType
      ? await policyInForce(deps.db, input.resourceType, input.operationType)
      : null;
  if (policy) await assertTimeAndPlace(deps, actor, input.userId, policy);
  const rule = policy ?? DEFAULT_RULE;
  const outcome = await runCeremony(deps, actor, {
    userId: input.userId,
    credentials: input.credentials,
    rule,
  });
  await inTransaction(deps.db, async (trx) => {
    await store.insertSession(trx, outcome.session);
    await store.insertAuthLog(trx, {
      id: newId(),
      user_id: input.userId,
      signature_id: null,
      signing_session_id: outcome.session.id,
      authentication_method: `full:${outcome.factors.join('+')}`,
      authentication_result: 'success',
      attempt_time: outcome.session.created_at,
      ip_address: actor.ip ?? 'unknown',
      user_agent: actor.userAgent,
      failure_reason: null,
    });
    await deps.audit.record(trx, actor, {
      type: 'records.session.opened',
      entityId: outcome.session.id,
      payload: { factors: outcome.factors },
    });
  });
  return { session: outcome.session, rule };
}

async function ownSession(deps: RecordsDeps, actor: Actor, sessionId: string) {
  const session = await store.findSession(deps.db, sessionId);
  if (!session || session.user_id !== actor.userId) throw notFound('Signing session');
  if (session.login_session_id !== actor.sessionId)
    throw domainError(recordsErrors.SESSION_NOT_USABLE, 'This signing session belongs to another login');
  return session;
}

export async function verifySession(deps: RecordsDeps, actor: Actor, sessionId: string) {
  const session = await ownSession(deps, actor, sessionId);
  const expired = sessionExpiry(session, DEFAULT_RULE, deps.clock.now());
  return {
    session,
    isActive: expired === null,
    endedBecause: expired,
    factors: decodeJson<string[]>(session.factors) ?? [],
  };
}

export async function terminateSession(deps: RecordsDeps, actor: Actor, sessionId: string) {
  const session = await ownSession(deps, actor, sessionId);
  const at = deps.clock.now().toISOString();
  return inTransaction(deps.db, async (trx) => {
    const ended = await store.terminateSession(trx, session.id, { at, reason: 'terminated_by_user' });
    if (ended)
      await deps.audit.record(trx, actor, {
        type: 'records.session.terminated',
        entityId: session.id,
        payload: { reason: 'terminated_by_user' },
      });
    return ended;
  });
}
