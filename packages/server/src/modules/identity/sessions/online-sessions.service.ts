import type { Static } from '@sinclair/typebox';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { notFound } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import type { IdentityDeps } from '../identity.deps.js';
import { assertMayAdministerUser } from '../identity.policy.js';
import { type Actor, identityEvents, recordIdentity } from '../shared/identity-audit.js';
import { plusMinutes } from '../shared/secrets.service.js';
import { dataScopeOf } from './principal-details.js';
import { activeSessionInScope, pageOfOnlineSessions, revokeSessions } from './session.repository.js';
import type { sessionListQuery, sessionView } from './sessions.schemas.js';

/** Online users: active sessions seen within the idle timeout, within the caller's scope. */
export async function listOnlineSessions(
  db: DbOrTrx,
  runtime: IdentityDeps,
  principal: Principal,
  query: Static<typeof sessionListQuery>,
) {
  const now = runtime.ctx.clock.now().toISOString();
  const page = await pageOfOnlineSessions(db, dataScopeOf(principal), query, {
    now,
    seenSince: plusMinutes(now, -runtime.settings.sessionIdleMinutes),
  });
  const mine = principal.sessionId;
  return {
    ...page,
    items: page.items.map((row): Static<typeof sessionView> => ({ ...row, current: row.id === mine })),
  };
}

/** An administrator ends a session (404 outside the scope, 403 beyond the policy's reach). */
export async function kickSession(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  principal: Principal,
  id: string,
): Promise<void> {
  const now = runtime.ctx.clock.now().toISOString();
  const target = await activeSessionInScope(trx, dataScopeOf(principal), id);
  if (!target) throw notFound('Session');
  await assertMayAdministerUser(trx, runtime, principal, {
    id: target.user_id,
    department_id: target.department_id,
  });
  await revokeSessions(trx, [target.id], now, 'kicked');
  await recordIdentity(trx, actor, {
    action: identityEvents['session.kicked'],
    entityType: 'session',
    entityId: target.id,
    details: { user_id: target.user_id, username: target.username },
  });
}
