/**
 * JPEG signature images: a photo of a handwritten signature often carries EXIF (camera,
 * GPS position, time) and XMP/IPTC blocks. The cleaner rebuilds the file from the segments a
 * decoder needs and drops every metadata segment, so none of it reaches the signed PDF.
 */

/** JPEG starts with SOI (FF D8) followed by a marker. */
export const isJpeg = (bytes: Uint8Array): boolean =>
  bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

/** Markers kept before the scan: tables, frame headers, restart interval, Adobe colour transform. */
function isKept(marker: number): boolean {
  if (marker === 0xee) return true; // APP14 "Adobe": how to read CMYK/YCCK, no personal data
  if (marker >= 0xe0 && marker <= 0xef) return false; // APP0–APP15: JFIF thumbnail, EXIF, XMP, ICC, IPTC
  if (marker === 0xfe) return false; // COM: free text
  return true;
}

/** Start-of-frame markers (SOF0–SOF15 except DHT, JPG, DAC) carry the dimensions. */
const isFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

export interface CleanJpeg {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/**
 * Rebuilds a JPEG without metadata. Throws (via `fail`) on a truncated or malformed file,
 * or one without a frame header or scan.
 */
export function cleanJpeg(input: Uint8Array, fail: (message: string) => Error): CleanJpeg {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.length);
  if (!isJpeg(bytes)) throw fail('The signature image is not a JPEG');
  const parts: Buffer[] = [bytes.subarray(0, 2)];
  let offset = 2;
  let size: { width: number; height: number } | undefined;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) throw fail('The signature image is not a well-formed JPEG');
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    const end = offset + 2 + length;
    if (length < 2 || end > bytes.length) throw fail('The signature image is truncated');
    if (isFrame(marker) && length >= 8)
      size = { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    if (marker === 0xda) {
      // Start of scan: the entropy-coded data and everything after it (to EOI) are pixels.
      if (!size) throw fail('The signature image has no frame header');
      const eoi = bytes.lastIndexOf(Buffer.from([0xff, 0xd9]));
      if (eoi < end) throw fail('The signature image is truncated');
      parts.push(bytes.subarray(offset, eoi + 2));
      return { bytes: new Uint8Array(Buffer.concat(parts)), ...size };
    }
    if (isKept(marker)) parts.push(bytes.subarray(offset, end));
    offset = end;
  }
  throw fail('The signature image is not a complete JPEG');
}
