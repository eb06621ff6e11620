import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/app-context.js';
import { identityDeps } from '../identity.deps.js';
import { identityErrors } from '../identity.errors.js';
import { verifyPasskeyAssertion } from '../passkeys/passkey-assertion.service.js';
import { findUserById, findUserWithFactors, type UserRow } from '../users/users.repository.js';
import { type SecretVerdict, verifySecret } from './secret-verifier.service.js';

/**
 * What the electronic-records module (21 CFR Part 11 signing ceremony) asks identity: the
 * signer's identity, and each secret checked through THE secret verifier (same lockout,
 * login log and audit as sign-in). PINs are hashed here (keyed HMAC, pin-hasher.ts); the
 * hash is stored by the records module (seed 002 User_Signature_Config.pin_hash), which
 * replaces it with a verdict's `rehash` when one is given.
 */
export interface SignerIdentity {
  userId: string;
  username: string;
  fullName: string;
  isActive: boolean;
  hasTotp: boolean;
  /** At least one passkey that is not revoked. */
  hasPasskey: boolean;
}

/**
 * The account row each `signer` answer was read from, kept with that answer (never handed out):
 * a ceremony that passes its signer back to `verify` spares a read of the account per secret
 * (the row of the same request; the lockout itself is counted in SQL, not from this row).
 */
const accountOf = new WeakMap<SignerIdentity, UserRow>();

export const signingFactors = {
  async signer(ctx: AppContext, userId: string): Promise<SignerIdentity | null> {
    const found = await findUserWithFactors(ctx.db, userId);
    if (!found) return null;
    const { has_totp, has_passkey, ...user } = found;
    const signer = {
      userId: user.id,
      username: user.username,
      fullName: user.full_name,
      isActive: user.status === 'active',
      hasTotp: Boolean(has_totp),
      hasPasskey: Boolean(has_passkey),
    };
    accountOf.set(signer, user);
    return signer;
  },

  /**
   * Checks one secret (password, TOTP code or PIN against `pinHash`); outside a transaction.
   * `signer`: the answer of `signer` for this user in the same request, else the account is read.
   */
  async verify(
    ctx: AppContext,
    actor: Actor,
    input: {
      userId: string;
      kind: 'password' | 'totp' | 'pin';
      secret: string;
      pinHash?: string | null;
      signer?: SignerIdentity | null | undefined;
    },
  ): Promise<SecretVerdict> {
    const runtime = identityDeps(ctx);
    const known = input.signer ? accountOf.get(input.signer) : undefined;
    const user = known?.id === input.userId ? known : await findUserById(ctx.db, input.userId);
    if (!user) return { ok: false, reason: `wrong_${input.kind}` };
    return verifySecret(runtime, actor, {
      user,
      kind: input.kind,
      secret: input.secret,
      method: `signature:${input.kind}`,
      storedHash: input.pinHash ?? null,
    });
  },

  /**
   * Checks a passkey assertion for signing: `assertion` is the JSON the ceremony client sends,
   * `{challenge_id, response}`, the challenge from `POST /auth/step-up/passkey/options` (bound
   * to the caller's login session). User verification is always required: a UV=false
   * assertion is refused (40325), as are replays, other origins and a counter that does not
   * advance; each refusal is in the login log and audit trail and counts toward the account
   * lockout (verifyPasskeyAssertion); on a locked account the answer is `locked_out`.
   */
  async verifyPasskey(
    ctx: AppContext,
    actor: Actor,
    input: { userId: string; assertion: string },
  ): Promise<
    | { ok: true }
    | {
        ok: false;
        reason: 'passkey_malformed' | 'passkey_refused' | 'passkey_user_not_verified' | 'locked_out';
      }
  > {
    let parsed: { challenge_id?: unknown; response?: { id?: unknown } | null };
    try {
      parsed = JSON.parse(input.assertion) as typeof parsed;
    } catch {
      return { ok: false, reason: 'passkey_malformed' };
    }
    if (
      typeof parsed?.challenge_id !== 'string' ||
      typeof parsed.response !== 'object' ||
      typeof parsed.response?.id !== 'string'
    )
      return { ok: false, reason: 'passkey_malformed' };
    try {
      await verifyPasskeyAssertion(ctx, {
        userId: input.userId,
        sessionId: actor.sessionId,
        challengeId: parsed.challenge_id,
        response: parsed.response as Parameters<typeof verifyPasskeyAssertion>[1]['response'],
        requireUserVerification: true,
        actor,
        method: 'signature:passkey',
      });
      return { ok: true };
    } catch (error) {
      const api = (error as { domain?: { api?: number } }).domain?.api;
      if (api === undefined) throw error;
      if (api === identityErrors.PASSKEY_ACCOUNT_LOCKED.api) return { ok: false, reason: 'locked_out' };
      const notVerified = api === identityErrors.PASSKEY_USER_VERIFICATION_REQUIRED.api;
      return { ok: false, reason: notVerified ? 'passkey_user_not_verified' : 'passkey_refused' };
    }
  },

  /** The keyed hash of a new PIN (HMAC-SHA-256 under the current keyring PIN key, salted). */
  hash: async (ctx: AppContext, secret: string): Promise<string> => identityDeps(ctx).pinHasher.hash(secret),

  /** Whether `secret` matches a stored PIN hash of either form (PIN history); counts no attempt. */
  matches: async (ctx: AppContext, hashed: string, secret: string): Promise<boolean> =>
    (await identityDeps(ctx).pinHasher.verify(hashed, secret)).ok,
};
