import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import { decodeJson, encodeJson } from '../../platform/db/json-codec.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { domainError } from '../../platform/errors.js';
import { type SignerIdentity, signingFactors } from '../identity/index.js';
import * as store from './ceremony.repository.js';
import { sendCeremonyAlert } from './ceremony-alert.js';
import { type ComponentContext, type ComponentName, componentNames, components } from './components.js';
import type { PolicyRow } from './policies.repository.js';
import type { RecordsDeps } from './records.deps.js';
import { recordsErrors } from './records.errors.js';
import { findSettings } from './settings.repository.js';

/**
 * The signing ceremony (21 CFR §11.200(a)): the first signature of a signing session needs
 * every component the policy requires (password + further components); later signatures in
 * the same continuous session need one private component (PIN, TOTP, passkey); after the
 * idle or absolute timeout, everything again. A session belongs to one user AND one login
 * session: another browser (another login) cannot use it. Runs outside a transaction: each
 * secret goes through identity's verifier (lockout, login log), each failure is logged here
 * in its own write so it survives the refusal, answers after a growing delay, and repeated
 * failures are reported at once to the security contacts.
 */
export type Credentials = Partial<Record<ComponentName, string>>;

export interface CeremonyOutcome {
  /** The session to record the signature in; `isNew` when the caller must insert it. */
  session: store.SessionRow;
  isNew: boolean;
  factors: ComponentName[];
  /** True when this signing was made with every component (first in its session). */
  isFull: boolean;
}

type Requirement = Pick<PolicyRow, 'authentication_factors' | 'session_timeout' | 'session_absolute_timeout'>;

const MINUTE = 60_000;

/**
 * The actor signs only for themselves, from a signed-in login session (no API keys). A user
 * naming someone else is an attempt at unauthorised use: logged and counted against the
 * actor's own account like a failed ceremony (delay, alert), then refused with 40316.
 */
export async function assertOwnSigner(deps: RecordsDeps, actor: Actor, userId: string): Promise<string> {
  const refusal = () => domainError(recordsErrors.NOT_OWN_SIGNATURE, 'You can only sign for yourself');
  if (actor.type === 'user' && actor.userId && actor.userId !== userId)
    await fail(deps, actor, actor.userId, [], 'signing_for_another_user', null, refusal());
  if (actor.type !== 'user' || actor.userId !== userId) throw refusal();
  if (!actor.sessionId)
    throw domainError(recordsErrors.SESSION_NOT_USABLE, 'Signing needs a signed-in session');
  return actor.sessionId;
}

/** Why a session can no longer carry signatures at `now`, or null while it is live. */
export function sessionExpiry(session: store.SessionRow, rule: Requirement, now: Date): string | null {
  if (session.terminated_at) return session.terminated_reason ?? 'terminated';
  if (now.getTime() - new Date(session.last_used_at).getTime() > rule.session_timeout * MINUTE)
    return 'idle_timeout';
  if (now.getTime() - new Date(session.created_at).getTime() > rule.session_absolute_timeout * MINUTE)
    return 'absolute_timeout';
  return null;
}

export async function runCeremony(
  deps: RecordsDeps,
  actor: Actor,
  input: {
    userId: string;
    credentials: Credentials;
    sessionId?: string | null | undefined;
    rule: Requirement;
    /** The signer as the caller already read them (saves reading the account twice). */
    signer?: SignerIdentity | null | undefined;
  },
): Promise<CeremonyOutcome> {
  const loginSessionId = await assertOwnSigner(deps, actor, input.userId);
  const now = deps.clock.now();
  const given = componentNames.filter((name) => typeof input.credentials[name] === 'string');
  let session = input.sessionId ? await store.findSession(deps.db, input.sessionId) : undefined;
  if (input.sessionId && !session) await fail(deps, actor, input.userId, given, 'unknown_session', null);
  if (session && (session.user_id !== input.userId || session.login_session_id !== loginSessionId))
    await fail(deps, actor, input.userId, given, 'session_of_another_login', null);
  if (session) {
    const expired = sessionExpiry(session, input.rule, now);
    if (expired) {
      await store.terminateSession(deps.db, session.id, { at: now.toISOString(), reason: expired });
      session = undefined;
    }
  }
  // A session opened with fewer components than this policy asks carries no signature of it.
  const opened = session ? (decodeJson<ComponentName[]>(session.factors) ?? []) : [];
  if (session && opened.length < Math.max(1, input.rule.authentication_factors)) session = undefined;
  if (session && session.signatures === 0 && given.length === 0)
    return {
      session,
      isNew: false,
      factors: decodeJson<ComponentName[]>(session.factors) ?? [],
      isFull: true,
    };
  // The signature settings matter to the PIN and the passkey only (availability, hash, expiry).
  const needsSettings = given.includes('pin') || given.includes('passkey');
  const c = await componentContext(deps, actor, input.userId, now, input.signer, needsSettings);
  const sessionId = session?.id ?? null;
  for (const name of given)
    if (!components[name].available(c))
      throw domainError(recordsErrors.COMPONENT_UNAVAILABLE, `The ${name} component is not available to you`);
  if (session) {
    if (!given.some((name) => components[name].continuesSession))
      await fail(deps, actor, input.userId, given, 'private_component_required', sessionId);
  } else {
    const needed = Math.max(1, input.rule.authentication_factors);
    if (!given.includes('password') || given.length < needed)
      await fail(deps, actor, input.userId, given, `full_ceremony_requires_${needed}_components`, null);
  }
  for (const name of given) {
    const verdict = await components[name].verify(c, input.credentials[name] as string);
    if (!verdict.ok) await fail(deps, actor, input.userId, given, verdict.reason, sessionId);
  }
  if (session) return { session, isNew: false, factors: given, isFull: false };
  const at = now.toISOString();
  const fresh: store.SessionRow = {
    id: newId(),
    user_id: input.userId,
    login_session_id: loginSessionId,
    factors: encodeJson(given),
    signatures: 0,
    created_at: at,
    last_used_at: at,
    terminated_at: null,
    terminated_reason: null,
  };
  return { session: fresh, isNew: true, factors: given, isFull: true };
}

