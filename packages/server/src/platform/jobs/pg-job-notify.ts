import { sql } from 'kysely';
import pg from 'pg';
import type { DbOrTrx } from '../db/schema.js';
import type { Logger } from '../logger.js';

const channel = 'signx_jobs';

/**
 * PostgreSQL NOTIFY inside the enqueuing transaction: PostgreSQL delivers it only when that
 * transaction commits, so other processes wake exactly when the job becomes visible.
 */
export async function notifyEnqueued(trx: DbOrTrx): Promise<void> {
  await sql`select pg_notify(${channel}, '')`.execute(trx);
}

/**
 * A dedicated connection LISTENing for enqueues from any process; reconnects after errors.
 * Polling stays as the safety net, so a lost notification only costs latency. `ready`
 * settles after the first connection attempt, so a started runtime is already listening.
 */
export function listenForJobs(
  url: string,
  onNotify: () => void,
  logger: Logger,
): { ready: Promise<void>; close(): Promise<void> } {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', () => onNotify());
    next.on('error', (error) => {
      logger.warn({ err: error }, 'job LISTEN connection lost');
      void next.end().catch(() => {});
      if (!closed) retry = setTimeout(() => void connect(), 1000);
    });
    try {
      await next.connect();
      await next.query(`listen ${channel}`);
      client = next;
    } catch (error) {
      logger.warn({ err: error }, 'job LISTEN connection failed');
      void next.end().catch(() => {});
      if (!closed) retry = setTimeout(() => void connect(), 1000);
    }
  };
  const ready = connect();
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
