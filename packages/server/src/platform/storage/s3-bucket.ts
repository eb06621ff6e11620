import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { SpooledFile } from './hashing-spool.js';
import { assertStorageKey, objectNotFound } from './storage-key.js';

const minPartSize = 5 * 1024 * 1024;

/** Connection settings of an S3-compatible bucket. */
export interface S3BucketOptions {
  bucket: string;
  prefix?: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
  partSizeBytes?: number;
}

/**
 * The raw object operations of the S3 driver, keyed by content address. Kept apart from the
 * port so the driver reads as policy (spool, dedupe, verify) over these few calls.
 */
export class S3Bucket {
  private readonly client: S3Client;
  private readonly partSize: number;

  constructor(private readonly options: S3BucketOptions) {
    this.client = buildClient(options);
    this.partSize = Math.max(options.partSizeBytes ?? 8 * 1024 * 1024, minPartSize);
  }

  /** Object size; NOT_FOUND when missing. */
  async size(key: string): Promise<number> {
    const command = new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.nameOf(key) });
    const out = await this.client.send(command).catch(mapMissing);
    return out.ContentLength ?? 0;
  }

  /** The object's bytes as stored, unverified. */
  async openRaw(key: string): Promise<Readable> {
    const command = new GetObjectCommand({ Bucket: this.options.bucket, Key: this.nameOf(key) });
    const out = await this.client.send(command).catch(mapMissing);
    if (!(out.Body instanceof Readable)) throw new Error('S3 returned a body that is not a stream');
    return out.Body;
  }

  /** One PutObject below the part size, a multipart upload from there on. */
  async upload(file: SpooledFile, contentType?: string): Promise<void> {
    const params = { Bucket: this.options.bucket, Key: this.nameOf(file.key), ContentType: contentType };
    if (file.size < this.partSize) {
      // A buffer (at most one part) keeps the request retryable, unlike a stream body.
      await this.client.send(new PutObjectCommand({ ...params, Body: await readFile(file.path) }));
      return;
    }
    const body = createReadStream(file.path, { highWaterMark: 1024 * 1024 });
    const upload = new Upload({
      client: this.client,
      params: { ...params, Body: body },
      partSize: this.partSize,
    });
    await upload.done();
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.nameOf(key) }));
  }

  private nameOf(key: string): string {
    assertStorageKey(key);
    return `${this.options.prefix ?? ''}${key}`;
  }
}

function buildClient(options: S3BucketOptions): S3Client {
  const { accessKeyId, secretAccessKey } = options;
  return new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    // Integrity is ours (SHA-256 keys verified on read); the SDK's default CRC trailers
    // are not understood by every S3-compatible server.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Whether an S3 or storage error means "no such object". */
export function isNotFound(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if ('code' in error && error.code === 'NOT_FOUND') return true;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return error.name === 'NoSuchKey' || error.name === 'NotFound' || status === 404;
}

function mapMissing(error: unknown): never {
  throw isNotFound(error) ? objectNotFound() : error;
}
