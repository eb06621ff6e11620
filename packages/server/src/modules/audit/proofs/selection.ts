import { type KeyObject, sign, verify } from 'node:crypto';
import { canonicalize } from '../chain/canonical-json.js';

/**
 * A signed statement of what an evidence bundle was asked to hold: "in chain C, among the
 * events up to sequence number N, `total` match this filter; the bundle holds exactly these
 * sequence numbers". Every event already proves it belongs to the log; this proves none
 * was left out, so an offline verifier notices an event deleted from the bundle.
 */
export interface SignedSelection {
  chain: string;
  /** The newest event the selection considered (at most the checkpoint's tree size). */
  through_seq: number;
  /** The filter as the exporter applied it (for a signing request: its entity type and id). */
  filter: Record<string, unknown>;
  /** How many events matched; more than `seqs` when an export limit cut the list. */
  total: number;
  /** Sequence numbers of the events the bundle holds, ascending. */
  seqs: number[];
  key_id: string;
  /** Ed25519 signature (base64) over `selectionStatement(...)`. */
  signature: string;
}

type Unsigned = Omit<SignedSelection, 'signature'>;

/** The exact bytes a selection signature covers: RFC 8785 JSON with its own format tag. */
function selectionStatement(selection: Unsigned): Buffer {
  const { chain, through_seq, filter, total, seqs, key_id } = selection;
  return Buffer.from(
    canonicalize({ format: 'signx-audit-selection/1', chain, through_seq, filter, total, seqs, key_id }),
    'utf8',
  );
}

export function signSelection(unsigned: Unsigned, privateKey: KeyObject): SignedSelection {
  return { ...unsigned, signature: sign(null, selectionStatement(unsigned), privateKey).toString('base64') };
}

/** Problems with a bundle's selection: a bad signature, or events missing or added. */
export function selectionProblems(
  selection: SignedSelection | undefined,
  context: { chain: string; treeSize: number; eventSeqs: number[]; key: KeyObject; keyId: string },
): string[] {
  if (!selection)
    return [
      'the bundle carries no signed selection, so an event missing from it could not be detected (export it again)',
    ];
  if (!isSelectionSigned(selection, context.key, context.keyId))
    return ['the selection statement is not signed by the bundle key (altered)'];
  const problems: string[] = [];
  if (selection.chain !== context.chain) problems.push(`the selection is of chain ${selection.chain}`);
  if (selection.through_seq > context.treeSize)
    problems.push(`the selection reaches event ${selection.through_seq}, beyond the checkpoint`);
  const held = new Set(context.eventSeqs);
  const listed = new Set(selection.seqs);
  for (const seq of selection.seqs)
    if (!held.has(seq)) problems.push(`event ${seq} is in the signed selection but missing from the bundle`);
  for (const seq of context.eventSeqs)
    if (!listed.has(seq)) problems.push(`event ${seq} is in the bundle but not in the signed selection`);
  return problems;
}

function isSelectionSigned(selection: SignedSelection, key: KeyObject, keyId: string): boolean {
  if (selection.key_id !== keyId || !Array.isArray(selection.seqs)) return false;
  try {
    return verify(null, selectionStatement(selection), key, Buffer.from(selection.signature, 'base64'));
  } catch {
    return false;
  }
}
