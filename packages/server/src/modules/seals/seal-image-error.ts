/** Why an uploaded seal image was refused (shown to the uploader as it is). */
export class SealImageError extends Error {}

/** Decoded pixels: 8-bit RGBA, row by row. */
export interface Rgba {
  width: number;
  height: number;
  pixels: Buffer;
}
