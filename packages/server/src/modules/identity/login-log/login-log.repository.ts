import { newId } from '../../../platform/db/ids.js';
import { type PageQuery, paginate } from '../../../platform/db/pagination.js';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import type { LoginLogTable } from '../identity.tables.js';
import type { DataScope } from '../roles/data-scope.js';
import { applyDataScope } from '../roles/data-scope.repository.js';

/** One row per authentication attempt (§11.300-style evidence): who, when, from where, how, outcome. */
export type LoginAttempt = Omit<LoginLogTable, 'id'>;

export async function logAttempt(db: DbOrTrx, attempt: LoginAttempt): Promise<void> {
  await db
    .insertInto('login_log')
    .values({
      ...attempt,
      id: newId(),
      username: attempt.username.slice(0, 128),
      user_agent: attempt.user_agent.slice(0, 500),
    })
    .execute();
}

export interface AttemptFilter extends PageQuery {
  user_id?: string | undefined;
  result?: 'success' | 'failure' | 'challenge' | undefined;
  ip?: string | undefined;
}

/** A page of attempts, newest first, within `scope` (own attempts and the scope's departments). */
export function pageOfAttempts(db: DbOrTrx, scope: DataScope, filter: AttemptFilter) {
  let select = applyDataScope(
    db
      .selectFrom('login_log as l')
      .leftJoin('users', 'users.id', 'l.user_id')
      .select([
        'l.id',
        'l.user_id',
        'l.username',
        'l.at',
        'l.ip',
        'l.user_agent',
        'l.method',
        'l.result',
        'l.reason',
      ]),
    scope,
    { owner: 'l.user_id', department: 'users.department_id' },
  );
  if (filter.user_id) select = select.where('l.user_id', '=', filter.user_id);
  if (filter.result) select = select.where('l.result', '=', filter.result);
  if (filter.ip) select = select.where('l.ip', '=', filter.ip);
  return paginate(select, filter, { at: 'l.at' }, 'l.id');
}
