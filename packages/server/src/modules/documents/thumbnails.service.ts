import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ConvertError } from '../../platform/convert/convert-errors.js';
import { runSandboxed } from '../../platform/convert/sandboxed-command.js';
import { domainError, notFound } from '../../platform/errors.js';
import { openPreview, type Servable } from './content.service.js';
import type { DocumentsDeps } from './documents.deps.js';
import { documentsErrors } from './documents.errors.js';

/** Thumbnails cover the first pages only: a 900-page PDF must not cost 900 renders. */
export const maxThumbnailPages = 12;
/** Longest side in pixels: enough to recognise a page, too small to read its body text. */
const thumbnailPixels = 240;
const renderTimeoutMs = 30_000;
const renderMemoryBytes = 512 * 1024 * 1024;

const rendering = new Map<string, Promise<number>>();

/**
 * How many page thumbnails a version has (at most `maxThumbnailPages`), rendering them on
 * first use with pdftoppm (poppler) in the same sandbox as the converters (no network,
 * minimal environment, time and memory caps). They are cached by the content's SHA-256 under
 * `<DATA_DIR>/documents-thumbnails/<sha256>/`: a version never changes, so every later request
 * (in any document sharing the bytes) is a file read; concurrent first requests share one render.
 */
export async function thumbnailCount(deps: DocumentsDeps, servable: Servable): Promise<number> {
  const { version } = servable;
  if (version.kind !== 'pdf' && (version.media_type.startsWith('image/') || version.inert === 1)) {
    throw domainError(
      documentsErrors.DOCUMENT_NO_PREVIEW,
      version.inert === 1
        ? 'This version has no preview or thumbnails; download it instead'
        : 'An image is its own thumbnail: open its preview',
    );
  }
  const cached = await cachedCount(deps, version.storage_key);
  if (cached !== null) return cached;
  // Keyed by cache directory too: two apps in one process (tests) never share a render.
  const key = join(deps.thumbnailDir, version.storage_key);
  let pending = rendering.get(key);
  if (!pending) {
    pending = render(deps, servable).finally(() => rendering.delete(key));
    rendering.set(key, pending);
  }
  return pending;
}

/** One page's PNG (1-based); 404 past the rendered pages. */
export async function thumbnailPng(deps: DocumentsDeps, servable: Servable, page: number): Promise<Buffer> {
  const count = await thumbnailCount(deps, servable);
  if (page > count) throw notFound('Page thumbnail');
  return readFile(join(deps.thumbnailDir, servable.version.storage_key, `${page}.png`));
}

async function cachedCount(deps: DocumentsDeps, sha256: string): Promise<number | null> {
  const manifest = await readFile(join(deps.thumbnailDir, sha256, 'pages.json'), 'utf8').catch(() => null);
  return manifest === null ? null : (JSON.parse(manifest) as { count: number }).count;
}

/** Renders into a private directory, then renames it into the cache whole (readers never see half). */
async function render(deps: DocumentsDeps, servable: Servable): Promise<number> {
  const sha256 = servable.version.storage_key;
  const work = join(deps.thumbnailDir, `.${sha256}.${randomUUID()}`);
  await mkdir(work, { recursive: true });
  try {
    const pdf = await openPreview(deps, servable);
    await pipeline(pdf.body as Readable, createWriteStream(join(work, 'source.pdf')));
    await runPdftoppm(work);
    const pages = await renamePages(work);
    if (pages === 0) throw thumbnailFailure('the PDF has no pages pdftoppm could render');
    await rm(join(work, 'source.pdf'), { force: true });
    await writeFile(join(work, 'pages.json'), JSON.stringify({ count: pages }));
    await rename(work, join(deps.thumbnailDir, sha256)).catch(async (error: NodeJS.ErrnoException) => {
      // Another process cached the same content first: its copy is as good as ours.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
    return pages;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function runPdftoppm(work: string): Promise<void> {
  try {
    await runSandboxed({
      command: 'pdftoppm',
      args: ['-png', '-scale-to', String(thumbnailPixels), '-f', '1', '-l', String(maxThumbnailPages)].concat(
        ['source.pdf', 'page'],
      ),
      dir: work,
      timeoutMs: renderTimeoutMs,
      memoryLimitBytes: renderMemoryBytes,
    });
  } catch (error) {
    if (error instanceof ConvertError) throw thumbnailFailure(error.message, error.reason);
    throw error;
  }
}

/** pdftoppm names pages page-1.png or page-01.png (padded to the page count's digits): normalise to 1.png. */
async function renamePages(work: string): Promise<number> {
  let count = 0;
  for (const name of await readdir(work)) {
    const match = /^page-0*(\d+)\.png$/.exec(name);
    if (!match) continue;
    await rename(join(work, name), join(work, `${Number(match[1])}.png`));
    count += 1;
  }
  return count;
}

function thumbnailFailure(message: string, reason = 'unreadable') {
  return domainError(
    documentsErrors.DOCUMENT_THUMBNAILS_FAILED,
    `Page thumbnails could not be made: ${message}`,
    {
      details: { reason },
    },
  );
}
