import { domainError } from '../../platform/errors.js';
import { cleanJpeg, isJpeg } from './jpeg-clean.js';
import { signingLimits } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import type { SignatureType } from './signing.tables.js';

/** The signer's mark, checked: a PNG or JPEG for drawn/image signatures, or the typed name. */
export type SignatureMark =
  | { image: Uint8Array; typedName?: undefined }
  | { typedName: string; image?: undefined };

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Chunks kept when a PNG is cleaned: pixels and how to read them; text, EXIF and time go. */
const KEPT_CHUNKS = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'sBIT',
  'pHYs',
]);

const bad = (message: string) => domainError(signingErrors.BAD_SIGNATURE_DATA, message);

/**
 * Turns `signature_data` into the mark the PDF appearance shows. Drawn and image marks are
 * data URLs whose bytes must BE a PNG or JPEG (sniffed, not trusted by the declared type),
 * within the size cap, with metadata (PNG text/EXIF/time chunks, JPEG APPn/COM segments)
 * stripped.
 */
export function parseSignatureMark(type: SignatureType, data: string): SignatureMark {
  if (type === 'typed') return { typedName: typedNameOf(data) };
  // A certificate signature shows a mark too: an image when one is given, else the typed name.
  if (type === 'certificate' && !data.startsWith('data:')) return { typedName: typedNameOf(data) };
  const match = /^data:image\/(png|jpeg|jpg);base64,([A-Za-z0-9+/=\s]+)$/.exec(data);
  if (!match?.[2]) throw bad('signature_data must be a data:image/png or data:image/jpeg base64 URL');
  const bytes = Buffer.from(match[2], 'base64');
  if (bytes.length > signingLimits.maxImageBytes)
    throw domainError(
      signingErrors.BAD_SIGNATURE_DATA,
      `The signature image is larger than ${signingLimits.maxImageBytes} bytes`,
    );
  // The declared type is ignored: the bytes decide (a PNG named jpeg is still a PNG).
  if (bytes.subarray(0, 8).equals(PNG_MAGIC)) return { image: cleanPng(bytes) };
  if (isJpeg(bytes)) {
    const jpeg = cleanJpeg(bytes, bad);
    checkSize(jpeg.width, jpeg.height);
    return { image: jpeg.bytes };
  }
  throw bad('The signature image is neither a PNG nor a JPEG (checked by content)');
}

function typedNameOf(data: string): string {
  const name = data.normalize('NFC').trim();
  if (
    name.length === 0 ||
    name.length > 200 ||
    [...name].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20 || ch === '\u007f')
  )
    throw bad('A typed signature is the signer’s name: 1–200 printable characters');
  return name;
}

function checkSize(width: number, height: number): void {
  if (width < 1 || height < 1 || width > 4000 || height > 4000)
    throw bad('The signature image must be 1–4000 pixels each way');
}

/** Rebuilds a PNG from its rendering chunks only; refuses a truncated or malformed file. */
export function cleanPng(bytes: Buffer): Uint8Array {
  const parts: Buffer[] = [PNG_MAGIC];
  let offset = 8;
  let sawEnd = false;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > bytes.length) throw bad('The signature image is truncated');
    if (KEPT_CHUNKS.has(type)) parts.push(bytes.subarray(offset, end));
    offset = end;
    if (type === 'IEND') {
      sawEnd = true;
      break;
    }
  }
  if (!sawEnd || parts.length < 3) throw bad('The signature image is not a complete PNG');
  const ihdr = parts[1];
  if (ihdr?.toString('latin1', 4, 8) !== 'IHDR') throw bad('The signature image is not a PNG');
  checkSize(ihdr.readUInt32BE(8), ihdr.readUInt32BE(12));
  return new Uint8Array(Buffer.concat(parts));
}
