import { open } from 'node:fs/promises';
import { domainError } from '../../platform/errors.js';
import { documentsErrors } from './documents.errors.js';
import { type ByteSource, listZip, readEntry, type ZipEntry } from './zip-inspect.js';

/** What the bytes are, decided from the content alone (the file name and the client's type are ignored). */
export interface DetectedType {
  kind:
    | 'pdf'
    | 'docx'
    | 'xlsx'
    | 'pptx'
    | 'docm'
    | 'xlsm'
    | 'pptm'
    | 'odt'
    | 'ods'
    | 'odp'
    | 'png'
    | 'jpeg'
    | 'gif'
    | 'webp'
    | 'svg';
  mediaType: string;
  /** Macro-enabled: stored and downloadable, never converted or previewed. */
  inert: boolean;
}

export interface SniffLimits {
  maxUnpackedBytes: number;
  maxArchiveEntries: number;
}

const ooxml = 'application/vnd.openxmlformats-officedocument';
const ooxmlMain: Record<string, Pick<DetectedType, 'kind' | 'mediaType'>> = {
  [`${ooxml}.wordprocessingml.document.main+xml`]: {
    kind: 'docx',
    mediaType: `${ooxml}.wordprocessingml.document`,
  },
  [`${ooxml}.spreadsheetml.sheet.main+xml`]: { kind: 'xlsx', mediaType: `${ooxml}.spreadsheetml.sheet` },
  [`${ooxml}.presentationml.presentation.main+xml`]: {
    kind: 'pptx',
    mediaType: `${ooxml}.presentationml.presentation`,
  },
  'application/vnd.ms-word.document.macroEnabled.main+xml': {
    kind: 'docm',
    mediaType: 'application/vnd.ms-word.document.macroEnabled.12',
  },
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': {
    kind: 'xlsm',
    mediaType: 'application/vnd.ms-excel.sheet.macroEnabled.12',
  },
  'application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml': {
    kind: 'pptm',
    mediaType: 'application/vnd.ms-powerpoint.presentation.macroEnabled.12',
  },
};
const odf: Record<string, DetectedType['kind']> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};
const maxSvgBytes = 2_097_152;
const macroKinds = new Set(['docm', 'xlsm', 'pptm']);

const refused = (why: string) =>
  domainError(documentsErrors.DOCUMENT_TYPE_REFUSED, `This file type is not accepted: ${why}`, {
    details: { reason: why },
  });

/**
 * Decides the type of an uploaded file from its bytes. Accepted: PDF, OOXML and ODF office
 * files, PNG, JPEG, GIF, WebP and SVG without script. Refused: HTML (also when named .pdf),
 * SVG with script or event handlers, executables, legacy binary Office files, anything
 * unknown. Office files are ZIPs: their directory is checked against the zip-bomb limits
 * and their declared content type read (macro-enabled ones are accepted as inert).
 */
export async function sniffContent(path: string, size: number, limits: SniffLimits): Promise<DetectedType> {
  if (size === 0) throw domainError(documentsErrors.DOCUMENT_EMPTY, 'The file is empty (0 bytes)');
  const file = await open(path, 'r');
  try {
    return await sniffSource(file, size, limits);
  } finally {
    await file.close();
  }
}

/** `sniffContent` on any byte source (a file, or bytes in memory through `bytesSource`). */
export async function sniffSource(
  file: ByteSource,
  size: number,
  limits: SniffLimits,
): Promise<DetectedType> {
  if (size === 0) throw domainError(documentsErrors.DOCUMENT_EMPTY, 'The file is empty (0 bytes)');
  const head = Buffer.alloc(Math.min(size, 8192));
  await file.read(head, 0, head.length, 0);
  const binary = sniffBinary(head);
  if (binary) return binary;
  if (head.readUInt32LE(0) === 0x04034b50) return await sniffZip(file, size, limits);
  const whole = async () => {
    if (size > maxSvgBytes) throw refused('SVG larger than 2 MB');
    const all = Buffer.alloc(size);
    await file.read(all, 0, size, 0);
    return all.toString('utf8').toLowerCase();
  };
  return await sniffText(head, whole);
}

