import type { Static } from '@sinclair/typebox';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import type { DataScope } from '../roles/data-scope.js';
import { pageOfAttempts } from './login-log.repository.js';
import type { loginLogQuery } from './login-log.schemas.js';

/** The sign-in attempts `scope` shows, filtered by user, result or address. */
export function listLoginAttempts(db: DbOrTrx, scope: DataScope, query: Static<typeof loginLogQuery>) {
  return pageOfAttempts(db, scope, query);
}
