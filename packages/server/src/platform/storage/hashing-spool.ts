import { createHash, randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { objectTooLarge } from './storage-key.js';

/** A body written to a private temp file, with its content address. */
export interface SpooledFile {
  path: string;
  key: string;
  size: number;
}

/**
 * Streams an upload into a temp file in `dir` while hashing it and enforcing `maxBytes`.
 * The key is only known at the end, so both drivers spool first and then place the bytes
 * under their hash. The file is fsynced; on any failure (limit, aborted source, disk error)
 * the temp file is removed before the error propagates.
 */
export async function spoolToTempFile(
  body: Readable | Uint8Array,
  dir: string,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<SpooledFile> {
  if (body instanceof Uint8Array && body.byteLength > maxBytes) throw objectTooLarge(maxBytes);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `upload-${process.pid}-${randomBytes(12).toString('hex')}.tmp`);
  const handle = await open(path, 'wx', 0o600);
  try {
    const { key, size } = await writeHashed(handle, body, maxBytes);
    await handle.sync();
    await handle.close();
    return { path, key, size };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(path, { force: true });
    if (!(body instanceof Uint8Array) && !body.destroyed) body.destroy();
    throw error;
  }
}

async function writeHashed(
  handle: FileHandle,
  body: Readable | Uint8Array,
  maxBytes: number,
): Promise<{ key: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const chunks: AsyncIterable<unknown> | Iterable<unknown> = body instanceof Uint8Array ? [body] : body;
  for await (const raw of chunks) {
    const chunk = toBytes(raw);
    size += chunk.byteLength;
    if (size > maxBytes) throw objectTooLarge(maxBytes);
    hash.update(chunk);
    await writeFully(handle, chunk);
  }
  return { key: hash.digest('hex'), size };
}

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk);
  throw new TypeError('Storage bodies must be streams of bytes');
}

/** FileHandle.write may write less than asked; loop until the chunk is on disk. */
async function writeFully(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}
