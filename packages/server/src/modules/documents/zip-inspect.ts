import { inflateRawSync } from 'node:zlib';

/** One entry of a ZIP's central directory, as declared. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/**
 * Positioned reads of the bytes being inspected: an open file (`FileHandle` fits) or bytes
 * already in memory (`bytesSource`), so a staged buffer is sniffed without a temp file.
 */
export interface ByteSource {
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<unknown>;
}

/** A ByteSource over bytes in memory (a read past the end leaves the rest of `buffer` as is). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    read: async (buffer, offset, length, position) => {
      const end = Math.min(bytes.byteLength, position + length);
      if (end > position) buffer.set(bytes.subarray(position, end), offset);
    },
  };
}

export type ZipListing = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

const eocdSignature = 0x06054b50;
const centralSignature = 0x02014b50;
const localSignature = 0x04034b50;

/**
 * Reads a ZIP's central directory without unpacking anything. Office files (OOXML, ODF) are
 * ZIPs; the declared sizes are what the zip-bomb limits are checked against, and parts are
 * later read through `readEntry`, which caps what it inflates, so a lying header gains
 * nothing. ZIP64 and multi-disk archives are refused: no office file needs them.
 */
export async function listZip(file: ByteSource, size: number, maxEntries: number): Promise<ZipListing> {
  const tailLength = Math.min(size, 65_557);
  const tail = Buffer.alloc(tailLength);
  await file.read(tail, 0, tailLength, size - tailLength);
  let eocd = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === eocdSignature) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'no ZIP directory' };
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) return { ok: false, reason: 'ZIP64 archive' };
  if (count > maxEntries) return { ok: false, reason: `more than ${maxEntries} parts` };
  if (directoryOffset + directorySize > size) return { ok: false, reason: 'ZIP directory outside the file' };
  const directory = Buffer.alloc(directorySize);
  await file.read(directory, 0, directorySize, directoryOffset);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== centralSignature) {
      return { ok: false, reason: 'damaged ZIP directory' };
    }
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    entries.push({
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/** The bytes of one (small) entry, inflated with a hard output cap; null when unreadable. */
export async function readEntry(file: ByteSource, entry: ZipEntry, maxBytes: number): Promise<Buffer | null> {
  if (entry.compressedSize > maxBytes * 4 || entry.uncompressedSize > maxBytes) return null;
  const header = Buffer.alloc(30);
  await file.read(header, 0, 30, entry.localHeaderOffset);
  if (header.readUInt32LE(0) !== localSignature) return null;
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const compressed = Buffer.alloc(entry.compressedSize);
  await file.read(compressed, 0, entry.compressedSize, start);
  if (entry.method === 0) return compressed.subarray(0, maxBytes);
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(compressed, { maxOutputLength: maxBytes });
  } catch {
    return null;
  }
}
