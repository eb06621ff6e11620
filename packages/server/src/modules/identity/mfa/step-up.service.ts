import type { Actor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { recordAttempt } from '../auth/login-attempt.js';
import { verifySecret } from '../auth/secret-verifier.service.js';
import type { IdentityDeps } from '../identity.deps.js';
import { identityEvents, recordIdentity } from '../shared/identity-audit.js';
import { newSecret, plusMinutes } from '../shared/secrets.service.js';
import { findUserById, type UserRow } from '../users/users.repository.js';
import type { SecondFactorMethod } from './second-factor.js';
import { insertStepUpProof } from './step-up-proof.repository.js';

export interface StepUpInput {
  userId: string;
  sessionId: string;
  password?: string | undefined;
  method?: SecondFactorMethod | undefined;
  code?: string | undefined;
}

/**
 * Re-authentication for a sensitive action: the caller proves one or more secrets again
 * and receives a single-use proof valid for STEP_UP_PROOF_MINUTES, bound to its session.
 */
export async function stepUp(runtime: IdentityDeps, actor: Actor, input: StepUpInput) {
  if (!input.password && !input.method)
    throw invalid('password', 'Give the password, a second factor, or both');
  if (input.method && !input.code) throw invalid('code', 'A code is required with a second-factor method');
  const user = await findUserById(runtime.ctx.db, input.userId);
  const factors = user ? await checkFactors(runtime, actor, user, input) : null;
  if (!user || !factors) throw new AppError('UNAUTHENTICATED', 'Re-authentication failed');
  return issueStepUpProof(
    runtime,
    actor,
    { userId: user.id, username: user.username, sessionId: input.sessionId },
    factors,
  );
}

/**
 * The end of every successful step-up, whatever proved it: the attempt logged, the audit
 * event, and a single-use proof bound to the session for STEP_UP_PROOF_MINUTES.
 */
export async function issueStepUpProof(
  runtime: IdentityDeps,
  actor: Actor,
  who: { userId: string; username: string; sessionId: string },
  factors: string[],
) {
  return inTransaction(runtime.ctx.db, async (trx) => {
    const now = runtime.ctx.clock.now().toISOString();
    await recordAttempt(trx, actor, {
      userId: who.userId,
      username: who.username,
      method: `step_up:${factors.join('+')}`,
      result: 'success',
      reason: null,
      now,
    });
    await recordIdentity(trx, actor, {
      action: identityEvents['step_up.succeeded'],
      entityType: 'session',
      entityId: who.sessionId,
      details: { factors },
    });
    const proof = newSecret('sxs_');
    const expiresAt = plusMinutes(now, runtime.settings.stepUpProofMinutes);
    await insertStepUpProof(trx, {
      proof,
      userId: who.userId,
      sessionId: who.sessionId,
      factors,
      now,
      expiresAt,
    });
    return { proof, factors, expires_at: expiresAt };
  });
}

/** Each secret given goes through the secret verifier (lockout, login log, audit); all must be right. */
async function checkFactors(
  runtime: IdentityDeps,
  actor: Actor,
  user: UserRow,
  input: StepUpInput,
): Promise<string[] | null> {
  const factors: string[] = [];
  if (input.password !== undefined) {
    const verdict = await verifySecret(runtime, actor, {
      user,
      kind: 'password',
      secret: input.password,
      method: 'step_up:password',
    });
    if (!verdict.ok) return null;
    factors.push('password');
  }
  if (input.method && input.code) {
    const verdict = await verifySecret(runtime, actor, {
      user,
      kind: input.method,
      secret: input.code,
      method: `step_up:${input.method}`,
      emailCode: { purpose: 'step_up', subject: input.sessionId },
    });
    if (!verdict.ok) return null;
    factors.push(input.method);
  }
  return factors;
}
