import { sql } from 'kysely';
import pg from 'pg';
import type { DbOrTrx } from '../db/schema.js';
import type { Logger } from '../logger.js';

const channel = 'signx_jobs';

/** Transactions that already carry the notification (one wakes the workers for them all). */
const notifiedTransactions = new WeakSet<DbOrTrx>();

/**
 * PostgreSQL NOTIFY inside the enqueuing transaction: PostgreSQL delivers it only when that
 * transaction commits, so other processes wake exactly when the job becomes visible. Once
 * per transaction: PostgreSQL folds identical notifications of one transaction into one, and
 * a woken worker claims every due job, so a second NOTIFY would be a statement for nothing.
 */
export async function notifyEnqueued(trx: DbOrTrx): Promise<void> {
  if (notifiedTransactions.has(trx)) return;
  await sql`select pg_notify(${channel}, '')`.execute(trx);
  if (trx.isTransaction) notifiedTransactions.add(trx);
}

/**
 * A dedicated connection LISTENing for enqueues from any process; reconnects after errors
 * (a PostgreSQL restart, failover or pg_terminate_backend ends it) and then wakes the
 * workers once, since notifications sent while it was away are lost: the workers catch up
 * on the jobs enqueued meanwhile. Polling stays as the safety net, so a lost notification
 * only costs latency. `ready` settles after the first connection attempt, so a started
 * runtime is already listening.
 */
export function listenForJobs(
  url: string,
  onNotify: () => void,
  logger: Logger,
): { ready: Promise<void>; close(): Promise<void> } {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let isReconnect = false;
  const reconnectLater = (lost: pg.Client) => {
    if (lost !== client && client !== undefined) return; // already replaced
    client = undefined;
    void lost.end().catch(() => {});
    isReconnect = true;
    if (!closed && !retry) retry = setTimeout(() => void connect(), 1000);
  };
  const connect = async () => {
    retry = undefined;
    const next = new pg.Client({ connectionString: url, application_name: 'signx-jobs-listen' });
    let isLost = false;
    const lose = (error: Error, message: string) => {
      if (isLost) return; // one connection may report its loss twice (error, then end)
      isLost = true;
      if (closed) return;
      logger.warn({ err: error }, message);
      reconnectLater(next);
    };
    next.on('notification', () => onNotify());
    next.on('error', (error) => lose(error, 'job LISTEN connection lost'));
    next.on('end', () => lose(new Error('connection ended'), 'job LISTEN connection lost'));
    try {
      await next.connect();
      await next.query(`listen ${channel}`);
      if (closed) return void next.end().catch(() => {});
      client = next;
      if (isReconnect) {
        logger.info('job LISTEN connection restored');
        onNotify();
      }
    } catch (error) {
      lose(error as Error, 'job LISTEN connection failed');
    }
  };
  const ready = connect();
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(retry);
      const last = client;
      client = undefined;
      await last?.end().catch(() => {});
    },
  };
}
