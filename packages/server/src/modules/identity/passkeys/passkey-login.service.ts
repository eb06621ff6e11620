import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/errors.js';
import {
  countChallengeFailure,
  finishChallenge,
  pendingChallengeUser,
} from '../auth/login-challenge.service.js';
import type { IdentityDeps } from '../identity.deps.js';
import type { TokenPair } from '../sessions/session.service.js';
import { createPasskeyAssertionOptions, verifyPasskeyAssertion } from './passkey-assertion.service.js';

const badChallenge = () =>
  new AppError('UNAUTHENTICATED', 'The sign-in challenge is not valid; sign in again');

/**
 * A passkey as the second step of a sign-in: assertion options for the user of a pending
 * sign-in challenge (the password was already right). The passkey challenge has no session
 * yet; it is bound to the user and checked again with the sign-in challenge.
 */
export async function startPasskeyLogin(
  runtime: IdentityDeps,
  challengeToken: string,
): Promise<{ challengeId: string; expiresAt: string; options: PublicKeyCredentialRequestOptionsJSON }> {
  const open = await pendingChallengeUser(runtime, challengeToken);
  if (!open) throw badChallenge();
  return createPasskeyAssertionOptions(runtime.ctx, { userId: open.user.id, sessionId: null });
}

/** Completes the sign-in with a passkey (user verification required); a refusal counts against the challenge. */
export async function completePasskeyLogin(
  runtime: IdentityDeps,
  actor: Actor,
  input: { challengeToken: string; challengeId: string; response: AuthenticationResponseJSON },
): Promise<TokenPair> {
  const open = await pendingChallengeUser(runtime, input.challengeToken);
  if (!open) throw badChallenge();
  try {
    await verifyPasskeyAssertion(runtime.ctx, {
      userId: open.user.id,
      sessionId: null,
      challengeId: input.challengeId,
      response: input.response,
      requireUserVerification: true,
      actor,
      method: 'password+passkey',
    });
  } catch (error) {
    await countChallengeFailure(runtime, open);
    throw error;
  }
  return finishChallenge(runtime, actor, open, 'password+passkey');
}
