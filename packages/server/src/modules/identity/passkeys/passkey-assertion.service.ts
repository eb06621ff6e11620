import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  type PublicKeyCredentialRequestOptionsJSON,
  verifyAuthenticationResponse,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import type { AppContext } from '../../../platform/app-context.js';
import { decodeJson } from '../../../platform/db/json-codec.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, domainError } from '../../../platform/errors.js';
import { identityErrors, identityRefusal } from '../identity.errors.js';
import { type Actor, identityEvents, recordIdentity } from '../shared/identity-audit.js';
import {
  consumeChallenge,
  passkeyRefused,
  relyingParty,
  storeChallenge,
} from './passkey-challenges.service.js';
import { recordPasskeyFailure } from './passkey-failures.js';
import { countedAgainstLockout } from './passkey-lockout.js';
import {
  activePasskeysOf,
  advancePasskeyCounter,
  findPasskeyByCredentialId,
  type PasskeyRow,
} from './passkeys.repository.js';

/** The passkey an accepted assertion used, as the caller (step-up, signing ceremony) needs it. */
export interface VerifiedPasskey {
  passkeyId: string;
  credentialId: string;
  name: string;
  userVerified: boolean;
  counter: number;
}

/**
 * Assertion options for `userId`'s active passkeys (user verification required), with a
 * single-use challenge bound to `sessionId` (null only before a session exists). Send
 * `options` to the browser (`startAuthentication`) and keep `challengeId` for the verify call.
 */
export async function createPasskeyAssertionOptions(
  ctx: AppContext,
  input: { userId: string; sessionId: string | null },
): Promise<{ challengeId: string; expiresAt: string; options: PublicKeyCredentialRequestOptionsJSON }> {
  return inTransaction(ctx.db, async (trx) => {
    const passkeys = await activePasskeysOf(trx, input.userId);
    if (passkeys.length === 0) throw passkeyRefused('You have no passkey');
    const options = await generateAuthenticationOptions({
      rpID: relyingParty(ctx).rpId,
      userVerification: 'required',
      allowCredentials: passkeys.map((p) => ({ id: p.credential_id, transports: transportsOf(p) })),
    });
    const stored = await storeChallenge(trx, ctx, {
      ...input,
      purpose: 'authentication',
      challenge: options.challenge,
    });
    return { challengeId: stored.id, expiresAt: stored.expiresAt, options };
  });
}

export interface VerifyPasskeyAssertionInput {
  userId: string;
  /** The session the challenge was issued to (null when it was issued without one). */
  sessionId: string | null;
  challengeId: string;
  response: AuthenticationResponseJSON;
  /** Refuse an assertion whose UV flag is not set (signing: always true). */
  requireUserVerification: boolean;
  /** Who is asking, for the audit trail and login log (default: a system actor). */
  actor?: Actor;
  /** Login-log method, e.g. 'passkey', 'step_up:passkey', 'signature:passkey'. */
  method?: string;
}

/**
 * Verifies a WebAuthn assertion of `userId` against the stored challenge and passkey: the
 * challenge is used up first (a replay fails even when the first try did), then origin and
 * RP id (from PUBLIC_URL), signature, user presence, user verification when required, and
 * the signature counter, which must advance (else: possible clone, refused and audited).
 * Every refusal is written to the audit trail and login log in its own committed
 * transaction, then thrown (40125, 40325, 40326), and counts toward the account lockout like
 * a wrong password; a locked account is refused at once (40134, passkey-lockout.ts). Runs its own transactions: call it
 * before the caller's write transaction, not inside it.
 */
export async function verifyPasskeyAssertion(
  ctx: AppContext,
  input: VerifyPasskeyAssertionInput,
): Promise<VerifiedPasskey> {
  const actor = input.actor ?? 'identity:passkey';
  try {
    return await countedAgainstLockout(ctx, input.userId, async () => {
      const challenge = await inTransaction(ctx.db, (trx) =>
        consumeChallenge(trx, ctx, {
          id: input.challengeId,
          userId: input.userId,
          sessionId: input.sessionId,
          purpose: 'authentication',
        }),
      );
      return checkAssertion(ctx, input, challenge, actor);
    });
  } catch (error) {
    await recordPasskeyFailure(ctx, actor, {
      userId: input.userId,
      method: input.method ?? 'passkey',
      error,
    });
    throw error;
  }
}

async function checkAssertion(
  ctx: AppContext,
  input: VerifyPasskeyAssertionInput,
  challenge: string,
  actor: Actor,
): Promise<VerifiedPasskey> {
  const row = await findPasskeyByCredentialId(ctx.db, input.response.id);
  if (!row || row.user_id !== input.userId || row.revoked_at)
    throw passkeyRefused('This passkey is not registered to you, or was revoked');
  const info = await verifiedInfo(ctx, input, row, challenge);
  if (input.requireUserVerification && !info.userVerified)
    throw identityRefusal(
      identityErrors.PASSKEY_USER_VERIFICATION_REQUIRED,
      'This action needs a passkey that verifies you (fingerprint, face or device PIN)',
    );
  const stored = Number(row.counter);
  if ((stored > 0 || info.newCounter > 0) && info.newCounter <= stored)
    throw counterRegression(stored, info.newCounter);
  return inTransaction(ctx.db, async (trx) => {
    const now = ctx.clock.now().toISOString();
    const advanced = await advancePasskeyCounter(trx, {
      id: row.id,
      from: stored,
      to: info.newCounter,
      backedUp: info.credentialBackedUp,
      now,
    });
    if (!advanced)
      throw passkeyRefused('The passkey was used by another request at the same time, or revoked');
    await recordIdentity(trx, actor, {
      action: identityEvents['passkey.verified'],
      entityType: 'user',
      entityId: input.userId,
      details: { passkey_id: row.id, user_verified: info.userVerified, method: input.method ?? 'passkey' },
    });
    return {
      passkeyId: row.id,
      credentialId: row.credential_id,
      name: row.name,
      userVerified: info.userVerified,
      counter: info.newCounter,
    };
  });
}

/** The library's checks (challenge, origin, RP id, type, UP, signature); the counter is ours. */
async function verifiedInfo(
  ctx: AppContext,
  input: VerifyPasskeyAssertionInput,
  row: PasskeyRow,
  challenge: string,
) {
  const rp = relyingParty(ctx);
  try {
    const result = await verifyAuthenticationResponse({
      response: input.response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpId,
      credential: { id: row.credential_id, publicKey: isoBase64URL.toBuffer(row.public_key), counter: 0 },
      requireUserVerification: false,
    });
    if (!result.verified) throw passkeyRefused('The passkey signature is not valid');
    return result.authenticationInfo;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw passkeyRefused(`The passkey response was refused: ${(error as Error).message}`);
  }
}

function counterRegression(stored: number, presented: number) {
  const code = identityErrors.PASSKEY_COUNTER_REGRESSION;
  return domainError(
    code,
    'The passkey’s signature counter did not advance; it may have been cloned. Contact your administrator.',
    { details: { reason: code.name.toLowerCase(), stored_counter: stored, presented_counter: presented } },
  );
}

function transportsOf(row: PasskeyRow): AuthenticatorTransportFuture[] {
  return decodeJson<AuthenticatorTransportFuture[]>(row.transports) ?? [];
}
