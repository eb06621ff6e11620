import type { AppContext } from '../../../platform/app-context.js';
import { decodeJson } from '../../../platform/db/json-codec.js';
import type { Trx } from '../../../platform/db/schema.js';
import type { Principal } from '../../../platform/http/access.js';
import { identityErrors, identityRefusal } from '../identity.errors.js';
import { findSession, markSessionSigned } from '../sessions/session.repository.js';
import { claimStepUpProof, findStepUpProof } from './step-up-proof.repository.js';

const notReauthenticated = (message: string) =>
  identityRefusal(identityErrors.REAUTHENTICATION_REQUIRED, message);

/**
 * Consumes a step-up proof of the caller's own, still active session (single use, not
 * expired); returns the factors it proved. Every sensitive action checks proofs here.
 */
async function consumeProof(
  trx: Trx,
  ctx: AppContext,
  input: { proof: string | undefined; userId: string | null; sessionId: string | null },
  message: string,
) {
  const now = ctx.clock.now().toISOString();
  const row = input.proof ? await findStepUpProof(trx, input.proof) : undefined;
  if (!row || row.used_at || row.expires_at <= now || !input.userId || !input.sessionId)
    throw notReauthenticated(message);
  if (row.user_id !== input.userId || row.session_id !== input.sessionId) throw notReauthenticated(message);
  const session = await findSession(trx, input.sessionId);
  if (!session || session.revoked_at) throw notReauthenticated('The session has ended');
  const factors = decodeJson<string[]>(row.factors) ?? [];
  if (factors.length === 0) throw notReauthenticated(message);
  return { row, session, factors, now };
}

/**
 * What an administrator's change of another user's email, password or MFA needs: a fresh
 * step-up proof (POST /auth/step-up) of the administrator's own session, sent as
 * `X-Step-Up-Proof`. API keys have no session and can never make these changes.
 */
export async function requireAdministrativeReauthentication(
  trx: Trx,
  ctx: AppContext,
  input: { proof: string | undefined; userId: string | null; sessionId: string | null },
): Promise<{ factors: string[] }> {
  const message = 'Confirm with your password or a second factor (POST /auth/step-up) and send the proof';
  const { row, factors, now } = await consumeProof(trx, ctx, input, message);
  if (!(await claimStepUpProof(trx, row.id, now))) throw notReauthenticated(message);
  return { factors };
}

/** The X-Step-Up-Proof header, when sent (routes hand it to the service). */
export function stepUpProofHeader(headers: Record<string, unknown>): string | undefined {
  const value = headers['x-step-up-proof'];
  return typeof value === 'string' ? value : undefined;
}

/** `requireAdministrativeReauthentication` for `principal`'s own session. */
export async function requireStepUpProof(
  trx: Trx,
  ctx: AppContext,
  principal: Principal,
  proof: string | undefined,
) {
  return requireAdministrativeReauthentication(trx, ctx, {
    proof,
    userId: principal.kind === 'user' ? principal.userId : null,
    sessionId: principal.sessionId,
  });
}

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
  const { row, session, factors, now } = await consumeProof(
    trx,
    ctx,
    input,
    'Re-authenticate before signing',
  );
  const firstInSession = session.signed_at === null;
  const hasSecondFactor = factors.some((f) => f !== 'password');
  if (firstInSession && !(factors.includes('password') && hasSecondFactor))
    throw notReauthenticated('The first signature in a session needs your password and a second factor');
  if (!(await claimStepUpProof(trx, row.id, now))) throw notReauthenticated('Re-authenticate before signing');
  if (firstInSession) await markSessionSigned(trx, session.id, now);
  return { factors, firstInSession };
}
