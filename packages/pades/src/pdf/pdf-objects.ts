/**
 * The PDF object model used by the reader and the incremental writer. It is deliberately
 * tiny: signing only touches a handful of objects, so we keep values close to the bytes.
 */

/** A PDF name, stored decoded and without the leading slash. */
export class PdfName {
  private static readonly interned = new Map<string, PdfName>();
  private constructor(readonly value: string) {}
  /** Names are interned so that identity comparison works in hot paths. */
  static of(value: string): PdfName {
    let name = PdfName.interned.get(value);
    if (!name) {
      name = new PdfName(value);
      if (PdfName.interned.size < 10_000) PdfName.interned.set(value, name);
    }
    return name;
  }
}

/** An indirect reference `num gen R`. */
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
  get key(): string {
    return `${this.num} ${this.gen}`;
  }
}

/** A string object; `hex` remembers how it was written so round trips keep the form. */
export class PdfString {
  constructor(
    readonly bytes: Uint8Array,
    readonly hex = false,
  ) {}
  /** Text in PDFDocEncoding/Latin-1 or UTF-16BE (with BOM), as PDF text strings are. */
  get text(): string {
    const b = this.bytes;
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      let out = '';
      for (let i = 2; i + 1 < b.length; i += 2) out += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
      return out;
    }
    return Buffer.from(b).toString('latin1');
  }
  /** Encodes text as a PDF text string: Latin-1 when possible, UTF-16BE otherwise. */
  static fromText(text: string): PdfString {
    if (/^[\x20-\x7e]*$/.test(text)) return new PdfString(Buffer.from(text, 'latin1'));
    const out = Buffer.alloc(2 + text.length * 2);
    out[0] = 0xfe;
    out[1] = 0xff;
    for (let i = 0; i < text.length; i += 1) out.writeUInt16BE(text.charCodeAt(i), 2 + i * 2);
    return new PdfString(out, true);
  }
}

/** Bytes written verbatim by the writer (placeholders, pre-serialized fragments). */
export class PdfRaw {
  constructor(readonly text: string) {}
}

/** A dictionary keeping insertion order, keys without the slash. */
export class PdfDict {
  constructor(readonly map: Map<string, PdfObject> = new Map()) {}
  get(key: string): PdfObject | undefined {
    return this.map.get(key);
  }
  set(key: string, value: PdfObject): this {
    this.map.set(key, value);
    return this;
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
  delete(key: string): boolean {
    return this.map.delete(key);
  }
  /** The value as a name string when it is a name. */
  name(key: string): string | undefined {
    const v = this.map.get(key);
    return v instanceof PdfName ? v.value : undefined;
  }
  /** A shallow copy for building a modified version of an existing object. */
  clone(): PdfDict {
    return new PdfDict(new Map(this.map));
  }
  static of(entries: Record<string, PdfObject>): PdfDict {
    return new PdfDict(new Map(Object.entries(entries)));
  }
}

/** A stream: its dictionary and its still-encoded data. */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly data: Uint8Array,
  ) {}
}

export type PdfObject =
  | null
  | boolean
  | number
  | PdfName
  | PdfRef
  | PdfString
  | PdfRaw
  | PdfObject[]
  | PdfDict
  | PdfStream;

/** Shorthand for building names in dictionaries. */
export const n = (value: string): PdfName => PdfName.of(value);

export function isDict(v: PdfObject | undefined): v is PdfDict {
  return v instanceof PdfDict;
}
