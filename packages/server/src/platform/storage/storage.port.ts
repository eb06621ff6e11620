import type { Readable } from 'node:stream';

/** Limits and hints for one upload. */
export interface PutOptions {
  /** Refuse (TOO_LARGE) once the body passes this many bytes; nothing is stored. */
  maxBytes?: number;
  /** Kept as object metadata where the backend supports it; never trusted for type checks. */
  contentType?: string;
}

/** What an upload produced: the content address, the size, and whether the bytes were new. */
export interface PutResult {
  /** SHA-256 of the content, 64 lowercase hex characters. */
  key: string;
  size: number;
  /** False when identical content was already stored (content addressing deduplicates). */
  isNew: boolean;
}

/** Metadata of a stored object, cheap to obtain (no hashing). */
export interface ObjectStat {
  key: string;
  size: number;
}

/**
 * The storage port every module uses for file bytes. Objects are addressed by the SHA-256 of
 * their content, so a key doubles as an integrity proof: reads verify it and refuse
 * (STORAGE_CORRUPTED) bytes that no longer match, which is what an audit trail needs.
 */
export interface StoragePort {
  /** Streams the body in, hashing as it goes; identical content is stored once. */
  put(body: Readable | Uint8Array, opts?: PutOptions): Promise<PutResult>;
  /** A stream of verified bytes: the object is hashed in a first pass before serving. */
  open(key: string): Promise<Readable>;
  /** The whole object in memory, verified. For small objects only. */
  read(key: string): Promise<Buffer>;
  /** Size of the object; NOT_FOUND when missing. */
  stat(key: string): Promise<ObjectStat>;
  has(key: string): Promise<boolean>;
  /** Removes the object; true when something was removed. */
  delete(key: string): Promise<boolean>;
  /** Writes, reads back and deletes a probe; throws UNAVAILABLE when storage is not usable. */
  check(): Promise<void>;
}
