/**
 * Verified version bytes kept in memory, by SHA-256 (docs/documents.md, "Reading content").
 * A version's content is immutable and addressed by its hash, so bytes that were hashed to
 * their key (read and verified, or staged from memory) can be served again without the file
 * system: the signing module reads the version the previous signer just staged. Bounded in
 * total bytes and per object, least recently used first out. One cache per app context
 * (documents deps), so two contexts in one process never share what they hold.
 */
export class ContentCache {
  private readonly entries = new Map<string, Buffer>();
  private totalBytes = 0;

  constructor(
    private readonly maxTotalBytes = 32 * 1024 * 1024,
    private readonly maxObjectBytes = 2 * 1024 * 1024,
  ) {}

  /** The bytes of `sha256` if held (a copy: callers may write into what they get). */
  get(sha256: string): Buffer | undefined {
    const bytes = this.entries.get(sha256);
    if (!bytes) return undefined;
    this.entries.delete(sha256);
    this.entries.set(sha256, bytes);
    return Buffer.from(bytes);
  }

  /** Keeps `bytes` under `sha256`; the caller has checked that they hash to it. */
  remember(sha256: string, bytes: Uint8Array): void {
    if (bytes.byteLength > this.maxObjectBytes || this.entries.has(sha256)) return;
    this.entries.set(sha256, Buffer.from(bytes));
    this.totalBytes += bytes.byteLength;
    for (const [key, held] of this.entries) {
      if (this.totalBytes <= this.maxTotalBytes) break;
      this.entries.delete(key);
      this.totalBytes -= held.byteLength;
    }
  }
}