export async function componentContext(
  deps: RecordsDeps,
  actor: Actor,
  userId: string,
  now: Date,
  known?: SignerIdentity | null,
  withSettings = true,
): Promise<ComponentContext> {
  const signer = known ?? (await signingFactors.signer(deps.ctx, userId));
  if (!signer?.isActive) throw domainError(recordsErrors.CEREMONY_FAILED, 'The account cannot sign');
  const settings = withSettings ? await findSettings(deps.db, userId) : undefined;
  return {
    signer,
    ctx: deps.ctx,
    actor,
    userId,
    settings,
    hasTotp: signer.hasTotp,
    hasPasskey: signer.hasPasskey,
    now,
  };
}

/**
 * Records a failed ceremony (authentication log, audit), reports the account to the
 * security contacts once per window when failures pile up, waits the growing delay, and
 * refuses (with `refusal` when given). Never returns.
 */
export async function fail(
  deps: RecordsDeps,
  actor: Actor,
  userId: string,
  given: ComponentName[],
  reason: string,
  sessionId: string | null,
  refusal?: Error,
): Promise<never> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const method = given.join('+') || 'none';
  const ip = actor.ip ?? 'unknown';
  const { guard } = deps;
  const since = new Date(now.getTime() - guard.windowSeconds * 1000).toISOString();
  const username = (await signingFactors.signer(deps.ctx, userId))?.username ?? userId;
  const failures = await inTransaction(deps.db, async (trx) => {
    await store.insertAuthLog(trx, {
      id: newId(),
      user_id: userId,
      signature_id: null,
      signing_session_id: sessionId,
      authentication_method: method,
      authentication_result: 'failure',
      attempt_time: at,
      ip_address: ip,
      user_agent: actor.userAgent,
      failure_reason: reason,
    });
    await deps.audit.record(trx, actor, {
      type: 'records.ceremony.failed',
      entityId: userId,
      payload: { method, reason },
    });
    const count = await store.failuresSince(trx, userId, since);
    if (count >= guard.alertThreshold)
      await alertOnce(deps, actor, trx, { userId, username, count, since, ip, now });
    return count;
  });
  await deps.delay(Math.min(guard.delayCapMs, guard.delayBaseMs * 2 ** Math.min(failures - 1, 16)));
  if (refusal) throw refusal;
  throw domainError(
    recordsErrors.CEREMONY_FAILED,
    reason === 'locked_out'
      ? 'Too many wrong attempts: the account is locked for a while'
      : `The signing ceremony failed (${reason})`,
  );
}

async function alertOnce(
  deps: RecordsDeps,
  actor: Actor,
  trx: Parameters<typeof store.claimAlert>[0],
  input: { userId: string; username: string; count: number; since: string; ip: string; now: Date },
): Promise<void> {
  const windowKey = String(Math.floor(input.now.getTime() / (deps.guard.windowSeconds * 1000)));
  const claimed = await store.claimAlert(trx, {
    id: newId(),
    user_id: input.userId,
    kind: 'ceremony_failures',
    window_key: windowKey,
    detail: `${input.count} failures since ${input.since}`,
    created_at: input.now.toISOString(),
  });
  if (!claimed) return;
  await sendCeremonyAlert(trx, deps.ctx, actor, {
    role: deps.guard.securityContactRole,
    username: input.username,
    failures: input.count,
    since: input.since,
    ip: input.ip,
    dedupeKey: `records.ceremony-alert:${input.userId}:${windowKey}`,
  });
  await deps.audit.record(trx, actor, {
    type: 'records.ceremony.alerted',
    entityId: input.userId,
    payload: { failures: input.count },
  });
}
