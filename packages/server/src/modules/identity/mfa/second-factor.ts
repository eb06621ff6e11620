import type { Trx } from '../../../platform/db/schema.js';
import type { IdentityRuntime } from '../shared/identity-runtime.js';
import { consumeEmailCode } from './email-code.service.js';
import { useRecoveryCode, verifyTotp } from './totp.service.js';

export type SecondFactorMethod = 'totp' | 'email' | 'recovery';

/** Checks one second factor for a login challenge or a step-up (each code works once). */
export async function verifySecondFactor(
  trx: Trx,
  runtime: IdentityRuntime,
  input: { userId: string; method: SecondFactorMethod; code: string; purpose: string; subject: string },
): Promise<boolean> {
  if (input.method === 'totp') return verifyTotp(trx, runtime, input.userId, input.code.trim());
  if (input.method === 'recovery')
    return useRecoveryCode(trx, input.userId, input.code, runtime.ctx.clock.now().toISOString());
  return consumeEmailCode(trx, runtime, {
    userId: input.userId,
    purpose: input.purpose,
    subject: input.subject,
    code: input.code,
  });
}
