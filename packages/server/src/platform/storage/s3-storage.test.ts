import type { EventEmitter } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage } from './create-storage.js';
import { createS3Storage, type S3StorageOptions } from './s3-storage.js';
import { describeStorageContract } from './storage.contract.js';

let server: S3rver;
let workDir: string;
let endpoint: string;
let raw: S3Client;
const events: string[] = [];
let bucketCounter = 0;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'signx-s3-storage-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: join(workDir, 'bucket-data'),
  });
  const address = await server.run();
  endpoint = `http://127.0.0.1:${address.port}`;
  // s3rver is a Koa app (an EventEmitter) and reports each stored object as an S3 event.
  (server as unknown as EventEmitter).on('event', (event: { Records: Array<{ eventName: string }> }) => {
    events.push(event.Records[0]?.eventName ?? '');
  });
  raw = new S3Client({ ...credentials(), region: 'us-east-1', endpoint, forcePathStyle: true });
});

afterAll(async () => {
  raw?.destroy();
  await server?.close();
  await rm(workDir, { recursive: true, force: true });
});

/** s3rver accepts its documented default key pair. */
const credentials = () => ({ credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });

async function freshOptions(): Promise<S3StorageOptions> {
  const bucket = `signx-test-${++bucketCounter}`;
  await raw.send(new CreateBucketCommand({ Bucket: bucket }));
  const spool = await mkdtemp(join(workDir, 'spool-'));
  return {
    bucket,
    prefix: 'objects/',
    endpoint,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    tmpDir: spool,
    partSizeBytes: 5 * 1024 * 1024,
  };
}

const listNames = async (bucket: string) =>
  ((await raw.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key ?? '');

describeStorageContract('s3', async () => {
  const options = await freshOptions();
  return {
    storage: createS3Storage(options),
    corrupt: async (key, bytes) => {
      await raw.send(new PutObjectCommand({ Bucket: options.bucket, Key: `objects/${key}`, Body: bytes }));
    },
    objectCount: async () => (await listNames(options.bucket)).length,
    tempFiles: () => readdir(options.tmpDir ?? ''),
    broken: () => createS3Storage({ ...options, bucket: 'no-such-bucket' }),
    exactIsNewUnderConcurrency: false,
  };
});

describe('s3 storage specifics', () => {
  it('names objects <prefix><sha256> and uploads small ones with a single PutObject', async () => {
    const options = await freshOptions();
    const storage = createStorage({ backend: 's3', ...options });
    events.length = 0;
    const { key } = await storage.put(Buffer.from('small'));
    expect(await listNames(options.bucket)).toEqual([`objects/${key}`]);
    expect(events).toEqual(['ObjectCreated:Put']);
  });

  it('uploads objects of at least one part size as multipart and reads them back', async () => {
    const storage = createS3Storage(await freshOptions());
    events.length = 0;
    const data = Buffer.alloc(12 * 1024 * 1024, 'signx');
    const { key, size } = await storage.put(data);
    expect(events).toEqual(['ObjectCreated:Post']);
    expect(size).toBe(data.length);
    expect((await storage.read(key)).equals(data)).toBe(true);
  });

  it('skips the upload when the bucket already holds the content', async () => {
    const storage = createS3Storage(await freshOptions());
    await storage.put(Buffer.from('once'));
    events.length = 0;
    expect((await storage.put(Buffer.from('once'))).isNew).toBe(false);
    expect(events).toEqual([]);
  });
});
