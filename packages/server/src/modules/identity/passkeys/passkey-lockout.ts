import type { AppContext } from '../../../platform/app-context.js';
import {
  releaseAccountAttempt,
  reserveAccountAttempt,
  settleAccountFailure,
} from '../auth/attempt-limits.repository.js';
import { identityDeps } from '../identity.deps.js';
import { identityErrors, identityRefusal } from '../identity.errors.js';
import { plusMinutes } from '../shared/secrets.service.js';

/**
 * Runs one passkey assertion counted against the account lockout, exactly as THE secret
 * verifier counts a password, code or PIN (auth/secret-verifier.service.ts): reserved before
 * the check, given back when it passed, kept (and locking at the threshold) when it failed.
 * Without this, a stolen session could try assertions (a cloned or another person's key)
 * without ever locking the account that guards signing and step-up. A locked account is
 * refused before its challenge is touched (40134).
 */
export async function countedAgainstLockout<T>(
  ctx: AppContext,
  userId: string,
  attempt: () => Promise<T>,
): Promise<T> {
  const { lockoutThreshold: threshold, lockoutMinutes } = identityDeps(ctx).settings;
  const now = ctx.clock.now().toISOString();
  if (!(await reserveAccountAttempt(ctx.db, { userId, now, threshold })))
    throw identityRefusal(
      identityErrors.PASSKEY_ACCOUNT_LOCKED,
      'Too many wrong attempts: the account is locked for a while',
    );
  let result: T;
  try {
    result = await attempt();
  } catch (error) {
    await settleAccountFailure(ctx.db, { userId, threshold, lockedUntil: plusMinutes(now, lockoutMinutes) });
    throw error;
  }
  await releaseAccountAttempt(ctx.db, userId);
  return result;
}
