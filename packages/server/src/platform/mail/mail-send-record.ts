import { claimState, readState, replaceState, writeState } from '../db/platform-state.js';
import type { DbOrTrx } from '../db/schema.js';

/**
 * The mail.send job's own record of each message, checked before every send so that a
 * job run again (lease expired, Redis flushed, retried after a crash) does not mail twice.
 * Kept as `mail.send:<job id>` in platform_state: `sending` is written and committed before
 * the SMTP call, `sent` after it. What stays at-least-once: a process that dies between
 * the server's acceptance and writing `sent` leaves `sending`, and once that is older than
 * the job's timeout the next run sends again (the same Message-ID lets clients merge them).
 */
interface SendRecord {
  state: 'sending' | 'sent' | 'failed';
  at: string;
  attempt: number;
  message_id?: string;
}

export type SendDecision = 'send' | 'already-sent' | 'busy';

const keyOf = (jobId: string) => `mail.send:${jobId}`;

/** Claims the right to send the job's message now, or says why not. */
export async function beginSend(
  db: DbOrTrx,
  run: { jobId: string; attempt: number; now: Date; staleAfterMs: number },
): Promise<SendDecision> {
  const claim = JSON.stringify({ state: 'sending', at: run.now.toISOString(), attempt: run.attempt });
  if (await claimState(db, keyOf(run.jobId), claim)) return 'send';
  const current = await readState(db, keyOf(run.jobId));
  if (current === undefined) return 'busy';
  const record = JSON.parse(current) as SendRecord;
  if (record.state === 'sent') return 'already-sent';
  const isStale = Date.parse(record.at) < run.now.getTime() - run.staleAfterMs;
  if (record.state === 'sending' && !isStale) return 'busy';
  // The earlier attempt failed, or is past its timeout (gone, and whether its message left is unknown).
  return (await replaceState(db, keyOf(run.jobId), current, claim)) ? 'send' : 'busy';
}

/** Notes that the job's message was accepted by the mail server (or written to the outbox). */
export async function recordSent(
  db: DbOrTrx,
  run: { jobId: string; attempt: number; now: Date; messageId: string },
): Promise<void> {
  const record: SendRecord = {
    state: 'sent',
    at: run.now.toISOString(),
    attempt: run.attempt,
    message_id: run.messageId,
  };
  await writeState(db, keyOf(run.jobId), JSON.stringify(record));
}

/** Notes that the attempt failed before the server accepted the message, so a retry sends. */
export async function recordFailed(
  db: DbOrTrx,
  run: { jobId: string; attempt: number; now: Date },
): Promise<void> {
  const record: SendRecord = { state: 'failed', at: run.now.toISOString(), attempt: run.attempt };
  await writeState(db, keyOf(run.jobId), JSON.stringify(record));
}
