import { canonicalize } from './canonical-json.js';

export type FieldChange = { before?: unknown; after?: unknown };

/** Secrets never enter the audit trail: a change to them is recorded, their values are not. */
const secretField = /password|secret|token|totp|private_?key|recovery_?code|api_?key_?hash|_hash$/i;
const REDACTED = '[redacted]';

/**
 * Changed fields only, from the whole before/after objects a service passes: a field is
 * listed when its canonical JSON differs (so `1` vs `1.0` or key order never count).
 * Creation has no `before`, deletion no `after`.
 */
export function changedFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Record<string, FieldChange> | null {
  if (!before && !after) return null;
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  const changes: Record<string, FieldChange> = {};
  for (const key of keys) {
    const from = before ? normalise(before[key]) : undefined;
    const to = after ? normalise(after[key]) : undefined;
    if (before && after && canonicalize(from ?? null) === canonicalize(to ?? null)) continue;
    const change: FieldChange = {};
    if (before) change.before = redact(key, from ?? null);
    if (after) change.after = redact(key, to ?? null);
    changes[key] = change;
  }
  return changes;
}

/** One line per changed field: `status: "draft" → "approved"`. */
export function readableDiff(changes: Record<string, FieldChange> | null): string | null {
  if (!changes) return null;
  const lines = Object.entries(changes).map(([field, change]) => {
    if (!('before' in change)) return `${field}: (new) ${show(change.after)}`;
    if (!('after' in change)) return `${field}: ${show(change.before)} (removed)`;
    return `${field}: ${show(change.before)} → ${show(change.after)}`;
  });
  return lines.length > 0 ? lines.join('\n') : '(no field changed)';
}

function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  return JSON.parse(JSON.stringify(value) ?? 'null');
}

function redact(key: string, value: unknown): unknown {
  return secretField.test(key) && value !== null ? REDACTED : value;
}

function show(value: unknown): string {
  const text = value === REDACTED ? REDACTED : canonicalize(value ?? null);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
