import { AppError } from '../errors.js';

const conflictCodes = new Set([
  '23505', // PostgreSQL unique_violation
  '23503', // PostgreSQL foreign_key_violation
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
  'SQLITE_CONSTRAINT_FOREIGNKEY',
]);
const retryCodes = new Set([
  '40001', // PostgreSQL serialization_failure
  '40P01', // PostgreSQL deadlock_detected
  '57P01', // PostgreSQL admin_shutdown
  '57P03', // PostgreSQL cannot_connect_now
  '08000',
  '08003',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);

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
  const message = (error as { message?: unknown }).message;
  const isPoolTimeout =
    typeof message === 'string' && message.includes('timeout exceeded when trying to connect');
  if (retryCodes.has(code) || isPoolTimeout) {
    return new AppError('UNAVAILABLE', 'The database is busy or unreachable; please retry', { cause: error });
  }
  return null;
}
