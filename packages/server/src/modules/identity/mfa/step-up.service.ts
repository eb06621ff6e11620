import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/app-context.js';
import { newId } from '../../../platform/db/ids.js';
import { decodeJson, encodeJson } from '../../../platform/db/json-codec.js';
import type { Trx } from '../../../platform/db/schema.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { countFailure } from '../auth/lockout.js';
import { logAttempt } from '../login-log/login-log.repository.js';
import { identityEvents, recordIdentity } from '../shared/identity-audit.js';
import type { IdentityRuntime } from '../shared/identity-runtime.js';
import { newSecret, plusMinutes, sha256Hex } from '../shared/secrets.js';
import { findUserById } from '../users/users.repository.js';
import { type SecondFactorMethod, verifySecondFactor } from './second-factor.js';

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
export async function stepUp(runtime: IdentityRuntime, request: FastifyRequest, input: StepUpInput) {
  if (!input.password && !input.method)
    throw invalid('password', 'Give the password, a second factor, or both');
  if (input.method && !input.code) throw invalid('code', 'A code is required with a second-factor method');
  const result = await inTransaction(runtime.ctx.db, async (trx) => {
    const now = runtime.ctx.clock.now().toISOString();
    const user = await findUserById(trx, input.userId);
    const lockedOut = !user || (user.locked_until !== null && user.locked_until > now);
    const factors = lockedOut ? { ok: false as const } : await checkFactors(trx, runtime, input);
    if (!factors.ok && user && !lockedOut) await countFailure(runtime, trx, user, now);
    const method = factors.ok ? factors.factors.join('+') : 'step_up';
    await logAttempt(trx, {
      user_id: input.userId,
      username: user?.username ?? '',
      at: now,
      ip: request.ip,
      user_agent: String(request.headers['user-agent'] ?? '').slice(0, 500),
      method: `step_up:${method}`,
      result: factors.ok ? 'success' : 'failure',
      reason: factors.ok ? null : lockedOut ? 'locked_out' : 'wrong_secret',
    });
    await recordIdentity(trx, request, {
      action: factors.ok ? identityEvents['step_up.succeeded'] : identityEvents['step_up.failed'],
      entityType: 'session',
      entityId: input.sessionId,
      result: factors.ok ? 'success' : 'failure',
      details: factors.ok ? { factors: factors.factors } : {},
    });
    if (!factors.ok) return null;
    const proof = newSecret('sxs_');
    const expiresAt = plusMinutes(now, runtime.settings.stepUpProofMinutes);
    await trx
      .insertInto('step_up_proofs')
      .values({
        id: newId(),
        proof_hash: sha256Hex(proof),
        user_id: input.userId,
        session_id: input.sessionId,
        factors: encodeJson(factors.factors),
        created_at: now,
        expires_at: expiresAt,
        used_at: null,
      })
      .execute();
    return { proof, factors: factors.factors, expires_at: expiresAt };
  });
  if (!result) throw new AppError('UNAUTHENTICATED', 'Re-authentication failed');
  return result;
}

async function checkFactors(trx: Trx, runtime: IdentityRuntime, input: StepUpInput) {
  const factors: string[] = [];
  if (input.password !== undefined) {
    const user = await findUserById(trx, input.userId);
    if (!user?.password_hash || !(await runtime.hasher.verify(user.password_hash, input.password)))
      return { ok: false as const };
    factors.push('password');
  }
  if (input.method && input.code) {
    const valid = await verifySecondFactor(trx, runtime, {
      userId: input.userId,
      method: input.method,
      code: input.code,
      purpose: 'step_up',
      subject: input.sessionId,
    });
    if (!valid) return { ok: false as const };
    factors.push(input.method);
  }
  return { ok: true as const, factors };
}

const notReauthenticated = (message: string) =>
  new AppError('FORBIDDEN', message, { details: { reason: 'reauthentication_required' } });

/**
 * The verifier signing calls (21 CFR §11.200(a)(1)): consumes a step-up proof of the
 * signer's own session. The first signature in a session needs password AND a second
 * factor; later signatures in the same session need at least one secret. Single use.
 */
export async function verifySigningReauthentication(
  trx: Trx,
  ctx: AppContext,
  input: { proof: string; userId: string; sessionId: string },
): Promise<{ factors: string[]; firstInSession: boolean }> {
  const now = ctx.clock.now().toISOString();
  const row = await trx
    .selectFrom('step_up_proofs')
    .selectAll()
    .where('proof_hash', '=', sha256Hex(input.proof))
    .executeTakeFirst();
  if (
    !row ||
    row.used_at ||
    row.expires_at <= now ||
    row.user_id !== input.userId ||
    row.session_id !== input.sessionId
  )
    throw notReauthenticated('Re-authenticate before signing');
  const session = await trx
    .selectFrom('user_sessions')
    .selectAll()
    .where('id', '=', input.sessionId)
    .executeTakeFirst();
  if (!session || session.revoked_at) throw notReauthenticated('The session has ended');
  const factors = decodeJson<string[]>(row.factors) ?? [];
  const firstInSession = session.signed_at === null;
  const hasSecondFactor = factors.some((f) => f !== 'password');
  if (firstInSession && !(factors.includes('password') && hasSecondFactor))
    throw notReauthenticated('The first signature in a session needs your password and a second factor');
  if (factors.length === 0) throw notReauthenticated('Re-authenticate before signing');
  const used = await trx
    .updateTable('step_up_proofs')
    .set({ used_at: now })
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) throw notReauthenticated('Re-authenticate before signing');
  if (firstInSession)
    await trx.updateTable('user_sessions').set({ signed_at: now }).where('id', '=', session.id).execute();
  return { factors, firstInSession };
}
