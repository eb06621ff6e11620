import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';

/**
 * A signature mark (PNG) as a PDF image: the colour samples and, when some pixel is not
 * opaque, the alpha samples for the soft mask, both deflated. pdf-lib's decoder (UPNG: inflate,
 * un-filtering and channel split in JavaScript) was about two thirds of a visible appearance's
 * CPU; here zlib inflates natively, un-filtering is one pass over the rows, and a mark seen
 * before (the same signer's mark on each document and field of a request) is not decoded again.
 * Handles what signature pads and scanners write (8 bits per sample: grey, RGB, grey+alpha,
 * RGBA; not interlaced; no tRNS); anything else is left to pdf-lib (undefined).
 */
export interface PngMark {
  width: number;
  height: number;
  /** Deflated colour samples, RGB. */
  color: Uint8Array;
  /** Deflated alpha samples, absent when every pixel is opaque. */
  alpha: Uint8Array | undefined;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };
const cache = new Map<string, PngMark | null>();
const MAX_CACHED = 64;

/** The mark as PDF samples (cached by content), or undefined when pdf-lib must decode it. */
export function pngMark(bytes: Uint8Array, deflate: (data: Uint8Array) => Uint8Array): PngMark | undefined {
  const key = createHash('sha256').update(bytes).digest('base64');
  let mark = cache.get(key);
  if (mark === undefined) {
    mark = decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), deflate) ?? null;
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(key, mark);
  }
  return mark ?? undefined;
}

function decode(png: Buffer, deflate: (data: Uint8Array) => Uint8Array): PngMark | undefined {
  if (png.length < 33 || SIGNATURE.some((b, i) => png[i] !== b)) return undefined;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Buffer[] = [];
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (data.length !== length) return undefined;
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colorType = data[9] ?? -1;
      // 8 bits per sample, deflate, adaptive filtering, not interlaced
      if (data[8] !== 8 || data[10] !== 0 || data[11] !== 0 || data[12] !== 0) return undefined;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'tRNS' || type === 'PLTE') return undefined;
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const channels = CHANNELS[colorType];
  if (!channels || width === 0 || height === 0 || width * height > 1 << 24) return undefined;
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat));
  } catch {
    return undefined;
  }
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) return undefined;
  const pixels = unfilter(raw, height, stride, channels);
  if (!pixels) return undefined;
  // RGB like pdf-lib wrote it (a grey mark too), so the colour space stays what PDF/A checks saw
  const grey = channels <= 2;
  const hasAlpha = channels === 2 || channels === 4;
  const color = grey || hasAlpha ? Buffer.alloc(width * height * 3) : pixels;
  const alpha = hasAlpha ? Buffer.alloc(width * height) : undefined;
  let translucent = false;
  if (grey || hasAlpha)
    for (let p = 0, s = 0, c = 0; p < width * height; p++) {
      if (grey) {
        const v = pixels[s++] as number;
        color[c++] = v;
        color[c++] = v;
        color[c++] = v;
      } else for (let k = 0; k < 3; k++) color[c++] = pixels[s++] as number;
      if (alpha) {
        const a = pixels[s++] as number;
        alpha[p] = a;
        if (a !== 255) translucent = true;
      }
    }
  return {
    width,
    height,
    color: deflate(color),
    alpha: alpha && translucent ? deflate(alpha) : undefined,
  };
}

/** PNG's five row filters undone (RFC 2083 §6), rows of `stride` bytes, `bpp` bytes a pixel. */
function unfilter(raw: Buffer, height: number, stride: number, bpp: number): Buffer | undefined {
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[src + x] as number;
      const left = x >= bpp ? (out[row + x - bpp] as number) : 0;
      const up = y > 0 ? (out[prev + x] as number) : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const upLeft = x >= bpp && y > 0 ? (out[prev + x - bpp] as number) : 0;
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      } else return undefined;
      out[row + x] = (value + predicted) & 0xff;
    }
  }
  return out;
}
