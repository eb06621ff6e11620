import { deflateSync, inflateSync } from 'node:zlib';
import { type Rgba, SealImageError } from './seal-image-error.js';
import { decodeJpeg } from './seal-jpeg.js';

export { type Rgba, SealImageError } from './seal-image-error.js';

/** Largest uploaded seal image, and its largest side: a scan of a seal, not a poster. */
export const MAX_SEAL_IMAGE_BYTES = 2 * 1024 * 1024;
const MAX_SIDE = 2000;
/** Pixels at least this light on every channel become transparent (the paper of a scan). */
const NEAR_WHITE = 225;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG or JPEG, by the first bytes (never by name or declared type). */
export function sniffImage(bytes: Uint8Array): 'png' | 'jpeg' | undefined {
  if (bytes.length > 8 && Buffer.from(bytes.subarray(0, 8)).equals(PNG_SIGNATURE)) return 'png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return undefined;
}

/**
 * Makes an uploaded seal usable on a page: a PNG (8-bit grey, RGB, grey+alpha or RGBA, not
 * interlaced) or a JPEG scan is decoded, near-white pixels (the paper) become transparent and
 * the result is always written as an RGBA PNG, so a JPEG upload ends up with transparency too.
 * The type is told by content; anything else is refused. Throws SealImageError with the reason.
 */
export function transparentSeal(bytes: Uint8Array): Buffer {
  if (bytes.length > MAX_SEAL_IMAGE_BYTES)
    throw new SealImageError(`The seal image is larger than ${MAX_SEAL_IMAGE_BYTES / 1024 / 1024} MB.`);
  const kind = sniffImage(bytes);
  if (!kind) throw new SealImageError('The seal image must be a PNG or JPEG file (by content).');
  const image = kind === 'png' ? decodePng(Buffer.from(bytes)) : decodeJpeg(bytes, MAX_SIDE);
  const p = image.pixels;
  for (let i = 0; i < p.length; i += 4) {
    if (p[i]! >= NEAR_WHITE && p[i + 1]! >= NEAR_WHITE && p[i + 2]! >= NEAR_WHITE) p[i + 3] = 0;
  }
  return encodePng(image);
}

export function decodePng(buf: Buffer): Rgba {
  let pos = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Buffer[] = [];
  while (pos + 8 <= buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    if (pos + 12 + len > buf.length) throw new SealImageError('The PNG file is truncated.');
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colorType = data[9]!;
      if (data[8] !== 8 || data[12] !== 0)
        throw new SealImageError('Only 8-bit, non-interlaced PNG seal images are supported.');
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType];
  if (!channels) throw new SealImageError('Only grey, RGB and RGBA PNG seal images are supported.');
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE)
    throw new SealImageError(`A seal image is 1 to ${MAX_SIDE} pixels on each side.`);
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: (width * channels + 1) * height });
  } catch {
    throw new SealImageError('The PNG image data cannot be read.');
  }
  const stride = width * channels;
  if (raw.length !== (stride + 1) * height) throw new SealImageError('The PNG image data is incomplete.');
  const pixels = Buffer.alloc(width * height * 4);
  let prev: Buffer = Buffer.alloc(stride);
  for (let y = 0; y < height; y += 1) {
    const line = unfilter(raw, y * (stride + 1), stride, channels, prev);
    for (let x = 0; x < width; x += 1) {
      const o = (y * width + x) * 4;
      const s = x * channels;
      const isGrey = channels <= 2;
      pixels[o] = line[s]!;
      pixels[o + 1] = isGrey ? line[s]! : line[s + 1]!;
      pixels[o + 2] = isGrey ? line[s]! : line[s + 2]!;
      pixels[o + 3] = channels === 2 ? line[s + 1]! : channels === 4 ? line[s + 3]! : 255;
    }
    prev = line;
  }
  return { width, height, pixels };
}

function unfilter(raw: Buffer, at: number, stride: number, bpp: number, prev: Buffer): Buffer {
  const filter = raw[at]!;
  const line = Buffer.from(raw.subarray(at + 1, at + 1 + stride));
  for (let i = 0; i < stride; i += 1) {
    const a = i >= bpp ? line[i - bpp]! : 0;
    const b = prev[i]!;
    const c = i >= bpp ? prev[i - bpp]! : 0;
    if (filter === 1) line[i] = (line[i]! + a) & 255;
    else if (filter === 2) line[i] = (line[i]! + b) & 255;
    else if (filter === 3) line[i] = (line[i]! + ((a + b) >> 1)) & 255;
    else if (filter === 4) line[i] = (line[i]! + paeth(a, b, c)) & 255;
    else if (filter !== 0) throw new SealImageError('The PNG image uses an unknown row filter.');
  }
  return line;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function encodePng({ width, height, pixels }: Rgba): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1)
    pixels.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 255]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
