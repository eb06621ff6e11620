/**
 * The cryptographic check of the document versions signatures produced, memoised for public
 * verification by number (docs/signing.md, "How verification by number caches"). A version is
 * content-addressed: its SHA-256 names its bytes, so the PAdES check of those bytes (digest,
 * CMS signature, chain to the platform root) gives the same answer every time and is kept by
 * that hash. What can change is never kept here: the signature's status, its certificate's
 * revocation, its validity period and the record hash are read and checked on every call.
 *
 * The stored file itself is hashed again when its entry is older than `recheckMs`: reading
 * and hashing a version costs more CPU than the whole verify budget, so a file altered on
 * disk is reported at the next re-check (and at once after a restart), while a record whose
 * document hash was changed points at another key and is checked afresh. A failed read is
 * never kept: every later call reads again and reports the version invalid until it verifies.
 * One value per app context (signing deps); bounded, oldest entry out first.
 */
export class VerifiedVersions {
  private readonly entries = new Map<string, { result: Promise<boolean>; storedAt: number }>();

  constructor(
    readonly recheckMs = 60_000,
    private readonly maxEntries = 20_000,
  ) {}

  /**
   * Whether the version `key` verifies: `read` answers its stored bytes checked against their
   * SHA-256 (throws when they are gone or altered), `verify` checks those bytes
   * cryptographically. Concurrent calls for one key share one check.
   */
  check(
    key: string,
    nowMs: number,
    read: () => Promise<Uint8Array>,
    verify: (bytes: Uint8Array) => Promise<boolean>,
  ): Promise<boolean> {
    const held = this.entries.get(key);
    if (held && nowMs - held.storedAt <= this.recheckMs) return held.result;
    const checked = held
      ? held.result.then(async (ok) => {
          await read();
          return ok;
        })
      : read().then((bytes) => verify(bytes));
    const entry = { result: checked, storedAt: nowMs };
    entry.result = checked.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      return false;
    });
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value ?? key);
    return entry.result;
  }

  /** Drops what is held for `key` (the next call reads and verifies again). */
  forget(key: string): void {
    this.entries.delete(key);
  }
}
