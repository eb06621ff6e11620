import { authenticator } from 'otplib';
import { newId } from '../../../platform/db/ids.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { conflict, invalid } from '../../../platform/errors.js';
import type { IdentityDeps } from '../identity.deps.js';
import { decryptSecret, encryptSecret, newRecoveryCode, sha256Hex } from '../shared/secrets.service.js';
import {
  advanceTotpStep,
  confirmTotpFactor,
  deleteTotp,
  findTotpFactor,
  replaceRecoveryCodeHashes,
  replaceTotpFactor,
  useRecoveryCodeHash,
} from './totp.repository.js';
import { totpDelta } from './totp-code.js';

const stepSeconds = 30;
const recoveryCodeCount = 10;

export async function hasTotp(db: DbOrTrx, userId: string): Promise<boolean> {
  const row = await findTotpFactor(db, userId);
  return Boolean(row?.confirmed_at);
}

/** Step 1 of binding: a new secret (stored encrypted, unconfirmed) and its otpauth:// URI. */
export async function startTotpBinding(
  trx: Trx,
  runtime: IdentityDeps,
  user: { id: string; username: string },
) {
  if (await hasTotp(trx, user.id)) throw conflict('An authenticator is already bound; unbind it first');
  const secret = authenticator.generateSecret(20);
  await replaceTotpFactor(trx, {
    user_id: user.id,
    secret_encrypted: encryptSecret(runtime.totpKey, secret),
    confirmed_at: null,
    last_step: 0,
    created_at: runtime.ctx.clock.now().toISOString(),
  });
  return { secret, otpauth_uri: authenticator.keyuri(user.username, 'SignX', secret) };
}

/**
 * Checks a TOTP code for `userId`. A code is accepted once: its time step must be newer than
 * the last accepted step (the conditional update also stops two racing requests).
 */
export async function verifyTotp(
  trx: Trx,
  runtime: IdentityDeps,
  userId: string,
  code: string,
  options: { pending?: boolean } = {},
): Promise<boolean> {
  const factor = await findTotpFactor(trx, userId);
  if (!factor || Boolean(factor.confirmed_at) === Boolean(options.pending)) return false;
  const delta = totpDelta(
    code,
    decryptSecret(runtime.totpKey, factor.secret_encrypted),
    runtime.ctx.clock.now().getTime(),
    {
      step: stepSeconds,
      window: 1,
    },
  );
  if (delta === null) return false;
  const step = Math.floor(runtime.ctx.clock.now().getTime() / 1000 / stepSeconds) + delta;
  return advanceTotpStep(trx, userId, step);
}

/** Step 2 of binding: a valid code confirms the secret; returns recovery codes (shown once). */
export async function confirmTotpBinding(trx: Trx, runtime: IdentityDeps, userId: string, code: string) {
  if (!(await verifyTotp(trx, runtime, userId, code, { pending: true })))
    throw invalid('code', 'The code is not valid; check the authenticator’s clock and try again');
  const now = runtime.ctx.clock.now().toISOString();
  await confirmTotpFactor(trx, userId, now);
  return replaceRecoveryCodes(trx, userId, now);
}

export async function replaceRecoveryCodes(trx: Trx, userId: string, now: string): Promise<string[]> {
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  await replaceRecoveryCodeHashes(
    trx,
    userId,
    codes.map((c) => ({ id: newId(), code_hash: sha256Hex(c) })),
    now,
  );
  return codes;
}

/** A recovery code works once. */
export async function useRecoveryCode(trx: Trx, userId: string, code: string, now: string): Promise<boolean> {
  return useRecoveryCodeHash(trx, userId, sha256Hex(code.trim().toLowerCase()), now);
}

export async function removeTotp(trx: Trx, userId: string): Promise<boolean> {
  return deleteTotp(trx, userId);
}
