import { createHmac } from 'node:crypto';
import type { ScannedEvent } from '../chain/chain-scan.js';
import { eventLeafHash } from '../chain/leaf.js';
import { importPublicKey, isCheckpointSigned, type SignedCheckpoint } from '../checkpoints/checkpoint.js';
import { verifyConsistency, verifyInclusion } from './merkle-verify.js';
import { type SignedSelection, selectionProblems } from './selection.js';

/**
 * An evidence bundle: events with their inclusion proofs, the signed checkpoints that
 * cover them, consistency proofs between those checkpoints, and the public key. Everything
 * a third party needs to check the events offline, without SignX's database.
 */
export interface AuditBundle {
  /** /2 adds `selection`; a /1 bundle cannot show that none of its events was removed. */
  format: 'signx-audit-bundle/2' | 'signx-audit-bundle/1';
  chain: string;
  created_at: string;
  public_key: { algorithm: 'Ed25519'; key_id: string; spki_base64: string };
  /** The checkpoint every inclusion proof refers to (the newest one). */
  checkpoint: SignedCheckpoint;
  /** Older checkpoints, each with a consistency proof to `checkpoint`. */
  earlier_checkpoints: { checkpoint: SignedCheckpoint; consistency_proof: string[] }[];
  events: (ScannedEvent & { inclusion_proof: string[] })[];
  /** What was selected, signed: lets a verifier detect an event deleted from `events`. */
  selection?: SignedSelection;
}

export interface BundleReport {
  isValid: boolean;
  eventsVerified: number;
  keyId: string;
  keyFingerprint: string;
  problems: string[];
  /** Matching events and how many the bundle holds (fewer when an export limit cut it). */
  selection: { total: number; included: number; filter: Record<string, unknown> } | null;
}

/** The key id SignX prints for a public key (so an auditor can compare it with a published one). */
function keyIdOf(spkiBase64: string): string {
  return createHmac('sha256', 'signx-key-id')
    .update(Buffer.from(spkiBase64, 'base64'))
    .digest('hex')
    .slice(0, 16);
}

/** Verifies a bundle with nothing but its own content (and, ideally, a key id known out of band). */
export function verifyBundle(bundle: AuditBundle, trustedKeyId?: string): BundleReport {
  const problems: string[] = [];
  const keyId = keyIdOf(bundle.public_key?.spki_base64 ?? '');
  if (bundle.format !== 'signx-audit-bundle/2' && bundle.format !== 'signx-audit-bundle/1')
    problems.push(`unknown bundle format ${String(bundle.format)}`);
  if (keyId !== bundle.public_key.key_id) problems.push('public key does not match its key id');
  if (trustedKeyId && trustedKeyId !== keyId)
    problems.push(`bundle key ${keyId} is not the trusted key ${trustedKeyId}`);
  const key = importPublicKey(bundle.public_key.spki_base64);
  const head = bundle.checkpoint;
  const root = Buffer.from(head.root_hash, 'hex');
  if (!isCheckpointSigned(head, key, keyId))
    problems.push(`checkpoint of size ${head.tree_size}: signature is not valid`);
  for (const earlier of bundle.earlier_checkpoints) {
    const cp = earlier.checkpoint;
    if (!isCheckpointSigned(cp, key, keyId))
      problems.push(`checkpoint of size ${cp.tree_size}: signature is not valid`);
    const proof = earlier.consistency_proof.map((h) => Buffer.from(h, 'hex'));
    if (!verifyConsistency(cp.tree_size, head.tree_size, proof, Buffer.from(cp.root_hash, 'hex'), root))
      problems.push(`checkpoint of size ${cp.tree_size} is not consistent with size ${head.tree_size}`);
  }
  let verified = 0;
  for (const event of bundle.events) {
    const problem = eventProblem(event, head, root);
    if (problem) problems.push(`event ${event.seq} (${event.id}): ${problem}`);
    else verified += 1;
  }
  problems.push(...linkProblems(bundle.events));
  const selection = bundle.selection;
  problems.push(
    ...selectionProblems(selection, {
      chain: head.chain,
      treeSize: head.tree_size,
      eventSeqs: bundle.events.map((e) => Number(e.seq)),
      key,
      keyId,
    }),
  );
  return {
    isValid: problems.length === 0,
    eventsVerified: verified,
    keyId,
    keyFingerprint: keyId,
    problems,
    selection: selection
      ? { total: selection.total, included: selection.seqs.length, filter: selection.filter }
      : null,
  };
}

function eventProblem(
  event: AuditBundle['events'][number],
  head: SignedCheckpoint,
  root: Buffer,
): string | null {
  if (event.chain !== head.chain) return `belongs to chain ${event.chain}, not ${head.chain}`;
  if (eventLeafHash(event) !== event.leaf_hash) return 'content was altered (leaf hash does not match)';
  const proof = (event.inclusion_proof ?? []).map((h) => Buffer.from(h, 'hex'));
  const leaf = Buffer.from(event.leaf_hash, 'hex');
  if (!verifyInclusion(Number(event.seq) - 1, head.tree_size, leaf, proof, root))
    return `inclusion proof does not lead to the signed root of size ${head.tree_size}`;
  return null;
}

/** Consecutive events must also link to each other (prev_hash), as they did when recorded. */
function linkProblems(events: AuditBundle['events']): string[] {
  const problems: string[] = [];
  for (let i = 1; i < events.length; i += 1) {
    const [a, b] = [events[i - 1], events[i]] as [ScannedEvent, ScannedEvent];
    if (Number(b.seq) === Number(a.seq) + 1 && b.prev_hash !== a.leaf_hash)
      problems.push(`event ${b.seq} (${b.id}): does not link to event ${a.seq}`);
  }
  return problems;
}
