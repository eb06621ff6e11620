import type { AppContext } from '../../../platform/app-context.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError } from '../../../platform/errors.js';
import { identityErrors } from '../identity.errors.js';
import { logAttempt } from '../login-log/login-log.repository.js';
import { type Actor, identityEvents, recordIdentity } from '../shared/identity-audit.js';
import { findUserById } from '../users/users.repository.js';

/**
 * Records a refused passkey registration or assertion in its own transaction (the caller's
 * rolls back with the refusal): a login-log row and an audit event, `passkey.counter_regressed`
 * for a possible clone, else `passkey.refused`, with the reason.
 */
export async function recordPasskeyFailure(
  ctx: AppContext,
  actor: Actor,
  input: { userId: string; method: string; error: unknown },
): Promise<void> {
  const domain = input.error instanceof AppError ? input.error.domain : undefined;
  const reason = domain ? domain.name.toLowerCase() : 'internal_error';
  const isClone = domain === identityErrors.PASSKEY_COUNTER_REGRESSION;
  await inTransaction(ctx.db, async (trx) => {
    const user = await findUserById(trx, input.userId);
    const origin =
      typeof actor === 'string'
        ? { ip: '', userAgent: '' }
        : { ip: actor.ip ?? '', userAgent: actor.userAgent ?? '' };
    await logAttempt(trx, {
      user_id: user ? user.id : null,
      username: user?.username ?? '',
      at: ctx.clock.now().toISOString(),
      ip: origin.ip,
      user_agent: origin.userAgent,
      method: input.method,
      result: 'failure',
      reason,
    });
    await recordIdentity(trx, actor, {
      action: identityEvents[isClone ? 'passkey.counter_regressed' : 'passkey.refused'],
      entityType: 'user',
      entityId: input.userId,
      result: 'failure',
      details: {
        method: input.method,
        reason,
        message: input.error instanceof Error ? input.error.message.slice(0, 300) : 'unknown',
        ...(input.error instanceof AppError && isClone ? { counters: input.error.details } : {}),
      },
    });
  });
}
