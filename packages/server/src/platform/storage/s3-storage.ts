import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Readable } from 'node:stream';
import { spoolToTempFile } from './hashing-spool.js';
import { isNotFound, S3Bucket, type S3BucketOptions } from './s3-bucket.js';
import type { PutOptions, PutResult, StoragePort } from './storage.port.js';
import { probeStorage } from './storage-key.js';
import { openVerified, readVerified } from './storage-verify.js';

/** Where and how to reach an S3-compatible bucket. */
export interface S3StorageOptions extends S3BucketOptions {
  /** Prepended to every object name, e.g. `signx/`. */
  prefix?: string;
  /** For S3-compatible services (MinIO, Ceph, s3rver); omit for AWS. */
  endpoint?: string;
  /** Spool directory for uploads (the hash is known only after the last byte); default: OS temp. */
  tmpDir?: string;
  /** Objects at least this large go up in parts of this size; at least 5 MiB (S3's minimum). Default 8 MiB. */
  partSizeBytes?: number;
}

/**
 * The storage backend for several nodes: objects in any S3-compatible bucket, named by
 * their SHA-256 like the local backend, and verified on every read because a bucket can be
 * written by other tools too. Concurrent puts of the same content may both upload (S3 has
 * no create-if-absent here); the bytes are identical, so the object stays correct.
 */
export function createS3Storage(options: S3StorageOptions): StoragePort {
  const bucket = new S3Bucket(options);
  const has = (key: string): Promise<boolean> =>
    bucket.size(key).then(
      () => true,
      (error: unknown) => (isNotFound(error) ? false : Promise.reject(error)),
    );

  const storage: StoragePort = {
    async put(body: Readable | Uint8Array, opts: PutOptions = {}): Promise<PutResult> {
      const file = await spoolToTempFile(body, options.tmpDir ?? tmpdir(), opts.maxBytes);
      try {
        const existingSize = await bucket.size(file.key).catch(() => null);
        const isNew = existingSize !== file.size; // a damaged copy of another size is replaced
        if (isNew) await bucket.upload(file, opts.contentType);
        return { key: file.key, size: file.size, isNew };
      } finally {
        await rm(file.path, { force: true });
      }
    },
    open: async (key) => openVerified(key, () => bucket.openRaw(key)),
    read: async (key) => readVerified(key, () => bucket.openRaw(key)),
    stat: async (key) => ({ key, size: await bucket.size(key) }),
    has: async (key) => has(key),
    async delete(key): Promise<boolean> {
      const existed = await has(key);
      if (existed) await bucket.remove(key);
      return existed;
    },
    check: () => probeStorage(storage),
  };
  return storage;
}
