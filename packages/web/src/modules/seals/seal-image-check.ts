/** The server's limit for an uploaded seal scan. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/**
 * Why a picked file cannot be a seal scan, checked by size and first bytes (PNG or JPEG) so the
 * form says so before uploading; the server checks again and decodes.
 */
export async function imageProblem(file: Blob): Promise<'imageTooLarge' | 'imageNotPicture' | null> {
  if (file.size > MAX_IMAGE_BYTES) return 'imageTooLarge';
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const isPng = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => head[i] === b);
  const isJpeg = head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
  return isPng || isJpeg ? null : 'imageNotPicture';
}
