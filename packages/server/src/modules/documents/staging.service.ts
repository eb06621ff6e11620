import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { spoolToTempFile } from '../../platform/storage/hashing-spool.js';
import { objectTooLarge } from '../../platform/storage/storage-key.js';
import { releaseUnfiled } from '../../platform/storage/storage-references.js';
import { type DetectedType, sniffContent, sniffSource } from './content-type.js';
import type { DocumentsDeps } from './documents.deps.js';
import { safeFileName } from './file-names.js';
import { bytesSource } from './zip-inspect.js';

/** Bytes checked and in storage, ready to be filed by `createDocument` or `addVersion`. */
export interface StagedContent extends DetectedType {
  sha256: string;
  size: number;
  fileName: string;
}

/**
 * Takes an upload to storage: the name is checked, the body streamed to a private spool
 * file (hashing, size cap), its type decided by content (zip-bomb limits for office files),
 * and only then put into content-addressed storage. Every refusal happens before storage
 * sees a byte, so bad input leaves nothing behind. Runs before the filing transaction (slow
 * work never holds one); the transaction then takes a reference on the object.
 */
export async function stageContent(
  deps: Pick<DocumentsDeps, 'storage' | 'settings' | 'spoolDir' | 'contentCache'>,
  body: Readable | Uint8Array,
  rawFileName: string,
): Promise<StagedContent> {
  const fileName = safeFileName(rawFileName);
  if (body instanceof Uint8Array) return stageBytes(deps, body, fileName);
  const spooled = await spoolToTempFile(body, deps.spoolDir, deps.settings.maxUploadBytes);
  try {
    const detected = await sniffContent(spooled.path, spooled.size, deps.settings);
    const stored = await deps.storage.put(createReadStream(spooled.path), {
      maxBytes: deps.settings.maxUploadBytes,
      contentType: detected.mediaType,
    });
    return { ...detected, sha256: stored.key, size: stored.size, fileName };
  } finally {
    await rm(spooled.path, { force: true });
  }
}

/**
 * `stageContent` for bytes already in memory (a signed PDF, a generated file): the same
 * checks on the buffer itself, then one put into storage; no private spool file is written
 * and read back. The bytes are kept in the content cache under the hash storage computed.
 */
async function stageBytes(
  deps: Pick<DocumentsDeps, 'storage' | 'settings' | 'contentCache'>,
  body: Uint8Array,
  fileName: string,
): Promise<StagedContent> {
  if (body.byteLength > deps.settings.maxUploadBytes) throw objectTooLarge(deps.settings.maxUploadBytes);
  const detected = await sniffSource(bytesSource(body), body.byteLength, deps.settings);
  const stored = await deps.storage.put(body, {
    maxBytes: deps.settings.maxUploadBytes,
    contentType: detected.mediaType,
  });
  deps.contentCache.remember(stored.key, body);
  return { ...detected, sha256: stored.key, size: stored.size, fileName };
}

/**
 * Runs the filing of staged bytes; when it fails (the document is gone or trashed, a
 * conflict, a crash), the bytes it put get a zero-reference row so the collector reclaims
 * them after the grace period instead of keeping them forever. Something else already
 * counting the same content keeps it (releaseUnfiled never lowers a count).
 */
export async function fileStaged<T>(
  deps: Pick<DocumentsDeps, 'db' | 'clock'>,
  staged: StagedContent,
  file: () => Promise<T>,
): Promise<T> {
  try {
    return await file();
  } catch (error) {
    await releaseUnfiled(deps.db, { key: staged.sha256, size: staged.size }, deps.clock.now());
    throw error;
  }
}
