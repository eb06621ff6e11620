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
import type { IncrementalUpdate } from '../incremental-writer.js';
import { PdfDict, PdfName, type PdfObject, type PdfRef, PdfStream, PdfString } from '../pdf-objects.js';

/**
 * Copies objects pdf-lib built (embedded subset fonts, images) into our incremental update
 * under fresh object numbers. pdf-lib is only a builder here: its save() would rewrite the
 * file and break earlier signatures.
 */
export class PdfLibImporter {
  private readonly mapped = new Map<string, PdfRef>();

  constructor(
    private readonly context: PDFContext,
    private readonly upd: IncrementalUpdate,
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
