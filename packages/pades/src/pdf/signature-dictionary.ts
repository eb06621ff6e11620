import { createHash } from 'node:crypto';
import { PadesError } from '../errors.js';
import { raw } from './incremental-writer.js';
import { n, PdfDict, type PdfObject, PdfString } from './pdf-objects.js';

const BYTE_RANGE_PLACEHOLDER = '[0 ********** ********** **********]';

/** The values that go into a signature (or document time-stamp) dictionary. */
export interface SignatureDictOptions {
  subFilter: 'ETSI.CAdES.detached' | 'ETSI.RFC3161';
  /** Bytes reserved for the DER CMS; the hex string is twice this. */
  contentsSize: number;
  /** `/M` as a PDF date string: the claimed signing time. */
  date?: string;
  name?: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** DocMDP permission level for a certification signature. */
  docMdp?: 1 | 2 | 3;
  extra?: Record<string, PdfObject>;
}

/** Builds the dictionary with ByteRange and Contents placeholders patched after writing. */
export function signatureDictionary(o: SignatureDictOptions): PdfDict {
  const d = PdfDict.of({
    Type: n(o.subFilter === 'ETSI.RFC3161' ? 'DocTimeStamp' : 'Sig'),
    Filter: n('Adobe.PPKLite'),
    SubFilter: n(o.subFilter),
    ByteRange: raw(BYTE_RANGE_PLACEHOLDER),
    Contents: raw(`<${'0'.repeat(o.contentsSize * 2)}>`),
  });
  if (o.date) d.set('M', new PdfString(Buffer.from(o.date, 'latin1')));
  if (o.name) d.set('Name', PdfString.fromText(o.name));
  if (o.reason) d.set('Reason', PdfString.fromText(o.reason));
  if (o.location) d.set('Location', PdfString.fromText(o.location));
  if (o.contactInfo) d.set('ContactInfo', PdfString.fromText(o.contactInfo));
  if (o.docMdp) {
    const params = PdfDict.of({ Type: n('TransformParams'), P: o.docMdp, V: n('1.2') });
    d.set('Reference', [
      PdfDict.of({ Type: n('SigRef'), TransformMethod: n('DocMDP'), TransformParams: params }),
    ]);
  }
  for (const [k, v] of Object.entries(o.extra ?? {})) d.set(k, v);
  return d;
}

/** Where the hole for /Contents is, once the file is laid out. */
export interface PreparedSignature {
  bytes: Buffer;
  byteRange: [number, number, number, number];
  /** Offset of the first hex digit inside `<…>`. */
  contentsStart: number;
  contentsSize: number;
}

/** Fills in /ByteRange around the /Contents hole of the object written at `sigOffset`. */
export function fixByteRange(bytes: Buffer, sigOffset: number): PreparedSignature {
  const br = bytes.indexOf('/ByteRange ', sigOffset, 'latin1');
  const ct = bytes.indexOf('/Contents <', sigOffset, 'latin1');
  if (br < 0 || ct < 0) throw new PadesError('MALFORMED_PDF', 'Signature placeholder not found.');
  const lt = ct + 10;
  const gt = bytes.indexOf(0x3e, lt);
  const range: [number, number, number, number] = [0, lt, gt + 1, bytes.length - gt - 1];
  const text = `[${range.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  if (text.length > BYTE_RANGE_PLACEHOLDER.length)
    throw new PadesError('UNSUPPORTED', 'The PDF is too large.');
  bytes.write(text, br + 11, 'latin1');
  return { bytes, byteRange: range, contentsStart: lt + 1, contentsSize: (gt - lt - 1) / 2 };
}

/** Digest of the two signed ranges, hashed in place without copying the file. */
export function digestRanges(p: PreparedSignature, hash: string): Buffer {
  const h = createHash(hash.replace('-', '').toLowerCase());
  const [a, b, c, d] = p.byteRange;
  h.update(p.bytes.subarray(a, a + b));
  h.update(p.bytes.subarray(c, c + d));
  return h.digest();
}

/** Writes the DER into the hole; fails loudly when the reservation is too small. */
export function embedContents(p: PreparedSignature, der: Uint8Array): Buffer {
  if (der.length > p.contentsSize) {
    throw new PadesError(
      'SPACE_TOO_SMALL',
      `The signature needs ${der.length} bytes but only ${p.contentsSize} were reserved in the PDF.`,
    );
  }
  p.bytes.write(
    Buffer.from(der.buffer, der.byteOffset, der.length).toString('hex'),
    p.contentsStart,
    'latin1',
  );
  return p.bytes;
}
