import { PadesError } from '../errors.js';
import type { CertificateStatus, RevocationReason, RevokedEntry } from './pki.types.js';

/**
 * The platform CA's revocation state in memory: the signing module persists entries in its own
 * table and rebuilds a registry (or calls createCrl/ocspRespond with its own statusOf).
 */
export function normalizeSerial(serial: string | Uint8Array): string {
  const hex =
    typeof serial === 'string'
      ? serial.toLowerCase().replace(/[^0-9a-f]/g, '')
      : Buffer.from(serial).toString('hex');
  if (!hex) throw new PadesError('INVALID_ARGUMENT', 'empty serial number');
  const even = hex.length % 2 ? `0${hex}` : hex;
  return even.replace(/^(00)+(?=..)/, '');
}

/** Revoked serials of one CA, with time and reason; feeds createCrl and ocspRespond. */
export class RevocationRegistry {
  readonly #entries = new Map<string, RevokedEntry>();

  constructor(entries: readonly RevokedEntry[] = []) {
    for (const e of entries)
      this.#entries.set(normalizeSerial(e.serial), { ...e, serial: normalizeSerial(e.serial) });
  }

  /** Records a revocation (idempotent: the first revocation time is kept, as RFC 5280 expects). */
  revoke(
    serial: string | Uint8Array,
    reason: RevocationReason = 'unspecified',
    at: Date = new Date(),
  ): RevokedEntry {
    const key = normalizeSerial(serial);
    const existing = this.#entries.get(key);
    if (existing && existing.reason !== 'certificateHold') return existing;
    const entry: RevokedEntry = { serial: key, reason, revokedAt: at };
    this.#entries.set(key, entry);
    return entry;
  }

  /** Lifts a certificateHold; other reasons are final. */
  release(serial: string | Uint8Array): boolean {
    const key = normalizeSerial(serial);
    if (this.#entries.get(key)?.reason !== 'certificateHold') return false;
    return this.#entries.delete(key);
  }

  /** Status for OCSP: revoked (with time and reason) or good. Issued-ness is the caller's concern. */
  statusOf(serial: string | Uint8Array): CertificateStatus {
    const e = this.#entries.get(normalizeSerial(serial));
    return e ? { status: 'revoked', revokedAt: e.revokedAt, reason: e.reason } : { status: 'good' };
  }

  /** All entries, oldest first (for CRLs). */
  entries(): RevokedEntry[] {
    return [...this.#entries.values()].sort((a, b) => a.revokedAt.getTime() - b.revokedAt.getTime());
  }
}
