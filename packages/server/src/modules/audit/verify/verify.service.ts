import type { AuditDeps } from '../audit.deps.js';
import { countEventRows, eventsAfter, readHead, sqliteFileOf } from '../chain/chain.repository.js';
import { type ChainBreak, ChainScanner } from '../chain/chain-scan.js';
import { MAC_PURPOSE } from '../chain/recorder.settings.js';
import { readAnchors } from '../checkpoints/anchor.js';
import { firstUnauthenticEvent } from '../checkpoints/authenticity.service.js';
import { MerkleTree } from '../proofs/merkle-tree.js';
import { readArchivedEvents } from '../retention/archive-reader.js';
import { listArchives } from '../retention/retention.repository.js';
import { checkCheckpoints } from './verify-checkpoints.js';
import { scanInParallel } from './verify-parallel.js';

export interface ChainReport {
  chain: string;
  events: number;
  checkpoints: number;
  anchoredCheckpoints: number;
  broken: ChainBreak | null;
}

export interface VerifyReport {
  isValid: boolean;
  events: number;
  chains: ChainReport[];
}

/**
 * Recomputes every chain from its first event (archives, then the database): sequence,
 * links, leaf hashes, the chain head, and every checkpoint in the database and in the
 * anchor directory (signature with the platform key, size, Merkle root). Names the first
 * event where the recorded history and the stored one part.
 */
export async function verifyAuditLog(deps: AuditDeps, chains: readonly string[]): Promise<VerifyReport> {
  const reports: ChainReport[] = [];
  for (const chain of chains) reports.push(await verifyChain(deps, chain));
  return {
    isValid: reports.every((r) => !r.broken),
    events: reports.reduce((sum, r) => sum + r.events, 0),
    chains: reports,
  };
}

async function verifyChain(deps: AuditDeps, chain: string): Promise<ChainReport> {
  const tree = new MerkleTree();
  const scanner = new ChainScanner((leaf) => tree.append(leaf));
  await scanArchives(deps, chain, scanner);
  await scanLargeRangeInParallel(deps, chain, scanner);
  while (!scanner.broken) {
    const batch = await eventsAfter(deps.db, chain, scanner.count, 10_000);
    if (batch.length === 0) break;
    for (const event of batch) if (!scanner.accept(event)) break;
  }
  if (!scanner.broken) await checkHead(deps, chain, scanner);
  const anchors = readAnchors(deps.anchorDir, chain);
  const checked = await checkCheckpoints(deps, chain, tree, anchors.checkpoints);
  const forged =
    scanner.broken || checked.broken
      ? null
      : await firstUnauthenticEvent(
          deps.db,
          chain,
          checked.lastGood,
          scanner.count,
          deps.keyring.secret(MAC_PURPOSE),
        );
  const broken = firstBreak(scanner.broken ?? forged, checked.broken, anchors.unreadable);
  return {
    chain,
    events: scanner.count,
    checkpoints: checked.verified,
    anchoredCheckpoints: anchors.checkpoints.length,
    broken,
  };
}

/** Large SQLite chains are checked by worker threads (both CPUs); the rest sequentially. */
async function scanLargeRangeInParallel(
  deps: AuditDeps,
  chain: string,
  scanner: ChainScanner,
): Promise<void> {
  if (scanner.broken) return;
  const head = await readHead(deps.db, chain);
  if (!head || head.seq - scanner.count < (deps.parallelThreshold ?? 50_000)) return;
  const file = await sqliteFileOf(deps.db);
  if (file) await scanInParallel(file, chain, head.seq, scanner);
}

async function scanArchives(deps: AuditDeps, chain: string, scanner: ChainScanner): Promise<void> {
  for (const archive of await listArchives(deps.db, chain)) {
    try {
      for (const event of await readArchivedEvents(deps.storage, archive)) if (!scanner.accept(event)) return;
    } catch (error) {
      scanner.fail(
        { seq: archive.from_seq, id: null },
        `archive ${archive.storage_key} is unreadable: ${(error as Error).message}`,
      );
      return;
    }
  }
}

/** The head row and the row count must agree with the last verified event. */
async function checkHead(deps: AuditDeps, chain: string, scanner: ChainScanner): Promise<void> {
  const head = await readHead(deps.db, chain);
  const seq = head?.seq ?? 0;
  if (seq > scanner.count)
    scanner.fail(
      { seq: scanner.count + 1, id: null },
      `events ${scanner.count + 1}–${seq} are missing (the chain head records ${seq})`,
    );
  else if (seq < scanner.count || (seq > 0 && head?.head_hash !== scanner.lastHash))
    scanner.fail({ seq: scanner.count, id: null }, 'the chain head does not match the last event');
  if (scanner.broken) return;
  const rows = await countEventRows(deps.db, chain);
  const archived = (await listArchives(deps.db, chain)).reduce(
    (sum, a) => sum + a.to_seq - a.from_seq + 1,
    0,
  );
  const stray = rows + archived - scanner.count;
  if (stray !== 0)
    scanner.fail({ seq: 0, id: null }, `${Math.abs(stray)} event row(s) lie outside the chain sequence`);
}

function firstBreak(
  chainBreak: ChainBreak | null,
  checkpointBreak: ChainBreak | null,
  unreadable: string[],
): ChainBreak | null {
  const breaks = [chainBreak, checkpointBreak].filter((b): b is ChainBreak => b !== null);
  if (unreadable.length > 0)
    breaks.push({ seq: 0, id: null, problem: `unreadable anchor file(s): ${unreadable.join(', ')}` });
  breaks.sort((a, b) => a.seq - b.seq);
  return breaks[0] ?? null;
}
