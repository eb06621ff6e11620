import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import type { StoragePort } from './storage.port.js';

/** What each driver's test file provides so the shared behaviour can be checked on it. */
export interface StorageHarness {
  storage: StoragePort;
  /** Overwrites the stored bytes of `key` behind the driver's back (disk or bucket). */
  corrupt(key: string, bytes: Buffer): Promise<void>;
  /** Number of objects the backend holds, counted directly. */
  objectCount(): Promise<number>;
  /** Leftover spool files, which must stay empty after failed uploads. */
  tempFiles(): Promise<string[]>;
  /** A storage of the same driver pointed at something unusable. */
  broken(): StoragePort;
  /** Whether exactly one of several concurrent identical puts reports isNew. */
  exactIsNewUnderConcurrency: boolean;
}

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const chunked = (data: Buffer, size: number) =>
  Readable.from(
    Array.from({ length: Math.ceil(data.length / size) }, (_, i) => data.subarray(i * size, (i + 1) * size)),
  );
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof AppError ? error.code : `other: ${String(error)}`),
  );
const streamBytes = async (stream: Readable) => {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
};

/** The behaviour every StoragePort driver must have; `setup` gives each test a fresh, empty store. */
export function describeStorageContract(name: string, setup: () => Promise<StorageHarness>): void {
  describe(`${name}: storage contract`, () => {
    it('stores bytes under their SHA-256 and gives them back', async () => {
      const { storage } = await setup();
      const data = Buffer.from('signed contract bytes — 合同');
      const put = await storage.put(data, { contentType: 'application/pdf' });
      expect(put).toEqual({ key: sha(data), size: data.length, isNew: true });
      expect(await storage.read(put.key)).toEqual(data);
      expect(await streamBytes(await storage.open(put.key))).toEqual(data);
      expect(await storage.stat(put.key)).toEqual({ key: put.key, size: data.length });
      expect(await storage.has(put.key)).toBe(true);
    });

    it('accepts a stream and addresses it by content', async () => {
      const { storage } = await setup();
      const data = randomBytes(300_000);
      const put = await storage.put(chunked(data, 16_384));
      expect(put.key).toBe(sha(data));
      expect(await storage.read(put.key)).toEqual(data);
    });

    it('stores identical content once', async () => {
      const h = await setup();
      const data = randomBytes(1000);
      expect((await h.storage.put(data)).isNew).toBe(true);
      expect(await h.storage.put(chunked(data, 100))).toEqual({ key: sha(data), size: 1000, isNew: false });
      expect(await h.objectCount()).toBe(1);
    });

    it('survives concurrent puts of the same content', async () => {
      const h = await setup();
      const data = randomBytes(200_000);
      const results = await Promise.all(Array.from({ length: 6 }, () => h.storage.put(chunked(data, 8192))));
      expect(new Set(results.map((r) => r.key))).toEqual(new Set([sha(data)]));
      if (h.exactIsNewUnderConcurrency) expect(results.filter((r) => r.isNew)).toHaveLength(1);
      expect(await h.storage.read(sha(data))).toEqual(data);
      expect(await h.objectCount()).toBe(1);
      expect(await h.tempFiles()).toEqual([]);
    });

    it('refuses a body over maxBytes and stores nothing', async () => {
      const h = await setup();
      const data = randomBytes(50_000);
      expect(await codeOf(h.storage.put(chunked(data, 4096), { maxBytes: 49_999 }))).toBe('TOO_LARGE');
      expect(await codeOf(h.storage.put(data, { maxBytes: 10 }))).toBe('TOO_LARGE');
      expect(await h.storage.has(sha(data))).toBe(false);
      expect(await h.objectCount()).toBe(0);
      expect(await h.tempFiles()).toEqual([]);
      expect((await h.storage.put(data, { maxBytes: 50_000 })).size).toBe(50_000);
    });

    it('cleans up when the source stream fails mid-upload', async () => {
      const h = await setup();
      let reads = 0;
      const failing = new Readable({
        read() {
          if (reads++ === 0) this.push(randomBytes(10_000));
          else this.destroy(new Error('client went away'));
        },
      });
      await expect(h.storage.put(failing)).rejects.toThrow('client went away');
      expect(await h.objectCount()).toBe(0);
      expect(await h.tempFiles()).toEqual([]);
    });

    it('detects corrupted bytes and never serves them', async () => {
      const h = await setup();
      const data = randomBytes(4096);
      const { key } = await h.storage.put(data);
      const flipped = Buffer.from(data);
      flipped[100] = (flipped[100] ?? 0) ^ 0xff;
      await h.corrupt(key, flipped);
      expect(await codeOf(h.storage.read(key))).toBe('STORAGE_CORRUPTED');
      expect(await codeOf(h.storage.open(key))).toBe('STORAGE_CORRUPTED');
      await h.corrupt(key, Buffer.from('short'));
      expect(await codeOf(h.storage.read(key))).toBe('STORAGE_CORRUPTED');
    });

    it('replaces a damaged copy of another size when the content is stored again', async () => {
      const h = await setup();
      const data = Buffer.from('original document bytes');
      const { key } = await h.storage.put(data);
      await h.corrupt(key, Buffer.from('trunc'));
      await h.storage.put(data);
      expect(await h.storage.read(key)).toEqual(data);
    });

    it('rejects keys that are not SHA-256 hex', async () => {
      const { storage } = await setup();
      const bad = [
        '../../etc/passwd',
        'A'.repeat(64),
        'a'.repeat(63),
        `${'a'.repeat(62)}/x`,
        `${'a'.repeat(64)}\n`,
      ];
      for (const key of bad) {
        expect(await codeOf(storage.read(key))).toBe('VALIDATION');
        expect(await codeOf(storage.open(key))).toBe('VALIDATION');
        expect(await codeOf(storage.stat(key))).toBe('VALIDATION');
        expect(await codeOf(storage.has(key))).toBe('VALIDATION');
        expect(await codeOf(storage.delete(key))).toBe('VALIDATION');
      }
    });

    it('reports a missing key as NOT_FOUND and deletes idempotently', async () => {
      const { storage } = await setup();
      const { key } = await storage.put(Buffer.from('to be deleted'));
      expect(await storage.delete(key)).toBe(true);
      expect(await storage.delete(key)).toBe(false);
      expect(await storage.has(key)).toBe(false);
      expect(await codeOf(storage.read(key))).toBe('NOT_FOUND');
      expect(await codeOf(storage.open(key))).toBe('NOT_FOUND');
      expect(await codeOf(storage.stat(key))).toBe('NOT_FOUND');
    });

    it('round-trips an object larger than 5 MiB as a stream', async () => {
      const { storage } = await setup();
      const data = randomBytes(11 * 1024 * 1024 + 123);
      const put = await storage.put(chunked(data, 65_536));
      expect(put).toEqual({ key: sha(data), size: data.length, isNew: true });
      expect(sha(await streamBytes(await storage.open(put.key)))).toBe(put.key);
    });

    it('check() probes a working store and leaves nothing behind', async () => {
      const h = await setup();
      await expect(h.storage.check()).resolves.toBeUndefined();
      expect(await h.objectCount()).toBe(0);
      expect(await codeOf(h.broken().check())).toBe('UNAVAILABLE');
    });
  });
}
