import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodePng, encodePng, SealImageError, sniffImage, transparentSeal } from './seal-image.js';

/** 3×1 RGBA: paper white, near-white, seal red. */
const scan = () =>
  encodePng({
    width: 3,
    height: 1,
    pixels: Buffer.from([255, 255, 255, 255, 230, 232, 228, 255, 200, 20, 20, 255]),
  });

describe('uploaded seal images', () => {
  it('turns near-white into transparency and keeps the ink', () => {
    const out = decodePng(transparentSeal(scan()));
    expect([...out.pixels]).toEqual([255, 255, 255, 0, 230, 232, 228, 0, 200, 20, 20, 255]);
  });

  it('tells PNG and JPEG by content and refuses everything else with a reason', () => {
    expect(sniffImage(scan())).toBe('png');
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('jpeg');
    expect(() => transparentSeal(Buffer.from('GIF89a....'))).toThrow(SealImageError);
    expect(() => transparentSeal(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toThrow(/JPEG file is damaged/);
    expect(() => transparentSeal(scan().subarray(0, 40))).toThrow(SealImageError);
    expect(() => transparentSeal(Buffer.alloc(3 * 1024 * 1024))).toThrow(/larger/);
  });

  it('decodes a JPEG scan and makes its paper transparent like a PNG', () => {
    const out = decodePng(transparentSeal(jpegScan(16, 8)));
    expect([out.width, out.height]).toEqual([16, 8]);
    const at = (x: number, y: number) => [...out.pixels.subarray((y * 16 + x) * 4, (y * 16 + x) * 4 + 4)];
    expect(at(1, 1)[3]).toBe(0); // the paper
    const ink = at(12, 4);
    expect(ink[3]).toBe(255);
    expect(ink[0]).toBeGreaterThan(150);
    expect(ink[1]).toBeLessThan(80);
  });

  it('refuses hostile files: PNG or JPEG headers on garbage, oversize pictures, before decoding them', () => {
    const png = scan();
    const garbage = Buffer.concat([
      png.subarray(0, 8),
      Buffer.from('\x00\x00\xff\xffIHDRgarbage'.repeat(20)),
    ]);
    expect(() => transparentSeal(garbage)).toThrow(SealImageError);
    const wideJpeg = jpegScan(2001, 2);
    expect(() => transparentSeal(wideJpeg)).toThrow(/2000 pixels/);
    const hugePng = Buffer.from(png);
    hugePng.writeUInt32BE(60_000, 16); // IHDR width: 60 000 px declared over 3 px of data
    expect(() => transparentSeal(hugePng)).toThrow(/2000 pixels/);
    const jpegGarbage = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0]),
      Buffer.alloc(500, 7),
    ]);
    expect(() => transparentSeal(jpegGarbage)).toThrow(/JPEG file is damaged/);
    const cut = jpegScan(64, 64);
    expect(() => transparentSeal(cut.subarray(0, Math.floor(cut.length / 2)))).toThrow(SealImageError);
  });
});

/** A white scan with a red block in its right half, as a JPEG. */
function jpegScan(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4, 255);
  for (let y = 0; y < height; y += 1)
    for (let x = Math.floor(width / 2) + 2; x < width; x += 1)
      data.set([200, 20, 20, 255], (y * width + x) * 4);
  return jpeg.encode({ width, height, data }, 95).data;
}
