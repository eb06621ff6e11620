import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStorage } from './create-storage.js';
import { createLocalStorage } from './local-storage.js';
import { describeStorageContract } from './storage.contract.js';

const dirs: string[] = [];
const freshRoot = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'signx-local-storage-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Every regular file under `dir`, relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

const objectPath = (root: string, key: string) => join(root, key.slice(0, 2), key.slice(2, 4), key);

describeStorageContract('local', async () => {
  const root = await freshRoot();
  const blocker = join(await freshRoot(), 'a-regular-file');
  await writeFile(blocker, 'not a directory');
  return {
    storage: createLocalStorage({ root }),
    corrupt: (key, bytes) => writeFile(objectPath(root, key), bytes),
    objectCount: async () => (await listFiles(root)).filter((f) => !f.startsWith('.tmp')).length,
    tempFiles: () => listFiles(join(root, '.tmp')),
    broken: () => createLocalStorage({ root: join(blocker, 'storage') }),
    exactIsNewUnderConcurrency: true,
  };
});

describe('local storage layout', () => {
  it('keeps objects as ab/cd/<sha256> under the root', async () => {
    const root = await freshRoot();
    const storage = createStorage({ backend: 'local', root });
    const { key } = await storage.put(Buffer.from('layout'));
    expect(await listFiles(root)).toEqual([join(key.slice(0, 2), key.slice(2, 4), key)]);
  });
});
