import { createHash } from 'node:crypto';
import { canonicalize } from './canonical-json.js';

/** The hash of "nothing before": the previous hash of the first event of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an event that are hashed, exactly as stored (JSON columns stay canonical text). */
export const HASHED_FIELDS = [
  'id',
  'chain',
  'seq',
  'occurred_at',
  'actor_type',
  'actor_id',
  'actor_name',
  'auth_method',
  'on_behalf_of',
  'request_id',
  'ip',
  'user_agent',
  'action',
  'entity_type',
  'entity_id',
  'changes',
  'diff',
  'reason',
  'meaning',
  'result',
  'details',
  'app_version',
  'prev_hash',
] as const;

export type HashedEvent = { [K in (typeof HASHED_FIELDS)[number]]: K extends 'seq' ? number : string | null };

const FORMAT = 'signx-audit-event/1';
const LEAF_PREFIX = Buffer.from([0]);
/** Keys of the hashed object in RFC 8785 order (UTF-16 code units), with the JSON prefix of each. */
const ORDER = [...HASHED_FIELDS, 'format' as const].sort();

/**
 * The canonical text as one SQLite expression (json_quote escapes exactly as RFC 8785 /
 * JSON.stringify do: tested), so the verifier's workers read one string per event instead
 * of 23 values. A mismatch is always re-checked with `rowLeafHash`, so this shortcut can
 * make verification slower, never wrong.
 */
export const SQLITE_CANONICAL_EXPRESSION = ORDER.map(
  (key, i) =>
    `'${i === 0 ? '{' : ','}"${key}":' || ${key === 'format' ? `'"${'signx-audit-event/1'}"'` : `json_quote(${key})`}`,
)
  .concat(`'}'`)
  .join(' || ');

const PREFIXES = ORDER.map((key, i) => `${i === 0 ? '{' : ','}"${key}":`);
// biome-ignore lint/suspicious/noControlCharactersInRegex: RFC 8785 escapes exactly the control characters (and checks surrogates)
const needsEscape = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * The canonical text of an event: RFC 8785 over the hashed fields plus a format tag.
 * `prev_hash` is inside, so the leaf hashes form a hash chain as well as the leaves of the
 * Merkle tree: one SHA-256 per event serves both. The keys are fixed, so their order is
 * computed once; values are strings, null or the integer seq, serialised as RFC 8785 does
 * (strings needing escapes go through the general canonicaliser). Equality with the
 * general canonicaliser is tested.
 */
export function eventCanonicalText(event: HashedEvent): string {
  return canonicalTextOfRow(HASHED_FIELDS.map((field) => event[field]));
}

/** Index into HASHED_FIELDS of each key in canonical order (-1: the format tag). */
const ORDER_INDEX = ORDER.map((key) => (key === 'format' ? -1 : HASHED_FIELDS.indexOf(key)));
const SEQ_INDEX = HASHED_FIELDS.indexOf('seq');

/** The same canonical text from a row of values in HASHED_FIELDS order (fast path of verification). */
function canonicalTextOfRow(values: readonly unknown[]): string {
  // Joined from parts (not +=) so the hash gets one flat string, which is markedly faster.
  const parts: string[] = [];
  for (let i = 0; i < ORDER_INDEX.length; i += 1) {
    const index = ORDER_INDEX[i] as number;
    const value = index < 0 ? FORMAT : index === SEQ_INDEX ? Number(values[index]) : values[index];
    parts.push(PREFIXES[i] as string, canonicalValue(value as string | number | null));
  }
  parts.push('}');
  return parts.join('');
}

/** RFC 6962 leaf hash (hex) of a row of values in HASHED_FIELDS order. */
export function rowLeafHash(values: readonly unknown[]): string {
  return createHash('sha256').update(LEAF_PREFIX).update(canonicalTextOfRow(values), 'utf8').digest('hex');
}

function canonicalValue(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return canonicalize(value);
  return needsEscape.test(value) ? canonicalize(value) : `"${value}"`;
}

/** RFC 6962 §2.1 leaf hash: SHA-256(0x00 ‖ canonical event). */
export function eventLeafHash(event: HashedEvent): string {
  return rowLeafHash(HASHED_FIELDS.map((field) => event[field]));
}
