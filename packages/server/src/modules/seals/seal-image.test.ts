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
    expect(() => transparentSeal(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toThrow(/PNG/);
    expect(() => transparentSeal(scan().subarray(0, 40))).toThrow(SealImageError);
    expect(() => transparentSeal(Buffer.alloc(3 * 1024 * 1024))).toThrow(/larger/);
  });
});
