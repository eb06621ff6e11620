import { newId } from '../../../platform/db/ids.js';
import type { Trx } from '../../../platform/db/schema.js';
import { enqueueMail } from '../shared/identity-mail.js';
import type { IdentityRuntime } from '../shared/identity-runtime.js';
import { hmacHex, newNumericCode, plusMinutes } from '../shared/secrets.js';

const codeMinutes = 10;
const maxAttempts = 5;

function codeHash(runtime: IdentityRuntime, code: string): string {
  return hmacHex(runtime.totpKey, `email-code:${code}`);
}

/**
 * Sends a one-time code by mail, bound to one purpose and subject (a login challenge or a
 * session). Ten minutes, five attempts, single use; a newer code replaces older ones.
 */
export async function issueEmailCode(
  trx: Trx,
  runtime: IdentityRuntime,
  input: { userId: string; email: string; purpose: string; subject: string },
): Promise<{ expires_at: string }> {
  const now = runtime.ctx.clock.now().toISOString();
  await trx
    .updateTable('one_time_codes')
    .set({ used_at: now })
    .where('user_id', '=', input.userId)
    .where('purpose', '=', input.purpose)
    .where('used_at', 'is', null)
    .execute();
  const code = newNumericCode(6);
  const expiresAt = plusMinutes(now, codeMinutes);
  await trx
    .insertInto('one_time_codes')
    .values({
      id: newId(),
      user_id: input.userId,
      purpose: input.purpose,
      code_hash: codeHash(runtime, code),
      subject: input.subject,
      attempts: 0,
      created_at: now,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  await enqueueMail(trx, runtime, {
    to: input.email,
    subject: 'Your SignX verification code',
    text: `Your SignX verification code is ${code}. It expires in ${codeMinutes} minutes.\nIf you did not try to sign in, tell your administrator.`,
  });
  return { expires_at: expiresAt };
}

export async function consumeEmailCode(
  trx: Trx,
  runtime: IdentityRuntime,
  input: { userId: string; purpose: string; subject: string; code: string },
): Promise<boolean> {
  const now = runtime.ctx.clock.now().toISOString();
  const row = await trx
    .selectFrom('one_time_codes')
    .selectAll()
    .where('user_id', '=', input.userId)
    .where('purpose', '=', input.purpose)
    .where('subject', '=', input.subject)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!row || row.attempts >= maxAttempts) return false;
  if (row.code_hash !== codeHash(runtime, input.code.trim())) {
    await trx
      .updateTable('one_time_codes')
      .set({ attempts: row.attempts + 1 })
      .where('id', '=', row.id)
      .execute();
    return false;
  }
  const used = await trx
    .updateTable('one_time_codes')
    .set({ used_at: now })
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}
