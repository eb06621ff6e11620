import { AppError } from '../errors.js';
import { isDatabaseUnavailable } from './database-availability.js';

const conflictCodes = new Set([
  '23505', // PostgreSQL unique_violation
  '23503', // PostgreSQL foreign_key_violation
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
  'SQLITE_CONSTRAINT_FOREIGNKEY',
]);
/** A transaction that lost a race: retrying succeeds, though the database is fine. */
const retryableCodes = new Set([
  '40001', // PostgreSQL serialization_failure
  '40P01', // PostgreSQL deadlock_detected
]);

/** A UNIQUE (or primary key) constraint refused the row, in either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const code = String((error as { code?: unknown }).code ?? '');
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Database failures a client can act on, as AppErrors: a constraint the request broke is a
 * 409 (services should check first and give a precise message; this is the safety net), a
 * busy or unreachable database is a 503 worth retrying. Anything else stays internal.
 */
export function databaseErrorToAppError(error: unknown): AppError | null {
  if (!error || typeof error !== 'object') return null;
  const code = String((error as { code?: unknown }).code ?? '');
  if (conflictCodes.has(code)) {
    return new AppError('CONFLICT', 'This conflicts with an existing record', { cause: error });
  }
  if (retryableCodes.has(code) || isDatabaseUnavailable(error)) {
    return new AppError('UNAVAILABLE', 'The database is busy or unreachable; please retry', { cause: error });
  }
  return null;
}
