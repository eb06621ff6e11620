import { beforeEach, describe, expect, it } from 'vitest';
import { recordSome, useAuditTestBed } from '../../../../test/audit-kit.js';
import { eventsAfter } from '../chain/chain.repository.js';
import { createCheckpoint } from '../checkpoints/checkpoints.service.js';
import { type AuditBundle, verifyBundle } from './bundle.js';
import { buildBundle } from './bundle.service.js';

const bed = useAuditTestBed();
let bundle: AuditBundle;

beforeEach(async () => {
  await recordSome(bed.database.db, 3);
  await createCheckpoint(bed.deps, 'main');
  await recordSome(bed.database.db, 4, 'b');
  await createCheckpoint(bed.deps, 'main');
  await recordSome(bed.database.db, 2, 'c');
  bundle = await buildBundle(bed.deps, 'main', await eventsAfter(bed.database.db, 'main', 1, 4));
});

const flipHex = (hex: string, at: number) =>
  `${hex.slice(0, at)}${hex[at] === '0' ? '1' : '0'}${hex.slice(at + 1)}`;

describe('evidence bundle', () => {
  it('carries events, inclusion proofs, earlier checkpoints with consistency proofs and the key', () => {
    expect(bundle.checkpoint.tree_size).toBe(9);
    expect(bundle.earlier_checkpoints.map((e) => e.checkpoint.tree_size)).toEqual([3, 7]);
    expect(bundle.events.map((e) => e.seq)).toEqual([2, 3, 4, 5]);
    expect(verifyBundle(bundle, bundle.public_key.key_id)).toMatchObject({
      isValid: true,
      eventsVerified: 4,
      problems: [],
    });
  });

  it('rejects any altered byte of an inclusion proof', () => {
    const proof = bundle.events[1]?.inclusion_proof as string[];
    for (let node = 0; node < proof.length; node += 1) {
      for (let at = 0; at < 64; at += 1) {
        const copy = structuredClone(bundle);
        const target = copy.events[1]?.inclusion_proof as string[];
        target[node] = flipHex(target[node] as string, at);
        expect(verifyBundle(copy).isValid).toBe(false);
      }
    }
  });

  it('rejects any altered byte of a consistency proof', () => {
    for (const [index, earlier] of bundle.earlier_checkpoints.entries()) {
      for (let node = 0; node < earlier.consistency_proof.length; node += 1) {
        for (let at = 0; at < 64; at += 1) {
          const copy = structuredClone(bundle);
          const proof = copy.earlier_checkpoints[index]?.consistency_proof as string[];
          proof[node] = flipHex(proof[node] as string, at);
          expect(verifyBundle(copy).problems.join()).toMatch(/not consistent/);
        }
      }
    }
  });

  it('rejects a forged checkpoint, a changed root, a swapped key and an altered event', () => {
    const forgedRoot = structuredClone(bundle);
    forgedRoot.checkpoint.root_hash = flipHex(forgedRoot.checkpoint.root_hash, 5);
    expect(verifyBundle(forgedRoot).problems.join()).toMatch(/signature is not valid/);
    const resized = structuredClone(bundle);
    resized.checkpoint.tree_size = 8;
    expect(verifyBundle(resized).isValid).toBe(false);
    const otherKey = structuredClone(bundle);
    otherKey.public_key.key_id = '0000000000000000';
    expect(verifyBundle(otherKey).problems.join()).toMatch(/does not match its key id/);
    const altered = structuredClone(bundle);
    (altered.events[0] as { reason: string | null }).reason = 'edited';
    expect(verifyBundle(altered).problems[0]).toMatch(/event 2 .*altered/);
  });
});
