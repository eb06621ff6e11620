import { inflateRawSync } from 'node:zlib';

/**
 * Guards a DOCX before any ZIP library opens it: a template is a ZIP, and a small ZIP can
 * inflate to gigabytes (a zip bomb). Every entry is inflated here with a hard output cap, so
 * sizes the central directory lies about are caught too. Uploads are sniffed by the
 * documents module; this check is about the package the template engine will unpack.
 */
export interface PackageLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxRatio: number;
}

export const defaultPackageLimits: PackageLimits = {
  maxEntries: 2000,
  maxTotalBytes: 64 * 1048576,
  maxRatio: 200,
};

export class PackageError extends Error {}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function endOfCentralDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - 65_557);
  for (let offset = zip.length - 22; offset >= lowest; offset -= 1) {
    if (zip.readUInt32LE(offset) === 0x06054b50) return offset;
  }
  throw new PackageError('not a DOCX file (no ZIP directory)');
}

function centralEntries(zip: Buffer): Entry[] {
  const end = endOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== 0x02014b50) {
      throw new PackageError('damaged DOCX file (bad ZIP directory)');
    }
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localOffset: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(zip: Buffer, entry: Entry): Buffer {
  const local = entry.localOffset;
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) {
    throw new PackageError(`damaged DOCX file (entry ${entry.name})`);
  }
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  return zip.subarray(start, start + entry.compressedSize);
}

/** Throws PackageError unless `zip` is a DOCX package within the limits. */
export function checkTemplatePackage(zip: Buffer, limits: PackageLimits = defaultPackageLimits): void {
  const entries = centralEntries(zip);
  if (entries.length > limits.maxEntries)
    throw new PackageError(`too many entries in the DOCX (${entries.length})`);
  if (!entries.some((entry) => entry.name === 'word/document.xml')) {
    throw new PackageError('not a DOCX file (no word/document.xml)');
  }
  if (entries.some((entry) => entry.name === 'word/vbaProject.bin')) {
    throw new PackageError('macro-enabled documents are not accepted as templates');
  }
  let total = 0;
  for (const entry of entries) {
    const budget = limits.maxTotalBytes - total;
    const data = entryData(zip, entry);
    let size: number;
    if (entry.method === 0) size = data.length;
    else if (entry.method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new PackageError(`the DOCX unpacks to more than ${limits.maxTotalBytes} bytes (zip bomb?)`);
        }
        throw new PackageError(`damaged DOCX file (entry ${entry.name} does not inflate)`);
      }
    } else throw new PackageError(`unsupported compression in the DOCX (entry ${entry.name})`);
    total += size;
    if (size > Math.max(1024 * 1024, data.length * limits.maxRatio)) {
      throw new PackageError(
        `entry ${entry.name} expands ${Math.round(size / Math.max(1, data.length))}× (zip bomb?)`,
      );
    }
  }
}
