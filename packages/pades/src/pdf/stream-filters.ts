import { inflateSync } from 'node:zlib';
import { PadesError } from '../errors.js';
import { PdfDict, PdfName, type PdfObject, type PdfStream } from './pdf-objects.js';

/** Upper bound for one decoded stream, so a zip bomb fails instead of eating memory. */
export const MAX_DECODED_STREAM = 256 * 1024 * 1024;

/**
 * Decodes the filters the reader needs (xref streams, object streams, content inspection).
 * Anything else is reported as unsupported rather than guessed.
 */
export function decodeStream(stream: PdfStream, limit = MAX_DECODED_STREAM): Uint8Array {
  const filters = asList(stream.dict.get('Filter'));
  const params = asList(stream.dict.get('DecodeParms'));
  let data = stream.data;
  filters.forEach((f, i) => {
    const name = f instanceof PdfName ? f.value : '';
    const p = params[i];
    if (name === 'FlateDecode' || name === 'Fl') data = unpredict(inflate(data, limit), p);
    else if (name === 'ASCIIHexDecode' || name === 'AHx') data = fromAsciiHex(data);
    else
      throw new PadesError(
        'UNSUPPORTED',
        `The PDF uses the stream filter ${name}, which is not supported here.`,
      );
  });
  return data;
}

function asList(v: PdfObject | undefined): PdfObject[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function inflate(data: Uint8Array, limit: number): Uint8Array {
  try {
    return inflateSync(data, { maxOutputLength: limit, finishFlush: 2 });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new PadesError('MALFORMED_PDF', 'A compressed stream in the PDF expands beyond the size limit.');
    }
    throw new PadesError('MALFORMED_PDF', 'A compressed stream in the PDF is corrupt.');
  }
}

function fromAsciiHex(data: Uint8Array): Uint8Array {
  let s = Buffer.from(data).toString('latin1');
  const end = s.indexOf('>');
  if (end >= 0) s = s.slice(0, end);
  s = s.replace(/[^0-9a-fA-F]/g, '');
  return Buffer.from(s.length % 2 ? `${s}0` : s, 'hex');
}

/** Undoes PNG predictors (10–15), the only ones xref streams use in practice. */
function unpredict(data: Uint8Array, params: PdfObject | undefined): Uint8Array {
  if (!(params instanceof PdfDict)) return data;
  const predictor = num(params.get('Predictor'), 1);
  if (predictor < 10) {
    if (predictor === 1) return data;
    throw new PadesError('UNSUPPORTED', 'The PDF uses a TIFF predictor, which is not supported here.');
  }
  const colors = num(params.get('Colors'), 1);
  const bpc = num(params.get('BitsPerComponent'), 8);
  const columns = num(params.get('Columns'), 1);
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((colors * bpc * columns) / 8);
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = new Uint8Array(rows * rowLen);
  for (let r = 0; r < rows; r += 1) {
    const type = data[r * (rowLen + 1)]!;
    const src = r * (rowLen + 1) + 1;
    const dst = r * rowLen;
    for (let i = 0; i < rowLen; i += 1) {
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowLen + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowLen + i - bpp]! : 0;
      out[dst + i] = (data[src + i]! + predict(type, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function predict(type: number, left: number, up: number, upLeft: number): number {
  switch (type) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const p = left + up - upLeft;
      const pa = Math.abs(p - left);
      const pb = Math.abs(p - up);
      const pc = Math.abs(p - upLeft);
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default:
      throw new PadesError('MALFORMED_PDF', 'A PNG predictor row in the PDF has an unknown type.');
  }
}

function num(v: PdfObject | undefined, fallback: number): number {
  return typeof v === 'number' ? v : fallback;
}
