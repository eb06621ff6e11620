import type { Db, DbOrTrx } from '../../../platform/db/schema.js';
import { domainError } from '../../../platform/errors.js';
import type { StoragePort } from '../../../platform/storage/storage.port.js';
import { auditErrors } from '../audit.errors.js';
import { eventsAfter, sqliteFileOf } from '../chain/chain.repository.js';
import { ChainScanner } from '../chain/chain-scan.js';
import { readArchivedEvents } from '../retention/archive-reader.js';
import { listArchives } from '../retention/retention.repository.js';
import { scanInParallel } from '../verify/verify-parallel.js';
import { MerkleTree } from './merkle-tree.js';

/**
 * One verified Merkle tree per chain and database handle, extended incrementally from the
 * database. Each new event is checked against the chain before its leaf enters the tree,
 * so a checkpoint is never signed over an event whose content or link was altered.
 */
const trees = new WeakMap<object, Map<string, { tree: MerkleTree; scanner: ChainScanner }>>();

export async function verifiedTree(
  db: DbOrTrx,
  storage: StoragePort,
  chain: string,
  upToSeq: number,
): Promise<MerkleTree> {
  let perDb = trees.get(db);
  if (!perDb) {
    perDb = new Map();
    trees.set(db, perDb);
  }
  let entry = perDb.get(chain);
  if (!entry || entry.scanner.broken) {
    const tree = new MerkleTree();
    entry = { tree, scanner: new ChainScanner((leaf) => tree.append(leaf)) };
    perDb.set(chain, entry);
    for (const archive of await listArchives(db, chain)) {
      for (const event of await readArchivedEvents(storage, archive)) entry.scanner.accept(event);
    }
  }
  const { tree, scanner } = entry;
  const file = upToSeq - scanner.count >= 50_000 && !scanner.broken ? await sqliteFileOf(db as Db) : null;
  if (file) await scanInParallel(file, chain, upToSeq, scanner);
  while (scanner.count < upToSeq && !scanner.broken) {
    const batch = await eventsAfter(db, chain, scanner.count, 5000, upToSeq);
    if (batch.length === 0) break;
    for (const event of batch) if (!scanner.accept(event)) break;
  }
  if (scanner.broken) {
    const { seq, problem } = scanner.broken;
    throw domainError(
      auditErrors.AUDIT_LOG_BROKEN,
      `The audit log does not verify (chain ${chain}, event ${seq}: ${problem})`,
      {
        details: { chain, seq },
      },
    );
  }
  if (tree.size < upToSeq)
    throw new Error(`audit chain ${chain} has ${tree.size} events, expected ${upToSeq}`);
  return tree;
}
