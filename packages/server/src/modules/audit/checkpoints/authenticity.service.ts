import type { DbOrTrx } from '../../../platform/db/schema.js';
import { eventMac } from '../audit.config.js';
import type { ChainBreak } from '../chain/chain-scan.js';

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
    const rows = await db
      .selectFrom('audit_events')
      .select(['seq', 'id', 'leaf_hash', 'mac'])
      .where('chain', '=', chain)
      .where('seq', '>', last)
      .where('seq', '<=', upToSeq)
      .orderBy('seq')
      .limit(10_000)
      .execute();
    if (rows.length === 0) return null;
    for (const row of rows) {
      if (row.mac !== eventMac(row.leaf_hash, key))
        return {
          seq: Number(row.seq),
          id: row.id,
          problem:
            'not authenticated (MAC missing or wrong): not recorded by SignX, or recorded without its keyring',
        };
      last = Number(row.seq);
    }
  }
  return null;
}
