import type { PdfReader } from '../pdf/pdf-reader.js';
import type { CoverageReport } from './validation-report.js';

/** Byte positions just after each `%%EOF` marker (and its end-of-line), in file order. */
export function revisionEnds(bytes: Uint8Array): number[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const ends: number[] = [];
  for (let at = buf.indexOf('%%EOF'); at >= 0; at = buf.indexOf('%%EOF', at + 5)) {
    let end = at + 5;
    if (buf[end] === 13) end += 1;
    if (buf[end] === 10) end += 1;
    ends.push(end);
  }
  return ends;
}

/**
 * Checks where a signature's byte range sits: it must start at 0, leave exactly the
 * /Contents string out, and end at a revision boundary; whatever follows must be complete
 * later revisions chained back to it. Anything else is reported, never ignored.
 */
export function coverageOf(reader: PdfReader, range: readonly number[], ends: number[]): CoverageReport {
  const bytes = reader.bytes;
  const problems: string[] = [];
  const [a, b, c, d] = range.map((x) => (typeof x === 'number' ? x : -1)) as [number, number, number, number];
  const wellFormed = range.length === 4 && a === 0 && b > 0 && c > b && d >= 0 && c + d <= bytes.length;
  if (!wellFormed) problems.push('The /ByteRange is malformed or points outside the file.');
  else if (bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e)
    problems.push('The gap in /ByteRange is not exactly the /Contents value.');
  const end = c + d;
  const endsAtRevision = wellFormed && (ends.includes(end) || isEofWithoutNewline(bytes, end));
  if (wellFormed && !endsAtRevision) problems.push('The signed bytes end in the middle of a revision.');
  const later = reader.sections.filter((s) => s.offset >= end);
  const lastEnd = ends[ends.length - 1] ?? bytes.length;
  const restIsLaterRevisions =
    end === bytes.length ||
    (endsAtRevision && later.length > 0 && lastEnd >= bytes.length - 2 && chainsBack(reader, end));
  if (wellFormed && end !== bytes.length && !restIsLaterRevisions) {
    problems.push('Bytes after the signed range are not a proper incremental update.');
  }
  const revision = ends.filter((e) => e <= end).length || 1;
  return {
    byteRange: range,
    coveredBytes: wellFormed ? b + d : 0,
    endsAtRevision,
    restIsLaterRevisions,
    coversWholeFile: wellFormed && end === bytes.length,
    revision,
    problems,
  };
}

function isEofWithoutNewline(bytes: Uint8Array, end: number): boolean {
  return end >= 5 && Buffer.from(bytes.buffer, bytes.byteOffset + end - 5, 5).toString('latin1') === '%%EOF';
}

/** The xref chain must reach a section inside the signed part from the first later one. */
function chainsBack(reader: PdfReader, end: number): boolean {
  const sections = reader.sections;
  for (let i = 0; i + 1 < sections.length; i += 1) {
    if (sections[i]!.offset >= end && sections[i + 1]!.offset < end) return true;
  }
  return false;
}