function sniffBinary(head: Buffer): DetectedType | null {
  const starts = (bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-')
    return { kind: 'pdf', mediaType: 'application/pdf', inert: false };
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'png', mediaType: 'image/png', inert: false };
  if (starts([0xff, 0xd8, 0xff])) return { kind: 'jpeg', mediaType: 'image/jpeg', inert: false };
  const ascii = head.subarray(0, 12).toString('latin1');
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a'))
    return { kind: 'gif', mediaType: 'image/gif', inert: false };
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP')
    return { kind: 'webp', mediaType: 'image/webp', inert: false };
  if (ascii.startsWith('MZ') || starts([0x7f, 0x45, 0x4c, 0x46]) || ascii.startsWith('#!'))
    throw refused('executable program');
  if (
    starts([0xcf, 0xfa, 0xed, 0xfe]) ||
    starts([0xfe, 0xed, 0xfa, 0xce]) ||
    starts([0xca, 0xfe, 0xba, 0xbe])
  ) {
    throw refused('executable program');
  }
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    throw refused('legacy binary Office file (save it as DOCX/XLSX/PPTX)');
  return null;
}

async function sniffText(head: Buffer, whole: () => Promise<string>): Promise<DetectedType> {
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (
    /^<(!doctype html|html|head|body|script|iframe|meta|title|div|a\s|p>)/.test(text) ||
    /<script[\s>]/.test(text)
  ) {
    throw refused('HTML page');
  }
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/.test(text)) {
    if (/<script|\son[a-z]+\s*=|javascript:|<foreignobject|<iframe|<embed|<object/.test(await whole())) {
      throw refused('SVG with script, event handlers or embedded content');
    }
    return { kind: 'svg', mediaType: 'image/svg+xml', inert: false };
  }
  throw refused('unknown content');
}

async function sniffZip(file: ByteSource, size: number, limits: SniffLimits): Promise<DetectedType> {
  const listing = await listZip(file, size, limits.maxArchiveEntries);
  if (!listing.ok) {
    if (listing.reason.startsWith('more than')) throw bomb(listing.reason);
    throw refused(`not a readable office file (${listing.reason})`);
  }
  const unpacked = listing.entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (unpacked > limits.maxUnpackedBytes) throw bomb(`it unpacks to ${unpacked} bytes`);
  // A DEFLATE stream cannot expand past about 1032:1; a declared size beyond that is a lie.
  const lying = listing.entries.find(
    (e) => e.method === 8 && e.uncompressedSize > e.compressedSize * 1032 + 1024,
  );
  if (lying) throw bomb(`part ${lying.name} declares an impossible size`);
  const find = (name: string) => listing.entries.find((e) => e.name === name);
  const mimetype = find('mimetype');
  if (mimetype) {
    const kind = odf[(await readEntry(file, mimetype, 200))?.toString('latin1').trim() ?? ''];
    if (kind)
      return {
        kind,
        mediaType: Object.keys(odf).find((k) => odf[k] === kind) as string,
        inert: hasMacros(listing.entries),
      };
  }
  const types = find('[Content_Types].xml');
  const xml = types ? (await readEntry(file, types, 1_048_576))?.toString('utf8') : undefined;
  if (!xml) throw refused('a ZIP archive that is not an office document');
  for (const [contentType, detected] of Object.entries(ooxmlMain)) {
    if (xml.includes(`ContentType="${contentType}"`)) {
      return { ...detected, inert: macroKinds.has(detected.kind) || hasMacros(listing.entries) };
    }
  }
  throw refused('an office package of an unsupported kind');
}

/** VBA projects (OOXML) or Basic/script libraries (ODF): kept inert even in a non-macro format. */
function hasMacros(entries: ZipEntry[]): boolean {
  return entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name) || /^(Basic|Scripts)\//.test(e.name));
}

function bomb(why: string) {
  return domainError(
    documentsErrors.DOCUMENT_ARCHIVE_BOMB,
    `The office file was refused as a zip bomb: ${why}`,
    {
      details: { reason: why },
    },
  );
}
