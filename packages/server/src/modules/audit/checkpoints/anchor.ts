import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SignedCheckpoint } from './checkpoint.js';

/**
 * The external anchor: every signed checkpoint is also written as a file in a directory
 * outside the database (AUDIT_ANCHOR_DIR, ideally on other storage or replicated off-host).
 * Someone who truncates the database cannot take back a checkpoint already anchored, so
 * verification notices that the log is shorter than a size it once had.
 */
export function writeAnchor(dir: string, checkpoint: SignedCheckpoint): string {
  const chainDir = join(dir, checkpoint.chain);
  mkdirSync(chainDir, { recursive: true, mode: 0o750 });
  const stamp = checkpoint.created_at.replace(/[^0-9]/g, '');
  const file = join(chainDir, `${String(checkpoint.tree_size).padStart(12, '0')}-${stamp}.json`);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(checkpoint, null, 2)}\n`, { mode: 0o640 });
  renameSync(temp, file);
  return file;
}

/** Every anchored checkpoint of `chain`, smallest tree first (unreadable files are reported). */
export function readAnchors(
  dir: string,
  chain: string,
): { checkpoints: SignedCheckpoint[]; unreadable: string[] } {
  const chainDir = join(dir, chain);
  let names: string[] = [];
  try {
    names = readdirSync(chainDir).filter((name) => name.endsWith('.json'));
  } catch {
    return { checkpoints: [], unreadable: [] };
  }
  const checkpoints: SignedCheckpoint[] = [];
  const unreadable: string[] = [];
  for (const name of names.sort()) {
    try {
      checkpoints.push(JSON.parse(readFileSync(join(chainDir, name), 'utf8')) as SignedCheckpoint);
    } catch {
      unreadable.push(name);
    }
  }
  return { checkpoints, unreadable };
}
