import { createHash, randomBytes } from 'node:crypto';
import { AppError, notFound } from '../errors.js';

const keyPattern = /^[0-9a-f]{64}$/;

/**
 * Refuses anything that is not a SHA-256 hex digest. Keys become file names and object
 * names, so this strict shape is what rules out path traversal and odd characters.
 */
export function assertStorageKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || !keyPattern.test(key)) {
    throw new AppError('VALIDATION', 'The storage key is not valid', {
      fieldErrors: [{ field: 'key', message: 'must be 64 lowercase hexadecimal characters' }],
    });
  }
}

/** The error for a missing object, the same for every backend. */
export function objectNotFound(): AppError {
  return notFound('Stored object');
}

/** The error for bytes that no longer match their key; the object must not be served. */
export function objectCorrupted(key: string): AppError {
  return new AppError('STORAGE_CORRUPTED', 'The stored file is damaged: its content no longer matches', {
    details: { key },
  });
}

/** The error for an upload past its limit. */
export function objectTooLarge(maxBytes: number): AppError {
  return new AppError('TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes`, {
    details: { maxBytes },
  });
}

/** SHA-256 hex of a buffer, the content address. */
export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Runs the write/read/delete probe of `check()` against any driver, so readiness and the
 * doctor command test what uploads actually do.
 */
export async function probeStorage(storage: {
  put(body: Uint8Array): Promise<{ key: string }>;
  read(key: string): Promise<Buffer>;
  delete(key: string): Promise<boolean>;
}): Promise<void> {
  const probe = Buffer.concat([Buffer.from('signx-storage-probe:'), randomBytes(16)]);
  try {
    const { key } = await storage.put(probe);
    const back = await storage.read(key);
    await storage.delete(key);
    if (!back.equals(probe)) throw new Error('probe read back different bytes');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('UNAVAILABLE', `Storage is not usable: ${reason}`, { cause: error });
  }
}
