import { runCompiled } from '../db/compiled-once.js';
import type { Db, Dialect, Trx } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { type JobRow, queueNotPaused } from './jobs.repository.js';

export interface ClaimRequest {
  worker: string;
  now: string;
  leaseExpiresAt: string;
  /** Free slots per job name (only names this process can run). */
  slots: Map<string, number>;
  limit: number;
  /** Claim only these jobs (bullmq driver: Redis said which ones). */
  ids?: string[];
}

/**
 * Leases due jobs to this worker in one transaction. On PostgreSQL the candidates are
 * locked FOR UPDATE SKIP LOCKED, so processes racing here never get the same job; on
 * SQLite the write transaction (BEGIN IMMEDIATE) serializes claimers.
 */
export async function claimDue(db: Db, dialect: Dialect, request: ClaimRequest): Promise<JobRow[]> {
  const names = [...request.slots.entries()].filter(([, free]) => free > 0).map(([name]) => name);
  if (names.length === 0 || request.limit <= 0) return [];
  return inTransaction(db, async (trx) => {
    const candidates = (await dueCandidates(trx, dialect, request, names)).rows;
    const ids = pickWithinSlots(candidates, new Map(request.slots), request.limit);
    if (ids.length === 0) return [];
    await runCompiled(
      trx,
      `jobs.claim.lease:${ids.length}`,
      (worker, expires, now, updated, ...slots) =>
        trx
          .updateTable('jobs')
          .set((eb) => ({
            state: 'running',
            attempts: eb('attempts', '+', 1),
            lease_owner: worker,
            lease_expires_at: expires,
            started_at: now,
            updated_at: updated,
          }))
          .where('id', 'in', slots),
      [request.worker, request.leaseExpiresAt, request.now, request.now, ...ids],
    );
    const claimed = await runCompiled(
      trx,
      `jobs.claim.rows:${ids.length}`,
      (...slots) =>
        trx
          .selectFrom('jobs')
          .selectAll()
          .where('id', 'in', slots)
          .orderBy('priority', 'desc')
          .orderBy('run_at'),
      ids,
    );
    return claimed.rows;
  });
}

/**
 * The due, unpaused candidates of a claim (four per wanted job, best first; PostgreSQL locks
 * them FOR UPDATE SKIP LOCKED). Compiled once per shape (how many names, whether and how
 * many ids): every poll of every worker runs it, and building it cost more than running it.
 */
function dueCandidates(trx: Trx, dialect: Dialect, request: ClaimRequest, names: string[]) {
  const ids = request.ids;
  return runCompiled(
    trx,
    `jobs.claim.due:${names.length}:${ids?.length ?? '-'}`,
    (now, limit, ...slots) =>
      trx
        .selectFrom('jobs')
        .select(['id', 'name'])
        .where('state', '=', 'queued')
        .where('run_at', '<=', now)
        .where('name', 'in', slots.slice(0, names.length))
        .$if(ids !== undefined, (q) => q.where('id', 'in', slots.slice(names.length)))
        .where(queueNotPaused)
        .orderBy('priority', 'desc')
        .orderBy('run_at')
        .orderBy('id')
        .limit(limit as unknown as number)
        .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
    [request.now, request.limit * 4, ...names, ...(ids ?? [])],
  );
}

function pickWithinSlots(
  rows: { id: string; name: string }[],
  slots: Map<string, number>,
  limit: number,
): string[] {
  const ids: string[] = [];
  for (const row of rows) {
    const free = slots.get(row.name) ?? 0;
    if (free <= 0) continue;
    slots.set(row.name, free - 1);
    ids.push(row.id);
    if (ids.length >= limit) break;
  }
  return ids;
}
