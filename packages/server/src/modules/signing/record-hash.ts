import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Seed 004's record hash: SHA-512 over signature_data + document_hash + signed_at +
 * signer_name (hex). Stored with the signature and recomputed on every read, beside the
 * cryptographic checks of the PDF itself.
 */
export function recordHash(input: {
  signature_data: string;
  document_hash: string;
  signed_at: string;
  signer_name: string;
}): string {
  return createHash('sha512')
    .update(`${input.signature_data}${input.document_hash}${input.signed_at}${input.signer_name}`, 'utf8')
    .digest('hex');
}

export function isRecordHashValid(row: {
  signature_data: string;
  document_hash: string;
  signed_at: string;
  signer_name: string;
  signature_hash: string;
}): boolean {
  const expected = Buffer.from(recordHash(row), 'hex');
  const stored = Buffer.from(row.signature_hash, 'hex');
  return stored.length === expected.length && timingSafeEqual(stored, expected);
}

/** SHA-256 hex of bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** One document hash over several documents: their SHA-256s in order, joined by commas. */
export function combinedDocumentHash(hashes: readonly string[]): string {
  return hashes.length === 1 ? (hashes[0] ?? '') : sha256Hex(Buffer.from(hashes.join(','), 'utf8'));
}
