import { PadesError } from '../../errors.js';
import { listFields } from '../form-fields.js';
import { findPage, listPages, type PageInfo, pageCount } from '../page-tree.js';
import { type PdfDict, type PdfObject, PdfRef, PdfStream } from '../pdf-objects.js';
import { PdfReader } from '../pdf-reader.js';
import { decodeStream } from '../stream-filters.js';
import { type FontDecoder, fontDecoder } from './font-decoder.js';
import { Interpreter, type TextLayer } from './text-interpreter.js';

/** A page's text layer: characters in content order (whitespace dropped) and their boxes. */
export interface PageText {
  /** 1-based. */
  page: number;
  text: string;
  /** boxes[i] is [x, y, w, h] of text[i] in user space (y = baseline − descent). */
  boxes: [number, number, number, number][];
}

/** Where a keyword was found: page (1-based) and [x, y, width, height] in PDF points. */
export interface TextHit {
  page: number;
  rect: [number, number, number, number];
}

/** Options of `findText`. */
export interface FindTextOptions {
  /**
   * `last`: only the last occurrence in the document. Pages are read from the end and the
   * search stops at the first page that has the text, so a signature block on the last page
   * of a long contract costs one page.
   */
  occurrence?: 'all' | 'last';
}

/**
 * Finds text in a PDF's text layer (page content streams, fonts through their ToUnicode maps):
 * the seal placement by keyword ("甲方（盖章）", "盖章处"). Whitespace is ignored on both
 * sides, so a phrase split across text runs is still found. Text inside form XObjects and
 * scanned pages (no text layer) is not searched.
 */
export function findText(
  pdf: Uint8Array | PdfReader,
  keyword: string,
  options: FindTextOptions = {},
): TextHit[] {
  const needle = keyword.replace(/\s+/g, '');
  if (needle === '') throw new PadesError('INVALID_ARGUMENT', 'The keyword to find is empty.');
  const reader = pdf instanceof PdfReader ? pdf : new PdfReader(pdf);
  const pages = listPages(reader).slice(0, pageCount(reader));
  const decoders = new Map<number, FontDecoder>();
  const last = options.occurrence === 'last';
  const hits: TextHit[] = [];
  for (let k = 0; k < pages.length; k += 1) {
    const i = last ? pages.length - 1 - k : k;
    const page = textOf(reader, pages[i]!, decoders);
    for (let at = page.text.indexOf(needle); at >= 0; at = page.text.indexOf(needle, at + needle.length))
      hits.push({ page: i + 1, rect: unionOf(page.flat, at, at + needle.length) });
    if (last && hits.length > 0) return hits.slice(-1);
  }
  return hits;
}

function unionOf(flat: number[], from: number, to: number): TextHit['rect'] {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = from; i < to; i += 1) {
    const [x, y, w, h] = [flat[4 * i]!, flat[4 * i + 1]!, flat[4 * i + 2]!, flat[4 * i + 3]!];
    x1 = Math.min(x1, x);
    y1 = Math.min(y1, y);
    x2 = Math.max(x2, x + w);
    y2 = Math.max(y2, y + h);
  }
  return [x1, y1, x2 - x1, y2 - y1];
}

/** Reads the text layer of page `index` (0-based). */
export function pageText(
  reader: PdfReader,
  index: number,
  /** Decoders by font object number, shared across pages (a CMap is parsed once per document). */
  decoders = new Map<number, FontDecoder>(),
): PageText {
  const { text, flat } = textOf(reader, findPage(reader, index), decoders);
  const boxes: PageText['boxes'] = [];
  for (let i = 0; i < flat.length; i += 4) boxes.push([flat[i]!, flat[i + 1]!, flat[i + 2]!, flat[i + 3]!]);
  return { page: index + 1, text, boxes };
}

/** `BT`: every text-showing operator sits inside a text object, so a stream without it has none. */
const BEGIN_TEXT = Buffer.from('BT');

function textOf(reader: PdfReader, page: PageInfo, decoders: Map<number, FontDecoder>): TextLayer {
  return streamsText(reader, resourcesOf(reader, page.dict), contentStreams(reader, page.dict), decoders);
}

function streamsText(
  reader: PdfReader,
  resources: PdfDict | undefined,
  streams: PdfStream[],
  decoders: Map<number, FontDecoder>,
): TextLayer {
  const out: TextLayer = { text: '', flat: [] };
  const fonts = new Map<string, FontDecoder>();
  let fontDict: PdfDict | null | undefined = null;
  const fontFor = (name: string) => {
    let f = fonts.get(name);
    if (!f) {
      if (fontDict === null) fontDict = reader.dict(resources?.get('Font'));
      const ref = fontDict?.get(name);
      const shared = ref instanceof PdfRef ? decoders.get(ref.num) : undefined;
      const d = shared ? undefined : reader.dict(ref);
      f = shared ?? (d ? fontDecoder(reader, d) : { codeBytes: 1, toUnicode: () => '', width: () => 500 });
      if (!shared && ref instanceof PdfRef) decoders.set(ref.num, f);
      fonts.set(name, f);
    }
    return f;
  };
  const run = new Interpreter(out, fontFor);
  for (const stream of streams) {
    const data = decodeStream(stream);
    if (Buffer.from(data.buffer, data.byteOffset, data.length).indexOf(BEGIN_TEXT) >= 0) run.execute(data);
  }
  return out;
}

/**
 * The text drawn by a form field's visible appearance (its first widget's normal appearance
 * stream, whitespace dropped), e.g. the captions, name and time of a visible signature; ''
 * when the field has no such appearance (`widgetIndex`: a further widget of the same field,
 * e.g. a seal's caption). Nested form XObjects are not followed.
 */
export function fieldAppearanceText(pdf: Uint8Array | PdfReader, fieldName: string, widgetIndex = 0): string {
  const reader = pdf instanceof PdfReader ? pdf : new PdfReader(pdf);
  const widget = listFields(reader).find((f) => f.fullName === fieldName)?.widgets[widgetIndex];
  const normal = reader.get(reader.dict(widget?.dict.get('AP'))?.get('N'));
  if (!(normal instanceof PdfStream)) return '';
  return streamsText(reader, reader.dict(normal.dict.get('Resources')), [normal], new Map()).text;
}

function resourcesOf(reader: PdfReader, page: PdfDict): PdfDict | undefined {
  let node: PdfDict | undefined = page;
  for (let depth = 0; node && depth < 32; depth += 1) {
    const r = reader.dict(node.get('Resources'));
    if (r) return r;
    node = reader.dict(node.get('Parent'));
  }
  return undefined;
}

function contentStreams(reader: PdfReader, page: PdfDict): PdfStream[] {
  const c = reader.get(page.get('Contents'));
  const list: PdfObject[] = Array.isArray(c) ? c : [c ?? null];
  return list.map((v) => reader.get(v)).filter((v): v is PdfStream => v instanceof PdfStream);
}
