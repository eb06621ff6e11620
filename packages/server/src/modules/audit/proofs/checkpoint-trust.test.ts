import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditTestDeps, disableAuditGuards, recordSome } from '../../../../test/audit-kit.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-database.js';
import type { Db } from '../../../platform/db/schema.js';
import { CHECKPOINT_KEY } from '../audit.deps.js';
import { eventLeafHash } from '../chain/leaf.js';
import { signCheckpoint } from '../checkpoints/checkpoint.js';
import { createCheckpoint } from '../checkpoints/checkpoints.service.js';
import {
  checkpointTrustStats,
  isTrustedCheckpoint,
  TRUSTED_CHECKPOINTS,
  trustedCheckpointCount,
} from './checkpoint-trust.js';
import { entityInclusion } from './inclusion.service.js';

// The cache behind inclusion proofs: one Ed25519 check per distinct checkpoint row, bounded,
// and keyed by every column, so an altered or replaced checkpoint is never taken on trust.
let database: TestDatabase;
let deps: ReturnType<typeof auditTestDeps>;
let db: Db;
const inclusion = (entityId: string) => entityInclusion(deps, 'main', { entityType: 'thing', entityId });
const FORGED = ['the latest audit checkpoint is not signed by this installation'];

describe('trusted checkpoint cache', () => {
  beforeEach(async () => {
    database = await createTestDatabase();
    db = database.db;
    deps = auditTestDeps(db);
    await recordSome(db, 6);
    await createCheckpoint(deps, 'main');
  });
  afterEach(async () => {
    await database.destroy();
    deps.cleanup();
  });

  it('checks the signature of a checkpoint once, then proves events against it from memory', async () => {
    const before = checkpointTrustStats.signatureChecks;
    for (let i = 1; i <= 6; i += 1) {
      const proof = await inclusion(`e${i}`);
      expect([proof.verified, proof.problems, proof.checkpoint?.tree_size]).toEqual([1, [], 6]);
    }
    expect(checkpointTrustStats.signatureChecks - before).toBe(1);
    // A newer checkpoint is a new row: checked once, used at once.
    await recordSome(db, 2, 'n');
    await createCheckpoint(deps, 'main');
    expect((await inclusion('n2')).checkpoint?.tree_size).toBe(8);
    expect((await inclusion('e1')).checkpoint?.tree_size).toBe(8);
    expect(checkpointTrustStats.signatureChecks - before).toBe(2);
  });

  it('refuses the checkpoint at once when its stored row is altered after it was trusted', async () => {
    expect((await inclusion('e3')).verified).toBe(1); // trusted and cached
    await disableAuditGuards(db);
    const row = await db.selectFrom('audit_checkpoints').selectAll().executeTakeFirstOrThrow();
    // Only the signature changed (same root and size): a different row, checked again.
    const other = Buffer.from(row.signature, 'base64');
    other[0] = (other[0] as number) ^ 1;
    await db
      .updateTable('audit_checkpoints')
      .set({ signature: other.toString('base64') })
      .where('id', '=', row.id)
      .execute();
    expect(await inclusion('e3')).toMatchObject({ verified: 0, problems: FORGED });
    // Back as it was: trusted again; then a changed time, which the signature covers.
    await db
      .updateTable('audit_checkpoints')
      .set({ signature: row.signature })
      .where('id', '=', row.id)
      .execute();
    expect((await inclusion('e3')).problems).toEqual([]);
    await db
      .updateTable('audit_checkpoints')
      .set({ created_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', row.id)
      .execute();
    expect(await inclusion('e3')).toMatchObject({ verified: 0, problems: FORGED });
  });

  it('refuses a checkpoint re-signed by another key and a tampered leaf under the cached tree', async () => {
    expect((await inclusion('e4')).verified).toBe(1);
    await disableAuditGuards(db);
    const row = await db.selectFrom('audit_checkpoints').selectAll().executeTakeFirstOrThrow();
    const { keyId } = deps.keyring.signingKey(CHECKPOINT_KEY);
    // Same id, size, root and key id, signed by a stranger's key.
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const resigned = signCheckpoint(
      {
        chain: row.chain,
        tree_size: Number(row.tree_size),
        root_hash: row.root_hash,
        created_at: row.created_at,
        key_id: keyId,
      },
      stranger,
    );
    await db
      .updateTable('audit_checkpoints')
      .set({ signature: resigned.signature })
      .where('id', '=', row.id)
      .execute();
    expect((await inclusion('e4')).problems).toEqual(FORGED);
    await db
      .updateTable('audit_checkpoints')
      .set({ signature: row.signature })
      .where('id', '=', row.id)
      .execute();
    // A leaf rewritten with its hash recomputed: the cached, signed tree does not have it.
    const event = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', 'e4')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('audit_events')
      .set({ actor_name: 'mallory', leaf_hash: eventLeafHash({ ...event, actor_name: 'mallory' }) })
      .where('id', '=', event.id)
      .execute();
    expect(await inclusion('e4')).toMatchObject({
      verified: 0,
      problems: ['audit event 4 is not in the signed checkpoint'],
    });
    expect((await inclusion('e5')).verified).toBe(1);
  });

  it(`keeps at most ${TRUSTED_CHECKPOINTS} rows per key; an evicted row is checked again`, () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const rows = Array.from({ length: TRUSTED_CHECKPOINTS + 6 }, (_, i) => ({
      id: `cp-${i}`,
      ...signCheckpoint(
        {
          chain: 'main',
          tree_size: i + 1,
          root_hash: 'a'.repeat(64),
          created_at: '2026-12-07T00:00:00.000Z',
          key_id: 'k',
        },
        privateKey,
      ),
    }));
    const before = checkpointTrustStats.signatureChecks;
    for (const row of rows) expect(isTrustedCheckpoint(row, publicKey, 'k')).toBe(true);
    expect(trustedCheckpointCount(publicKey)).toBe(TRUSTED_CHECKPOINTS);
    expect(isTrustedCheckpoint(rows.at(-1) as (typeof rows)[number], publicKey, 'k')).toBe(true);
    expect(checkpointTrustStats.signatureChecks - before).toBe(rows.length); // the newest: cached
    expect(isTrustedCheckpoint(rows[0] as (typeof rows)[number], publicKey, 'k')).toBe(true);
    expect(checkpointTrustStats.signatureChecks - before).toBe(rows.length + 1); // evicted: checked
    expect(trustedCheckpointCount(publicKey)).toBe(TRUSTED_CHECKPOINTS);
    // Trusted under one key says nothing under another.
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(isTrustedCheckpoint(rows[1] as (typeof rows)[number], other, 'k')).toBe(false);
  });
});
