/**
 * Images a row puts into a template: PNG or JPEG only, as data URLs, checked by content,
 * sized from their own header and capped so one image cannot push a page's layout around.
 */

export const maxImageBytes = 5 * 1048576;
const maxWidthPx = 400;

export class ImageValueError extends Error {}

const dataUrl = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=\s]+)$/;

/** The bytes of a `data:image/png|jpeg;base64,…` value, or ImageValueError. */
export function imageFromDataUrl(value: string): Buffer {
  const match = dataUrl.exec(value);
  if (!match?.[2]) throw new ImageValueError('must be a PNG or JPEG data URL (data:image/png;base64,…)');
  const bytes = Buffer.from(match[2], 'base64');
  if (bytes.length > maxImageBytes) throw new ImageValueError(`image larger than ${maxImageBytes} bytes`);
  if (!isPng(bytes) && !isJpeg(bytes)) throw new ImageValueError('the bytes are not a PNG or JPEG image');
  return bytes;
}

function isPng(bytes: Buffer): boolean {
  return (
    bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.toString('ascii', 12, 16) === 'IHDR'
  );
}

function isJpeg(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8;
}

function jpegSize(bytes: Buffer): [number, number] {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) break;
    const marker = bytes[offset + 1] as number;
    const length = bytes.readUInt16BE(offset + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return [bytes.readUInt16BE(offset + 7), bytes.readUInt16BE(offset + 5)];
    }
    offset += 2 + length;
  }
  return [150, 150];
}

/** Width and height in pixels for the document, scaled down to fit the text column. */
export function imageSize(bytes: Buffer): [number, number] {
  const [width, height] = isPng(bytes) ? [bytes.readUInt32BE(16), bytes.readUInt32BE(20)] : jpegSize(bytes);
  if (width <= 0 || height <= 0) return [150, 150];
  const scale = Math.min(1, maxWidthPx / width);
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}
