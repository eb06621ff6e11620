/** A piece of a line with one direction, in visual order once returned by `visualRuns`. */
export interface TextRun {
  text: string;
  rtl: boolean;
}

const RTL = /[\u0590-\u05ff\u0600-\u06ff\ufb1d-\ufb4f]/;
const DIGIT = /[0-9]/;
const LTR = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/;

function strength(ch: string): 'r' | 'l' | 'n' | 'd' {
  if (RTL.test(ch)) return 'r';
  if (DIGIT.test(ch)) return 'd';
  return LTR.test(ch) ? 'l' : 'n';
}

/**
 * A small subset of the Unicode bidi algorithm, enough for signature labels: split into
 * runs of strong direction, give neutrals the direction of equal neighbours (else the base
 * direction), and order the runs visually. fontkit reverses the glyphs inside an RTL run
 * itself, so runs keep logical character order here.
 */
export function visualRuns(line: string): TextRun[] {
  const chars = [...line];
  const raw = chars.map(strength);
  const firstStrong = raw.find((k) => k === 'r' || k === 'l');
  const baseRtl = firstStrong === 'r';
  // Digits take the direction of the last strong letter before them (UBA W7, simplified).
  const kinds = raw.map((k, i) => {
    if (k !== 'd') return k;
    const prev = raw
      .slice(0, i)
      .reverse()
      .find((x) => x === 'r' || x === 'l');
    return (prev ?? (baseRtl ? 'r' : 'l')) === 'r' ? 'd' : 'l';
  });
  const level = kinds.map((k, i) => {
    if (k === 'r' || k === 'd') return true;
    if (k === 'l') return false;
    const before = kinds
      .slice(0, i)
      .reverse()
      .find((x) => x !== 'n');
    const after = kinds.slice(i + 1).find((x) => x !== 'n');
    const b = before === 'd' ? 'r' : before;
    const a = after === 'd' ? 'r' : after;
    return b !== undefined && b === a ? b === 'r' : baseRtl;
  });
  const runs: (TextRun & { digits: boolean })[] = [];
  chars.forEach((ch, i) => {
    const digits = kinds[i] === 'd';
    const last = runs[runs.length - 1];
    if (last && last.rtl === level[i] && last.digits === digits) last.text += ch;
    else runs.push({ text: ch, rtl: level[i]!, digits });
  });
  const flat = runs.map((r) => ({ text: r.text, rtl: r.rtl && !r.digits, level: r.rtl }));
  if (baseRtl) return reverseLtrGroups(flat).map(({ text, rtl }) => ({ text, rtl }));
  return order(flat).map(({ text, rtl }) => ({ text, rtl }));
}

/** In an LTR line, reverses each right-to-left group of runs (digits inside stay put). */
function order<T extends TextRun & { level: boolean }>(runs: T[]): T[] {
  const out: T[] = [];
  let group: T[] = [];
  for (const r of runs) {
    if (r.level) group.push(r);
    else {
      out.push(...group.reverse(), r);
      group = [];
    }
  }
  out.push(...group.reverse());
  return out;
}

/** For an RTL line the whole order flips, but LTR groups keep their own order. */
function reverseLtrGroups<T extends TextRun>(runs: T[]): T[] {
  const reversed = [...runs].reverse();
  const out: T[] = [];
  let group: T[] = [];
  for (const r of reversed) {
    if (!r.rtl) group.push(r);
    else {
      out.push(...group.reverse(), r);
      group = [];
    }
  }
  out.push(...group.reverse());
  return out;
}

/** True when the line's first strong character is right-to-left (align it right). */
export function isRtlLine(line: string): boolean {
  for (const ch of line) {
    const s = strength(ch);
    if (s !== 'n') return s === 'r';
  }
  return false;
}
