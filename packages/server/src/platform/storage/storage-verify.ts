import { createHash } from 'node:crypto';
import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import { objectCorrupted } from './storage-key.js';

/** Opens the raw bytes of an object; called once per pass. */
export type RawOpener = () => Promise<Readable>;

/** Reads an object fully and refuses it when its hash differs from its key. */
export async function readVerified(key: string, openRaw: RawOpener): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  for await (const chunk of await openRaw()) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    hash.update(bytes);
    chunks.push(bytes);
  }
  if (hash.digest('hex') !== key) throw objectCorrupted(key);
  return Buffer.concat(chunks);
}

/**
 * Serves a large object without holding it in memory and without ever serving bad bytes:
 * a first pass hashes the whole object; only when it matches is a second stream opened.
 * That second stream is hashed again and errors at its end if the bytes changed between
 * the passes, so a consumer that completes never got silently altered content.
 */
export async function openVerified(key: string, openRaw: RawOpener): Promise<Readable> {
  const hash = createHash('sha256');
  for await (const chunk of await openRaw()) hash.update(chunk as Uint8Array);
  if (hash.digest('hex') !== key) throw objectCorrupted(key);
  const guard = new HashGuard(key);
  // pipeline propagates errors and early destruction in both directions.
  pipeline(await openRaw(), guard, () => undefined);
  return guard;
}

/** Passes bytes through and fails the stream at its end when their hash is not `key`. */
class HashGuard extends Transform {
  private readonly hash = createHash('sha256');

  constructor(private readonly key: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    done(this.hash.digest('hex') === this.key ? null : objectCorrupted(this.key));
  }
}
