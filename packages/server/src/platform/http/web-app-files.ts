import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

/** One file of the web build with its precompressed variants, read into memory once. */
export interface WebFile {
  type: string;
  etag: string;
  identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The built app (packages/web/dist) as a map from URL path to file. Loading it whole at
 * start-up keeps serving to a map lookup; the build is a few megabytes.
 */
export function loadWebFiles(root: string): Map<string, WebFile> | null {
  if (!existsSync(join(root, 'index.html'))) return null;
  const files = new Map<string, WebFile>();
  for (const path of walk(root)) {
    const segments = relative(root, path).split(sep);
    // Build metadata (.vite/manifest.json) and the compressed copies are not served as files.
    if (path.endsWith('.br') || path.endsWith('.gz') || segments.some((s) => s.startsWith('.'))) continue;
    const identity = readFileSync(path);
    const url = `/${segments.join('/')}`;
    files.set(url, {
      type: types[extname(path)] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
      identity,
      br: readIfExists(`${path}.br`),
      gzip: readIfExists(`${path}.gz`),
    });
  }
  return files;
}

/** The variant to send for an Accept-Encoding header: brotli, then gzip, then none. */
export function pickEncoding(file: WebFile, acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (file.br && ok('br')) return 'br';
  if (file.gzip && ok('gzip')) return 'gzip';
  return null;
}

function readIfExists(path: string): Buffer | undefined {
  return existsSync(path) ? readFileSync(path) : undefined;
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
