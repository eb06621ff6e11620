import { createReadStream } from 'node:fs';
import { link, mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { spoolToTempFile } from './hashing-spool.js';
import type { ObjectStat, PutOptions, PutResult, StoragePort } from './storage.port.js';
import { assertStorageKey, objectNotFound, probeStorage } from './storage-key.js';
import { openVerified, readVerified } from './storage-verify.js';

/** Options of the embedded file backend. */
export interface LocalStorageOptions {
  /** Directory that holds the objects (`ab/cd/<sha256>`) and a `.tmp` spool directory. */
  root: string;
}

/**
 * The default storage backend: content-addressed files on the local disk. Writes are
 * crash-safe (temp file in the same filesystem, fsync, atomic link/rename, fsync of the
 * directory), so a key that exists always names complete bytes.
 */
export function createLocalStorage(options: LocalStorageOptions): StoragePort {
  const root = options.root;
  const tmpDir = join(root, '.tmp');
  const pathOf = (key: string): string => {
    assertStorageKey(key);
    return join(root, key.slice(0, 2), key.slice(2, 4), key);
  };
  const openRaw = (path: string) => async (): Promise<Readable> => {
    await statOrNotFound(path);
    return createReadStream(path);
  };

  const storage: StoragePort = {
    async put(body: Readable | Uint8Array, opts: PutOptions = {}): Promise<PutResult> {
      const spooled = await spoolToTempFile(body, tmpDir, opts.maxBytes);
      try {
        const isNew = await placeFile(spooled.path, pathOf(spooled.key));
        return { key: spooled.key, size: spooled.size, isNew };
      } finally {
        await rm(spooled.path, { force: true });
      }
    },
    open: async (key) => openVerified(key, openRaw(pathOf(key))),
    read: async (key) => readVerified(key, openRaw(pathOf(key))),
    async stat(key): Promise<ObjectStat> {
      return { key, size: (await statOrNotFound(pathOf(key))).size };
    },
    async has(key): Promise<boolean> {
      return (await stat(pathOf(key)).catch(() => null))?.isFile() ?? false;
    },
    async delete(key): Promise<boolean> {
      try {
        await unlink(pathOf(key));
        return true;
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') return false;
        throw error;
      }
    },
    check: () => probeStorage(storage),
  };
  return storage;
}

/**
 * Puts the spooled file at its final path. A hard link fails when the target exists, which
 * tells concurrent writers of the same content apart without a lock: exactly one sees
 * `isNew`. An existing object of the wrong size (a damaged earlier copy) is replaced.
 */
async function placeFile(tempPath: string, finalPath: string): Promise<boolean> {
  await mkdir(dirname(finalPath), { recursive: true });
  try {
    await link(tempPath, finalPath);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'EEXIST') {
      const [existing, incoming] = await Promise.all([stat(finalPath), stat(tempPath)]);
      if (existing.size === incoming.size) return false;
      await rename(tempPath, finalPath);
    } else if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') {
      await rename(tempPath, finalPath); // filesystems without hard links
    } else {
      throw error;
    }
  }
  await fsyncDirectory(dirname(finalPath));
  return true;
}

/** Makes the new directory entry durable; some platforms cannot open directories, which is fine. */
async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}

async function statOrNotFound(path: string) {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw objectNotFound();
    return info;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') throw objectNotFound();
    throw error;
  }
}

function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error ? String(error.code) : undefined;
}
