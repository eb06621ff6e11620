import type { JobRow } from './jobs.repository.js';

/** What one BullMQ job carries: the ids (and kinds) of database jobs to claim and run. */
export interface Envelope {
  jobs: [id: string, name: string][];
}

export interface EnvelopeJob {
  name: string;
  data: Envelope;
  opts: { jobId: string; delay: number; priority: number; removeOnComplete: true; removeOnFail: true };
}

/** Due jobs travel this many to a Redis message: Redis round trips per job drop by as much. */
export const envelopeSize = 50;

/**
 * Groups dispatchable rows of one queue into BullMQ jobs. Due rows share envelopes (highest
 * priority first); delayed rows travel alone so Redis releases each at its own time. The
 * Redis job id is derived from the rows, so a re-send of the same envelope is a no-op; a
 * row delivered twice in different envelopes is still run once, because running starts
 * with the database claim (queued → running) that only one worker can win.
 */
export function envelopes(rows: JobRow[], now: Date): EnvelopeJob[] {
  const due = rows
    .filter((r) => Date.parse(r.run_at) <= now.getTime())
    .sort((a, b) => b.priority - a.priority);
  const delayed = rows.filter((r) => Date.parse(r.run_at) > now.getTime());
  const result: EnvelopeJob[] = [];
  for (let i = 0; i < due.length; i += envelopeSize) {
    result.push(envelope(due.slice(i, i + envelopeSize), 0));
  }
  for (const row of delayed) result.push(envelope([row], Date.parse(row.run_at) - now.getTime()));
  return result;
}

function envelope(rows: JobRow[], delay: number): EnvelopeJob {
  const first = rows[0] as JobRow;
  const top = Math.max(...rows.map((r) => r.priority));
  return {
    name: rows.length === 1 ? first.name : 'batch',
    data: { jobs: rows.map((r) => [r.id, r.name]) },
    opts: {
      jobId: `${first.id}.${first.attempts}.${rows.length}`,
      delay,
      // BullMQ runs lower numbers first; 0 means "no priority" and would jump the order.
      priority: Math.min(2_097_152, Math.max(1, 1_000_000 - top)),
      removeOnComplete: true,
      removeOnFail: true,
    },
  };
}
