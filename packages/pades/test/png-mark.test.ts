import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { signPdf } from '../src/index.js';
import { pngMark } from '../src/pdf/appearance/png-image.js';
import { pdfsig, qpdfCheck, writeTemp } from './external-tools.js';
import { fixture } from './fixtures/pdf-fixtures.js';
import { createSigningWorkspace } from './test-pki.js';

// The native PNG path of the signature mark (png-image.ts): every PNG row filter, each colour
// type a signature pad or scanner writes, the alpha kept only when something is translucent,
// and what it does not handle left to pdf-lib (undefined), never decoded wrong.

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  let c = 0xffffffff;
  for (const b of body) c = (CRC[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE((c ^ 0xffffffff) >>> 0, 8 + data.length);
  return out;
}

/** Encodes samples as a PNG, row y with filter y % 5 (None, Sub, Up, Average, Paeth). */
function png(
  width: number,
  height: number,
  colorType: number,
  samples: Buffer,
  ihdrPatch: Record<number, number> = {},
  extra: Buffer[] = [],
) {
  const bpp = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType] as number;
  const stride = width * bpp;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    const row = Buffer.alloc(stride + 1);
    row[0] = filter;
    for (let x = 0; x < stride; x++) {
      const at = (dy: number, dx: number) =>
        y + dy >= 0 && x + dx >= 0 ? (samples[(y + dy) * stride + x + dx] as number) : 0;
      const [left, up, upLeft] = [at(0, -bpp), at(-1, 0), at(-1, -bpp)];
      const p = left + up - upLeft;
      const paeth =
        Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft)
          ? left
          : Math.abs(p - up) <= Math.abs(p - upLeft)
            ? up
            : upLeft;
      const predicted = [0, left, up, (left + up) >> 1, paeth][filter] as number;
      row[1 + x] = ((samples[y * stride + x] as number) - predicted) & 0xff;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = colorType;
  for (const [i, v] of Object.entries(ihdrPatch)) ihdr[Number(i)] = v;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...extra,
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const raw = (d: Uint8Array) => d; // no deflate: the test reads the samples back
const noise = (n: number, seed: number) =>
  Buffer.from(Array.from({ length: n }, (_, i) => (i * 73 + seed * 31 + ((i * i) >> 3)) & 0xff));

describe('signature mark PNG, decoded natively', () => {
  it('undoes every row filter for RGBA, RGB, grey+alpha and grey, as RGB plus alpha', () => {
    const [w, h] = [13, 11];
    const rgba = noise(w * h * 4, 1);
    const m6 = pngMark(png(w, h, 6, rgba), raw);
    expect(Buffer.from(m6?.color ?? [])).toEqual(Buffer.from(rgba.filter((_, i) => i % 4 !== 3)));
    expect(Buffer.from(m6?.alpha ?? [])).toEqual(Buffer.from(rgba.filter((_, i) => i % 4 === 3)));
    const rgb = noise(w * h * 3, 2);
    const m2 = pngMark(png(w, h, 2, rgb), raw);
    expect(Buffer.from(m2?.color ?? [])).toEqual(rgb);
    expect(m2?.alpha).toBeUndefined();
    const ga = noise(w * h * 2, 3);
    const m4 = pngMark(png(w, h, 4, ga), raw);
    const grey = ga.filter((_, i) => i % 2 === 0);
    expect(Buffer.from(m4?.color ?? [])).toEqual(Buffer.from([...grey].flatMap((v) => [v, v, v])));
    expect(Buffer.from(m4?.alpha ?? [])).toEqual(Buffer.from(ga.filter((_, i) => i % 2 === 1)));
    const g = noise(w * h, 4);
    expect(Buffer.from(pngMark(png(w, h, 0, g), raw)?.color ?? [])).toEqual(
      Buffer.from([...g].flatMap((v) => [v, v, v])),
    );
    expect(m6).toMatchObject({ width: w, height: h });
  });

  it('drops an alpha channel that is opaque everywhere', () => {
    const rgba = Buffer.from(Array.from({ length: 4 * 20 }, (_, i) => (i % 4 === 3 ? 255 : i)));
    expect(pngMark(png(5, 4, 6, rgba), raw)?.alpha).toBeUndefined();
  });

  it('leaves palette, 16-bit, interlaced, tRNS and broken files to pdf-lib (undefined)', () => {
    const rgb = noise(4 * 4 * 3, 5);
    expect(pngMark(png(4, 4, 2, rgb, { 8: 16 }), raw)).toBeUndefined();
    expect(pngMark(png(4, 4, 2, rgb, { 12: 1 }), raw)).toBeUndefined();
    expect(
      pngMark(png(4, 4, 2, rgb, {}, [chunk('tRNS', Buffer.from([0, 0, 0, 0, 0, 0]))]), raw),
    ).toBeUndefined();
    expect(pngMark(png(4, 4, 3, noise(16, 6)), raw)).toBeUndefined();
    const whole = png(4, 4, 2, rgb);
    expect(pngMark(whole.subarray(0, whole.length - 20), raw)).toBeUndefined();
    expect(pngMark(Buffer.from('not a png at all, not even close'), raw)).toBeUndefined();
  });

  it('signs with a translucent RGBA mark: qpdf clean, pdfsig validates', async () => {
    const { pki, dir, db } = await createSigningWorkspace();
    const [w, h] = [60, 24];
    const rgba = Buffer.alloc(w * h * 4);
    for (let i = 0; i < w * h; i++) rgba.writeUInt32BE(i % 7 === 0 ? 0x10206aff : 0x10206a00, i * 4);
    const signed = await signPdf(await fixture('one-page.pdf'), {
      signer: await pki.signer('Mark Test'),
      name: 'Mark Test',
      fieldName: 'Mark',
      visible: { page: 1, rect: [20, 20, 200, 90], image: png(w, h, 6, rgba) },
    });
    const text = Buffer.from(signed).toString('latin1');
    expect(text).toMatch(/\/SMask \d+ 0 R/);
    const file = writeTemp(dir, 'mark.pdf', signed);
    expect(qpdfCheck(file).status).toBe(0);
    expect(pdfsig(file, db).output).toContain('Signature is Valid');
  });
});
