/**
 * Verified version bytes kept in memory, by SHA-256 (docs/documents.md, "Reading content").
 * A version's content is immutable and addressed by its hash, so bytes that were hashed to
 * their key (read and verified, or staged from memory) can be served again without the file
 * system: the signing module reads the version the previous signer just staged. Bounded in
 * total bytes and per object, least recently used first out; per process.
 */
const maxTotalBytes = 32 * 1024 * 1024;
const maxObjectBytes = 2 * 1024 * 1024;
const entries = new Map<string, Buffer>();
let totalBytes = 0;

/** The bytes of `sha256` if held (a copy: callers may write into what they get). */
export function cachedContent(sha256: string): Buffer | undefined {
  const bytes = entries.get(sha256);
  if (!bytes) return undefined;
  entries.delete(sha256);
  entries.set(sha256, bytes);
  return Buffer.from(bytes);
}

/** Keeps `bytes` under `sha256`; the caller has checked that they hash to it. */
export function rememberContent(sha256: string, bytes: Uint8Array): void {
  if (bytes.byteLength > maxObjectBytes || entries.has(sha256)) return;
  entries.set(sha256, Buffer.from(bytes));
  totalBytes += bytes.byteLength;
  for (const [key, held] of entries) {
    if (totalBytes <= maxTotalBytes) break;
    entries.delete(key);
    totalBytes -= held.byteLength;
  }
}
