import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/app-context.js';
import { identityDeps } from '../identity.deps.js';
import { hasTotp } from '../mfa/totp.service.js';
import { findUserById } from '../users/users.repository.js';
import { type SecretVerdict, verifySecret } from './secret-verifier.service.js';

/**
 * What the electronic-records module (21 CFR Part 11 signing ceremony) asks identity: the
 * signer's identity, and each secret checked through THE secret verifier (same lockout,
 * login log and audit as sign-in). PINs are hashed here with the same argon2id hasher; the
 * hash is stored by the records module (seed 002 User_Signature_Config.pin_hash).
 */
export interface SignerIdentity {
  userId: string;
  username: string;
  fullName: string;
  isActive: boolean;
  hasTotp: boolean;
}

export const signingFactors = {
  async signer(ctx: AppContext, userId: string): Promise<SignerIdentity | null> {
    const user = await findUserById(ctx.db, userId);
    if (!user) return null;
    return {
      userId: user.id,
      username: user.username,
      fullName: user.full_name,
      isActive: user.status === 'active',
      hasTotp: await hasTotp(ctx.db, user.id),
    };
  },

  /** Checks one secret (password, TOTP code or PIN against `pinHash`); outside a transaction. */
  async verify(
    ctx: AppContext,
    actor: Actor,
    input: { userId: string; kind: 'password' | 'totp' | 'pin'; secret: string; pinHash?: string | null },
  ): Promise<SecretVerdict> {
    const runtime = identityDeps(ctx);
    const user = await findUserById(ctx.db, input.userId);
    if (!user) return { ok: false, reason: `wrong_${input.kind}` };
    return verifySecret(runtime, actor, {
      user,
      kind: input.kind,
      secret: input.secret,
      method: `signature:${input.kind}`,
      storedHash: input.pinHash ?? null,
    });
  },

  /** The argon2id hash of a new PIN (the password hasher, so one cost setting covers both). */
  hash: (ctx: AppContext, secret: string): Promise<string> => identityDeps(ctx).hasher.hash(secret),

  /** Whether `secret` matches a stored hash (PIN history); counts no attempt. */
  matches: (ctx: AppContext, hashed: string, secret: string): Promise<boolean> =>
    identityDeps(ctx).hasher.verify(hashed, secret),
};
