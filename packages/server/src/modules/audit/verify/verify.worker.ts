/**
 * Worker thread of the parallel verifier (SQLite files): checks one range of a chain with
 * its own read-only connection and returns the leaf hashes for the Merkle tree. A reader
 * in WAL mode never waits for the writer, and a worker blocking could not stall the server.
 */
import { hash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { HASHED_FIELDS, rowLeafHash, SQLITE_CANONICAL_EXPRESSION } from '../chain/leaf.js';

/** One worker's share: ranges of one chain, checked in order, one message per range. */
export interface SegmentJob {
  file: string;
  chain: string;
  segments: { fromSeq: number; toSeq: number }[];
}

export interface SegmentResult {
  fromSeq: number;
  count: number;
  firstPrevHash: string | null;
  lastHash: string | null;
  leaves: Uint8Array;
  /** Events whose SQLite-built canonical bytes missed and were re-checked in TypeScript. */
  slowChecks: number;
  broken: { seq: number; id: string | null; problem: string } | null;
}

type Job = { chain: string; fromSeq: number; toSeq: number };

function verifySegment(db: Database.Database, job: Job): SegmentResult {
  const range = 'from audit_events where chain = ? and seq between ? and ? order by seq';
  // The leaf bytes (0x00 ‖ canonical text) straight from SQLite as a blob: no JS string per event.
  const leafBytes = `cast(x'00' || ${SQLITE_CANONICAL_EXPRESSION} as blob)`;
  const select = db.prepare(`select seq, id, prev_hash, leaf_hash, ${leafBytes} ${range}`).raw(true);
  const fullRow = db.prepare(`select ${HASHED_FIELDS.join(', ')} from audit_events where id = ?`).raw(true);
  const leaves = Buffer.alloc((job.toSeq - job.fromSeq + 1) * 32);
  const result: SegmentResult = {
    fromSeq: job.fromSeq,
    count: 0,
    firstPrevHash: null,
    lastHash: null,
    leaves,
    broken: null,
    slowChecks: 0,
  };
  let expected = job.fromSeq;
  for (const row of select.iterate(job.chain, job.fromSeq, job.toSeq) as Iterable<
    [number, string, string, string, string]
  >) {
    const [seq, id, prev, stored, bytes] = row;
    if (Number(seq) !== expected) {
      result.broken = {
        seq: expected,
        id: null,
        problem: `event ${expected} is missing (deleted): the next stored event is ${seq} (${id})`,
      };
      break;
    }
    if (result.lastHash === null) result.firstPrevHash = prev;
    else if (prev !== result.lastHash) {
      result.broken = { seq: expected, id, problem: 'does not link to the previous event (prev_hash)' };
      break;
    }
    const isIntact =
      hash('sha256', bytes, 'hex') === stored || rowLeafHash(fullRow.get(id) as unknown[]) === stored;
    if (!isIntact) {
      result.broken = { seq: expected, id, problem: 'content was altered (leaf hash does not match)' };
      break;
    }
    leaves.write(stored, result.count * 32, 'hex');
    result.count += 1;
    result.lastHash = stored;
    expected += 1;
  }
  if (!result.broken && expected <= job.toSeq)
    result.broken = {
      seq: expected,
      id: null,
      problem: `events ${expected}–${job.toSeq} are missing (deleted)`,
    };
  return result;
}

if (parentPort && workerData) {
  const job = workerData as SegmentJob;
  const db = new Database(job.file, { readonly: true, fileMustExist: true });
  db.pragma('mmap_size = 1073741824');
  for (const segment of job.segments) {
    const result = verifySegment(db, { chain: job.chain, ...segment });
    parentPort.postMessage(result, [result.leaves.buffer as ArrayBuffer]);
    if (result.broken) break;
  }
  db.close();
}
