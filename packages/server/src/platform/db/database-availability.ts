/**
 * Whether the database can be reached, as one mechanism: which driver errors mean "the
 * database is down, busy or gone" (requests answer 503 with Retry-After instead of 500), and
 * a tracker that logs one line when the database becomes unavailable and one when it is
 * back, instead of a stack trace per failed request during an outage.
 */

/** Error codes of an unreachable, restarting, overloaded or busy database. */
const unavailableCodes = new Set([
  '53300', // PostgreSQL too_many_connections
  '57P01', // PostgreSQL admin_shutdown (restart, failover, pg_terminate_backend)
  '57P02', // PostgreSQL crash_shutdown
  '57P03', // PostgreSQL cannot_connect_now (starting up, recovery)
  '08000', // PostgreSQL connection_exception family
  '08001',
  '08003',
  '08004',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_TIMEOUT',
  'SQLITE_LOCKED',
]);

/** node-postgres reports lost connections and its own timeouts by message only. */
const unavailableMessages = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'connection timeout',
  'not queryable',
  'Query read timeout',
  'Client was closed',
];

/** True for errors that mean the database is unreachable or busy: worth a retry, not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const code = String((error as { code?: unknown }).code ?? '');
  if (unavailableCodes.has(code)) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && unavailableMessages.some((m) => message.includes(m));
}

export type AvailabilityState = 'unavailable' | 'available';
export type AvailabilityListener = (state: AvailabilityState, reason: string) => void;

/** One line per change of state; the listener decides where (the app's logger; stderr by default). */
export class DatabaseAvailability {
  private isDown = false;
  private listener: AvailabilityListener = writeToStderr;

  get isAvailable(): boolean {
    return !this.isDown;
  }

  /** Where state changes go (the context points this at its logger). */
  onChange(listener: AvailabilityListener): void {
    this.listener = listener;
  }

  /** A query or connection failed because the database is unreachable or busy. */
  failed(error: unknown): void {
    if (this.isDown) return;
    this.isDown = true;
    this.listener('unavailable', describe(error));
  }

  /** A connection opened or a transaction began: the database answers again. */
  succeeded(): void {
    if (!this.isDown) return;
    this.isDown = false;
    this.listener('available', 'the database answers again');
  }
}

function describe(error: unknown): string {
  if (!error || typeof error !== 'object') return String(error);
  const { code, message } = error as { code?: unknown; message?: unknown };
  return [code, message].filter((part) => part !== undefined && part !== '').join(' ');
}

function writeToStderr(state: AvailabilityState, reason: string): void {
  process.stderr.write(`signx: database ${state} (${reason})\n`);
}
