import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { microBatch } from '../../../platform/jobs/micro-batch.js';
import * as store from './deliveries.repository.js';

/**
 * Group commit of the dispatcher's two writes per send. Dozens of deliveries are in flight
 * at once; each used to commit its claim (status + attempt record) and its outcome in a
 * transaction of its own. Here the claims made in the same turn of the event loop commit in
 * one transaction, and so do the outcomes. The guarantee is unchanged: a caller's promise
 * resolves only after its claim has committed, so every provider call still has its
 * committed attempt record before it is made, and each claim is still its own
 * compare-and-set (of two claims of one delivery in a batch, the second finds it taken).
 */
export interface ClaimRequest {
  row: store.DeliveryRow;
  claim: string;
  record: store.AttemptRow;
  now: string;
}

export interface SentOutcome {
  row: store.DeliveryRow;
  attemptId: string;
  finish: Pick<store.AttemptRow, 'status' | 'response' | 'error' | 'finished_at' | 'provider_message_id'>;
  changes: Partial<store.DeliveryRow>;
}

interface Committers {
  claim: (request: ClaimRequest) => Promise<boolean>;
  sent: (outcome: SentOutcome) => Promise<boolean>;
}

/** At most this many sends share one transaction (keeps a transaction short on SQLite). */
const groupSize = 100;

const committers = new WeakMap<object, Committers>();

function committersOf(db: DbOrTrx): Committers {
  const known = committers.get(db);
  if (known) return known;
  const inOne =
    <K>(each: (trx: Trx, key: K) => Promise<boolean>) =>
    async (keys: K[]) => {
      const results = new Map<K, boolean>();
      await inTransaction(db, async (trx) => {
        for (const key of keys) results.set(key, await each(trx, key));
      });
      return results;
    };
  const made: Committers = {
    claim: microBatch(
      inOne<ClaimRequest>((trx, r) => store.claimDelivery(trx, r.row, r.claim, r.record, r.now)),
      false,
      groupSize,
    ),
    sent: microBatch(
      inOne<SentOutcome>(async (trx, o) => {
        await store.finishAttempt(trx, o.attemptId, o.finish);
        return store.moveDelivery(trx, o.row.id, ['sending'], o.changes);
      }),
      false,
      groupSize,
    ),
  };
  committers.set(db, made);
  return made;
}

/** Claims a delivery for one attempt and records the attempt; resolves once committed. */
export function commitClaim(db: DbOrTrx, request: ClaimRequest): Promise<boolean> {
  // Inside a caller's transaction there is nothing to group: join it, as before.
  if (db.isTransaction)
    return store.claimDelivery(db as Trx, request.row, request.claim, request.record, request.now);
  return committersOf(db).claim(request);
}

/** Closes a sent attempt and marks its delivery sent; resolves once committed. */
export function commitSent(db: DbOrTrx, outcome: SentOutcome): Promise<boolean> {
  if (db.isTransaction)
    return (async () => {
      await store.finishAttempt(db as Trx, outcome.attemptId, outcome.finish);
      return store.moveDelivery(db as Trx, outcome.row.id, ['sending'], outcome.changes);
    })();
  return committersOf(db).sent(outcome);
}
