import { describe, expect, it } from 'vitest';
import { recordSome, useAuditTestBed } from '../../../../test/audit-kit.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { sqliteFileOf } from '../chain/chain.repository.js';
import { ChainScanner } from '../chain/chain-scan.js';
import { audit, systemActor } from '../index.js';
import { MerkleTree } from '../proofs/merkle-tree.js';
import { scanInParallel } from './verify-parallel.js';

const bed = useAuditTestBed();

/**
 * The worker threads check events through canonical bytes SQLite builds itself, falling
 * back to the TypeScript canonicaliser on a miss. A miss on intact events would still
 * verify, only slowly, so this asserts the fast path really is taken (SQLite files only;
 * PostgreSQL has no file and is verified sequentially, which the test also asserts).
 */
describe('parallel verification', () => {
  it('checks intact events on the fast path, including text that needs escaping', async () => {
    await recordSome(bed.database.db, 30);
    await inTransaction(bed.database.db, (trx) =>
      audit.record(trx, {
        action: 'test.thing.created',
        actor: { ...systemActor('t'), userAgent: 'quote " slash \\ tab \t 中文 😀' },
        entityType: 'thing',
        reason: 'line\nbreak \u0001',
      }),
    );
    const file = await sqliteFileOf(bed.database.db);
    if (bed.database.dialect === 'postgres') {
      expect(file).toBeNull();
      return;
    }
    const tree = new MerkleTree();
    const scanner = new ChainScanner((leaf) => tree.append(leaf));
    const stats = await scanInParallel(file as string, 'main', 31, scanner);
    expect(scanner.broken).toBeNull();
    expect(scanner.count).toBe(31);
    expect(stats.slowChecks).toBe(0);
  });
});
