import type { DbOrTrx } from '../../../platform/db/schema.js';
import { eventSeals } from '../chain/chain.repository.js';
import type { ChainBreak } from '../chain/chain-scan.js';
import { eventMac } from '../chain/recorder.settings.js';

/**
 * Checks the MACs of the events a signed checkpoint does not yet cover (after `afterSeq`).
 * A checkpoint proves what came before it; for the newest events the MAC, made with a
 * keyring secret the database never holds, is what tells a recorded event from one
 * appended by someone with database access only. Checkpoints are made only over events
 * that pass this check, so a forged event can never be signed into the log.
 */
export async function firstUnauthenticEvent(
  db: DbOrTrx,
  chain: string,
  afterSeq: number,
  upToSeq: number,
  key: Buffer,
): Promise<ChainBreak | null> {
  let last = afterSeq;
  while (last < upToSeq) {
    const rows = await eventSeals(db, chain, { afterSeq: last, upToSeq }, 10_000);
    if (rows.length === 0) return null;
    for (const row of rows) {
      if (row.mac !== eventMac(row.leaf_hash, key))
        return {
          seq: row.seq,
          id: row.id,
          problem:
            'not authenticated (MAC missing or wrong): not recorded by SignX, or recorded without its keyring',
        };
      last = row.seq;
    }
  }
  return null;
}
