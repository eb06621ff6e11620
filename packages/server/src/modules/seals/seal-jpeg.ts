import jpeg from 'jpeg-js';
import { type Rgba, SealImageError } from './seal-image-error.js';

/**
 * Reads the size a JPEG declares in its frame header (SOFn) without decoding it, so an
 * oversize image is refused before any pixel memory is allocated.
 */
export function jpegSize(buf: Uint8Array): { width: number; height: number } {
  let pos = 2;
  while (pos + 4 <= buf.length) {
    if (buf[pos] !== 0xff)
      throw new SealImageError('The JPEG file is damaged (no marker where one belongs).');
    const marker = buf[pos + 1]!;
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image, or scan data before any frame
    const len = (buf[pos + 2]! << 8) | buf[pos + 3]!;
    if (len < 2 || pos + 2 + len > buf.length) break;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame && len >= 7) {
      return { height: (buf[pos + 5]! << 8) | buf[pos + 6]!, width: (buf[pos + 7]! << 8) | buf[pos + 8]! };
    }
    pos += 2 + len;
  }
  throw new SealImageError('The JPEG file is damaged (no frame header).');
}

/**
 * Decodes a baseline or progressive JPEG to RGBA (alpha 255 everywhere: JPEG has none, the
 * caller makes the paper transparent). The declared size is checked first against maxSide.
 */
export function decodeJpeg(bytes: Uint8Array, maxSide: number): Rgba {
  const { width, height } = jpegSize(bytes);
  if (width < 1 || height < 1 || width > maxSide || height > maxSide)
    throw new SealImageError(`A seal image is 1 to ${maxSide} pixels on each side.`);
  let decoded: { width: number; height: number; data: Buffer };
  try {
    decoded = jpeg.decode(bytes, {
      formatAsRGBA: true,
      tolerantDecoding: false,
      maxResolutionInMP: (maxSide * maxSide) / 1_000_000,
      maxMemoryUsageInMB: 64,
    });
  } catch {
    throw new SealImageError('The JPEG image data cannot be read.');
  }
  if (decoded.width !== width || decoded.height !== height)
    throw new SealImageError('The JPEG image data is incomplete.');
  return { width, height, pixels: Buffer.from(decoded.data) };
}
