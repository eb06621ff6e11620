import type { Trx } from '../../../platform/db/schema.js';
import type { IdentityDeps } from '../identity.deps.js';
import { sendIdentityMail } from '../shared/identity-mail.js';
import {
  claimOneTimeCode,
  countCodeAttempt,
  latestOpenCode,
  replaceOneTimeCode,
} from '../shared/one-time-codes.repository.js';
import { hmacHex, newNumericCode, plusMinutes } from '../shared/secrets.service.js';

const codeMinutes = 10;
const maxAttempts = 5;

function codeHash(runtime: IdentityDeps, code: string): string {
  return hmacHex(runtime.totpKey, `email-code:${code}`);
}

/**
 * Sends a one-time code by mail, bound to one purpose and subject (a login challenge or a
 * session). Ten minutes, five attempts, single use; a newer code replaces older ones.
 */
export async function issueEmailCode(
  trx: Trx,
  runtime: IdentityDeps,
  input: { userId: string; email: string; purpose: string; subject: string },
): Promise<{ expires_at: string }> {
  const now = runtime.ctx.clock.now().toISOString();
  const code = newNumericCode(6);
  const expiresAt = plusMinutes(now, codeMinutes);
  await replaceOneTimeCode(trx, {
    userId: input.userId,
    purpose: input.purpose,
    codeHash: codeHash(runtime, code),
    subject: input.subject,
    now,
    expiresAt,
  });
  await sendIdentityMail(trx, runtime, input.email, {
    template: 'identity.email-code',
    params: { code, minutes: codeMinutes },
  });
  return { expires_at: expiresAt };
}

export async function consumeEmailCode(
  trx: Trx,
  runtime: IdentityDeps,
  input: { userId: string; purpose: string; subject: string; code: string },
): Promise<boolean> {
  const now = runtime.ctx.clock.now().toISOString();
  const row = await latestOpenCode(trx, input, now);
  if (!row || row.attempts >= maxAttempts) return false;
  if (row.code_hash !== codeHash(runtime, input.code.trim())) {
    await countCodeAttempt(trx, row);
    return false;
  }
  return claimOneTimeCode(trx, row.id, now);
}
