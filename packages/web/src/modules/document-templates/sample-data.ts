import type { TemplateVariable } from './templates.api';

/**
 * Plausible sample values from a variable schema, for previewing a template before it is
 * saved. Text is written in the reader's language (Chinese, Hebrew or English) so the preview
 * shows the fonts and the direction the real documents will need; the variable's name picks
 * the kind of text (a person, a company, an address, a number like HT-2026-0001).
 */
type Lang = 'zh' | 'he' | 'en';
type Kind = 'person' | 'company' | 'address' | 'code' | 'email' | 'phone' | 'item' | 'text';

const texts: Record<Lang, Record<Exclude<Kind, 'code' | 'email'>, string>> = {
  zh: {
    person: '张伟',
    company: '华东机械制造有限公司',
    address: '上海市浦东新区世纪大道100号',
    phone: '+86 138 0013 8000',
    item: '六角螺栓 M8',
    text: '示例文本',
  },
  he: {
    person: 'דנה כהן',
    company: 'כהן הנדסה בע״מ',
    address: 'רחוב הרצל 12, תל אביב',
    phone: '+972 50 123 4567',
    item: 'ברגים משושים M8',
    text: 'טקסט לדוגמה',
  },
  en: {
    person: 'Jane Doe',
    company: 'Acme Manufacturing Ltd.',
    address: '100 Main Street, Springfield',
    phone: '+1 555 0100',
    item: 'Hex bolt M8',
    text: 'Sample text',
  },
};

// A 1×1 PNG: enough for the image module to place a picture.
const samplePng =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const kinds: [RegExp, Kind][] = [
  [/mail/i, 'email'],
  [/phone|tel|mobile|电话|手机|טלפון/i, 'phone'],
  [/addr|地址|כתובת/i, 'address'],
  [/compan|vendor|supplier|customer|org|party|公司|甲方|乙方|חברה/i, 'company'],
  [/name|person|signer|contact|姓名|שם/i, 'person'],
  [/(^|_)(no|num|number|code|id)$|编号|מספר/i, 'code'],
  [/item|product|goods|物品|产品|פריט/i, 'item'],
];

function langOf(locale: string): Lang {
  if (locale.startsWith('zh')) return 'zh';
  if (locale.startsWith('he')) return 'he';
  return 'en';
}

function textFor(name: string, lang: Lang, index: number): string {
  const kind = kinds.find(([pattern]) => pattern.test(name))?.[1] ?? 'text';
  if (kind === 'code') return `HT-2026-${String(index + 1).padStart(4, '0')}`;
  if (kind === 'email') return 'jane.doe@example.com';
  return texts[lang][kind];
}

/** One variable's sample: `today` is YYYY-MM-DD (dates), `index` varies codes and list rows. */
export function sampleValue(variable: TemplateVariable, locale: string, today: string, index = 0): unknown {
  const lang = langOf(locale);
  switch (variable.type) {
    case 'number':
      return String(1200 + index * 100);
    case 'date':
      return today;
    case 'boolean':
      return true;
    case 'image':
      return samplePng;
    case 'list':
      return [0, 1].map((row) =>
        Object.fromEntries((variable.fields ?? []).map((f) => [f.name, sampleValue(f, locale, today, row)])),
      );
    default:
      return textFor(variable.name, lang, index);
  }
}

/** The schema with every variable given a sample; `keep` leaves samples people already set. */
export function withSamples(
  variables: TemplateVariable[],
  locale: string,
  today: string,
  keep = true,
): TemplateVariable[] {
  return variables.map((v) =>
    keep && v.sample !== undefined && v.sample !== null && v.sample !== ''
      ? v
      : { ...v, sample: sampleValue(v, locale, today) },
  );
}

/** A sample as people edit it: text as is, anything else (lists, numbers) as JSON. */
export function sampleText(sample: unknown): string {
  if (sample === undefined || sample === null) return '';
  return typeof sample === 'string' ? sample : JSON.stringify(sample);
}

/** Editable rows back to a schema; a list's sample must be JSON (SyntaxError otherwise). */
export function samplesToVariables(rows: (TemplateVariable & { sampleText: string })[]): TemplateVariable[] {
  return rows.map(({ sampleText: text, ...variable }) => {
    if (variable.type === 'boolean') return { ...variable, sample: variable.sample === true };
    if (text.trim() === '') {
      const { sample: _dropped, ...rest } = variable;
      return rest;
    }
    return { ...variable, sample: variable.type === 'list' ? (JSON.parse(text) as unknown) : text };
  });
}
