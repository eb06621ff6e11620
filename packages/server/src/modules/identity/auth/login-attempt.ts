import type { Actor } from '../../../platform/actor.js';
import type { Trx } from '../../../platform/db/schema.js';
import { logAttempt } from '../login-log/login-log.repository.js';
import { anonymousActor, identityEvents, recordIdentity } from '../shared/identity-audit.js';

/** Where an attempt came from, as the server saw it. */
export interface Origin {
  ip: string;
  userAgent: string;
}

export function originOf(actor: Actor): Origin {
  return { ip: actor.ip ?? '', userAgent: actor.userAgent ?? '' };
}

/** Sign-in methods (`password`, `password+totp`) fail as logins; step-up and signed-in checks as such. */
function attemptFailureAction(method: string): 'login.failed' | 'step_up.failed' | 'secret.rejected' {
  if (method.startsWith('step_up')) return 'step_up.failed';
  return /^password(\+|$)/.test(method) ? 'login.failed' : 'secret.rejected';
}

/**
 * Writes the login log row and the audit event of one attempt, in the caller's
 * transaction: every attempt, successful or not, leaves both.
 */
export async function recordAttempt(
  trx: Trx,
  actor: Actor,
  attempt: {
    userId: string | null;
    username: string;
    method: string;
    result: 'success' | 'failure' | 'challenge';
    reason: string | null;
    now: string;
  },
): Promise<void> {
  const origin = originOf(actor);
  await logAttempt(trx, {
    user_id: attempt.userId,
    username: attempt.username,
    at: attempt.now,
    ip: origin.ip,
    user_agent: origin.userAgent,
    method: attempt.method,
    result: attempt.result,
    reason: attempt.reason,
  });
  if (attempt.result === 'challenge') return;
  const succeeded = attempt.result === 'success';
  const failed = attemptFailureAction(attempt.method);
  await recordIdentity(trx, anonymousActor(actor, attempt.username.slice(0, 128), attempt.userId), {
    action: succeeded ? identityEvents['login.succeeded'] : identityEvents[failed],
    entityType: 'user',
    entityId: attempt.userId,
    result: succeeded ? 'success' : 'failure',
    details: { method: attempt.method, ...(attempt.reason ? { reason: attempt.reason } : {}) },
  });
}
