/**
 * JSON Canonicalization Scheme (RFC 8785). Audit events and checkpoints are hashed and
 * signed over these bytes, so any verifier (ours, or a third party's JCS library) gets the
 * same bytes for the same data regardless of key order or number formatting.
 *
 * ECMAScript's JSON.stringify already serialises strings and numbers exactly as RFC 8785
 * §3.2.2 requires; what JCS adds is sorting object keys by UTF-16 code units, rejecting
 * values JSON cannot carry (NaN, Infinity, undefined in arrays, lone surrogates).
 */
export function canonicalize(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError('RFC 8785: non-finite numbers cannot be canonicalised');
      return JSON.stringify(value);
    case 'string':
      return canonicalString(value);
    case 'object':
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value as Record<string, unknown>);
    default:
      throw new TypeError(`RFC 8785: cannot canonicalise a ${typeof value}`);
  }
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function canonicalString(value: string): string {
  if (loneSurrogate.test(value)) throw new TypeError('RFC 8785: strings must be valid Unicode');
  return JSON.stringify(value);
}

function canonicalArray(values: unknown[]): string {
  return `[${values.map((item) => canonicalize(item === undefined ? null : item)).join(',')}]`;
}

function canonicalObject(object: Record<string, unknown>): string {
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalize((object as { toJSON: () => unknown }).toJSON());
  }
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort(compareUtf16);
  return `{${keys.map((key) => `${canonicalString(key)}:${canonicalize(object[key])}`).join(',')}}`;
}

/** Sort by UTF-16 code units (RFC 8785 §3.2.3), which is what `<` on JS strings does. */
function compareUtf16(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
