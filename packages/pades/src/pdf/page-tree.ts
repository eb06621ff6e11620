import { PadesError } from '../errors.js';
import { type PdfDict, type PdfObject, PdfRef } from './pdf-objects.js';
import type { PdfReader } from './pdf-reader.js';

/** A page found in the page tree, with the inherited attributes signing needs. */
export interface PageInfo {
  ref: PdfRef;
  dict: PdfDict;
  /** MediaBox (inherited if needed) as [x1, y1, x2, y2]. */
  mediaBox: [number, number, number, number];
}

const MAX_DEPTH = 64;
/** What a walk needs of the nodes beside its path (their resources are never parsed). */
const PAGE_NODE_KEYS = ['Type', 'Kids', 'Count'] as const;

/** Number of pages according to the root /Pages node. */
export function pageCount(reader: PdfReader): number {
  const root = reader.dict(reader.catalog().get('Pages'));
  const count = reader.get(root?.get('Count'));
  return typeof count === 'number' ? count : 0;
}

/**
 * Finds page `index` (0-based) by walking /Kids with /Count, touching only the nodes on the
 * path — a 3,000-page document costs a few object reads, not a full parse.
 */
export function findPage(reader: PdfReader, index: number): PageInfo {
  let nodeRef = reader.catalog().get('Pages');
  let remaining = index;
  let inheritedBox: PdfObject | undefined;
  const seen = new Set<number>();
  for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
    if (!(nodeRef instanceof PdfRef) || seen.has(nodeRef.num)) break;
    seen.add(nodeRef.num);
    const node = reader.dict(nodeRef);
    if (!node) break;
    inheritedBox = node.get('MediaBox') ?? inheritedBox;
    if (node.name('Type') === 'Page' || !node.has('Kids')) {
      if (remaining !== 0) break;
      return { ref: nodeRef, dict: node, mediaBox: toBox(reader, inheritedBox) };
    }
    const next = pickKid(reader, node, remaining);
    if (!next) break;
    nodeRef = next.ref;
    remaining = next.remaining;
  }
  throw new PadesError('MALFORMED_PDF', `The PDF has no page ${index + 1}, or its page tree is damaged.`);
}

/**
 * Every page in order, in one walk of the tree (each node read once): for code that visits
 * all pages (text search, cross-page seals), where `findPage` per index would walk the
 * siblings again for every page. Remembered per reader. A damaged tree (cycle, too deep,
 * fewer leaves than /Count) is MALFORMED_PDF, as in `findPage`.
 */
export function listPages(reader: PdfReader): readonly PageInfo[] {
  const known = pageLists.get(reader);
  if (known) return known;
  const out: PageInfo[] = [];
  const seen = new Set<number>();
  const visit = (ref: PdfObject | undefined, box: PdfObject | undefined, depth: number): void => {
    if (!(ref instanceof PdfRef)) return; // as findPage: a kid that is no page node is skipped
    if (seen.has(ref.num) || depth > MAX_DEPTH)
      throw new PadesError('MALFORMED_PDF', "The PDF's page tree is damaged (a cycle or too deep).");
    seen.add(ref.num);
    const node = reader.dict(ref);
    if (!node) return;
    const inherited = node.get('MediaBox') ?? box;
    if (node.name('Type') === 'Page' || !node.has('Kids')) {
      out.push({ ref, dict: node, mediaBox: toBox(reader, inherited) });
      return;
    }
    const kids = reader.get(node.get('Kids'));
    for (const kid of Array.isArray(kids) ? kids : []) visit(kid, inherited, depth + 1);
  };
  visit(reader.catalog().get('Pages'), undefined, 0);
  if (out.length < pageCount(reader))
    throw new PadesError(
      'MALFORMED_PDF',
      `The PDF has no page ${out.length + 1}, or its page tree is damaged.`,
    );
  pageLists.set(reader, out);
  return out;
}

const pageLists = new WeakMap<PdfReader, readonly PageInfo[]>();

function pickKid(
  reader: PdfReader,
  node: PdfDict,
  remaining: number,
): { ref: PdfObject; remaining: number } | null {
  const kids = reader.get(node.get('Kids'));
  if (!Array.isArray(kids)) return null;
  let left = remaining;
  for (const kid of kids) {
    const kd = reader.peek(kid, PAGE_NODE_KEYS);
    if (!kd) continue;
    const isLeaf = kd.name('Type') === 'Page' || !kd.has('Kids');
    const count = isLeaf ? 1 : Number(reader.get(kd.get('Count')) ?? 0);
    if (left < count) return { ref: kid, remaining: left };
    left -= count;
  }
  return null;
}

function toBox(reader: PdfReader, v: PdfObject | undefined): [number, number, number, number] {
  const arr = reader.get(v);
  if (Array.isArray(arr) && arr.length === 4) {
    const nums = arr.map((x) => reader.get(x));
    if (nums.every((x) => typeof x === 'number')) return nums as [number, number, number, number];
  }
  return [0, 0, 612, 792];
}
