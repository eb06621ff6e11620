import type { TemplateVariable, TemplateVariant } from './template-model.js';

/** One line of a diff: kept (' '), removed ('-') or added ('+'). */
export interface DiffLine {
  op: ' ' | '-' | '+';
  text: string;
}

export interface FieldDiff {
  /** `channel/locale.field`, or `variables`. */
  path: string;
  change: 'added' | 'removed' | 'changed';
  lines: DiffLine[];
}

const maxLines = 2_000;

/** Line diff by longest common subsequence (templates are small; both sides are capped). */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n').slice(0, maxLines);
  const b = after.split('\n').slice(0, maxLines);
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] =
        a[i] === b[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ op: ' ', text: a[i++] as string });
      j++;
    } else if (j < b.length && (i >= a.length || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) {
      out.push({ op: '+', text: b[j++] as string });
    } else {
      out.push({ op: '-', text: a[i++] as string });
    }
  }
  return out;
}

type Fields = Record<string, string>;

function flatten(variants: readonly TemplateVariant[], variables: readonly TemplateVariable[]): Fields {
  const fields: Fields = {};
  for (const v of variants) {
    const at = `${v.channel}/${v.locale}`;
    fields[`${at}.format`] = v.format ?? '';
    if (v.subject !== undefined) fields[`${at}.subject`] = v.subject;
    fields[`${at}.body`] = v.body;
    if (v.text !== undefined) fields[`${at}.text`] = v.text;
    if (v.link !== undefined) fields[`${at}.link`] = v.link;
    if (v.sms) fields[`${at}.sms`] = JSON.stringify(v.sms, null, 2);
  }
  fields.variables = variables
    .map((v) => `${v.name}${v.required === false ? '?' : ''}${v.description ? ` — ${v.description}` : ''}`)
    .join('\n');
  return fields;
}

/** What changed between two versions, field by field. */
export function diffVersions(
  before: { variants: readonly TemplateVariant[]; variables: readonly TemplateVariable[] },
  after: { variants: readonly TemplateVariant[]; variables: readonly TemplateVariable[] },
): FieldDiff[] {
  const a = flatten(before.variants, before.variables);
  const b = flatten(after.variants, after.variables);
  const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const out: FieldDiff[] = [];
  for (const path of paths) {
    const left = a[path];
    const right = b[path];
    if (left === right) continue;
    const change = left === undefined ? 'added' : right === undefined ? 'removed' : 'changed';
    out.push({ path, change, lines: diffLines(left ?? '', right ?? '') });
  }
  return out;
}
