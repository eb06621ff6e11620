import {
  PDFArray,
  PDFBool,
  type PDFContext,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';
import { PdfDict, PdfName, type PdfObject, PdfRef, PdfStream, PdfString } from '../pdf-objects.js';

/** Where imported objects go: an incremental update, or an `ObjectBundle` kept for reuse. */
export interface ObjectTarget {
  allocate(): PdfRef;
  set(ref: PdfRef, value: PdfObject): void;
}

/**
 * Copies objects pdf-lib built (embedded subset fonts, images) into our incremental update
 * under fresh object numbers. pdf-lib is only a builder here: its save() would rewrite the
 * file and break earlier signatures.
 */
export class PdfLibImporter {
  private readonly mapped = new Map<string, PdfRef>();

  constructor(
    private readonly context: PDFContext,
    private readonly upd: ObjectTarget,
  ) {}

  /** Imports the object behind a pdf-lib reference (and everything it points to). */
  ref(ref: PDFRef): PdfRef {
    const key = ref.toString();
    const done = this.mapped.get(key);
    if (done) return done;
    const target = this.upd.allocate();
    this.mapped.set(key, target);
    const obj = this.context.lookup(ref);
    this.upd.set(target, obj ? this.convert(obj) : null);
    return target;
  }

  convert(obj: PDFObject): PdfObject {
    if (obj instanceof PDFRef) return this.ref(obj);
    if (obj instanceof PDFName) return PdfName.of(obj.decodeText());
    if (obj instanceof PDFNumber) return obj.asNumber();
    if (obj instanceof PDFBool) return obj.asBoolean();
    if (obj instanceof PDFHexString) return new PdfString(obj.asBytes(), true);
    if (obj instanceof PDFString) return new PdfString(obj.asBytes());
    if (obj instanceof PDFArray) return obj.asArray().map((x) => this.convert(x));
    if (obj instanceof PDFDict) return this.dict(obj);
    if (obj instanceof PDFRawStream) return new PdfStream(this.dict(obj.dict), obj.contents);
    if (obj instanceof PDFStream) {
      const s = obj as PDFStream & { getContents(): Uint8Array; updateDict(): void };
      s.updateDict();
      return new PdfStream(this.dict(s.dict), s.getContents());
    }
    return null;
  }

  private dict(d: PDFDict): PdfDict {
    const out = new PdfDict();
    for (const [k, v] of d.entries())
      if (k.decodeText() !== 'Length') out.set(k.decodeText(), this.convert(v));
    return out;
  }
}

/** Generation number marking a bundle's own (local) references; never valid in a file. */
const LOCAL = -1;

/**
 * Objects built once (a cached seal drawing: its subset font, ToUnicode map, widths and
 * form XObject) and added to each update under fresh numbers: `into` only relinks the
 * references, sharing every value that holds none (font programs, /W arrays, content).
 */
export class ObjectBundle implements ObjectTarget {
  private readonly values: PdfObject[] = [];
  /** Containers known to hold no local reference: shared as they are. */
  private readonly plain = new WeakSet<object>();
  private sealed = false;

  allocate(): PdfRef {
    if (this.sealed) throw new Error('The bundle is sealed.');
    this.values.push(null);
    return new PdfRef(this.values.length - 1, LOCAL);
  }

  set(ref: PdfRef, value: PdfObject): void {
    if (this.sealed || ref.gen !== LOCAL) throw new Error('Not a reference of this bundle.');
    this.values[ref.num] = value;
  }

  /** Ends building; values must not change afterwards (they are shared by every update). */
  seal(): this {
    for (const v of this.values) this.mark(v);
    this.sealed = true;
    return this;
  }

  /** Adds every object to `upd`; returns the mapping from the bundle's references. */
  into(upd: ObjectTarget): (local: PdfRef) => PdfRef {
    if (!this.sealed) this.seal();
    const refs = this.values.map(() => upd.allocate());
    const link = (v: PdfObject): PdfObject => {
      if (v instanceof PdfRef) return v.gen === LOCAL ? refs[v.num]! : v;
      if (v === null || typeof v !== 'object' || this.plain.has(v)) return v;
      if (Array.isArray(v)) return v.map(link);
      if (v instanceof PdfDict) {
        const out = new PdfDict();
        for (const [k, x] of v.map) out.set(k, link(x));
        return out;
      }
      if (v instanceof PdfStream) return new PdfStream(link(v.dict) as PdfDict, v.data);
      return v;
    };
    for (const [i, v] of this.values.entries()) upd.set(refs[i]!, link(v));
    return (local) => (local.gen === LOCAL ? refs[local.num]! : local);
  }

  /** True when `v` holds no local reference; remembers containers that hold none. */
  private mark(v: PdfObject): boolean {
    if (v instanceof PdfRef) return v.gen !== LOCAL;
    if (v === null || typeof v !== 'object') return true;
    let clean = true;
    if (Array.isArray(v)) for (const x of v) clean = this.mark(x) && clean;
    else if (v instanceof PdfDict) for (const x of v.map.values()) clean = this.mark(x) && clean;
    else if (v instanceof PdfStream) clean = this.mark(v.dict);
    if (clean) this.plain.add(v);
    return clean;
  }
}
