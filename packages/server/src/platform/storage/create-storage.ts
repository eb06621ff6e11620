import { createLocalStorage } from './local-storage.js';
import { createS3Storage, type S3StorageOptions } from './s3-storage.js';
import type { StoragePort } from './storage.port.js';

/** The storage selection as configuration expresses it (`STORAGE_BACKEND`). */
export type StorageOptions = { backend: 'local'; root: string } | ({ backend: 's3' } & S3StorageOptions);

/**
 * Builds the configured backend, so the rest of the platform depends only on StoragePort
 * and switching from the embedded default to a bucket is a configuration change.
 */
export function createStorage(options: StorageOptions): StoragePort {
  switch (options.backend) {
    case 'local':
      return createLocalStorage({ root: options.root });
    case 's3':
      return createS3Storage(options);
  }
}

export type { ObjectStat, PutOptions, PutResult, StoragePort } from './storage.port.js';
