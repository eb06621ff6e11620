import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The JavaScript a route needs before it can render, from Vite's build manifest: the entry
 * and its static imports, plus the route component's chunk and its static imports (what
 * the router loads on navigation). Sizes are gzip level 9, as the server sends them.
 * `entryHtml` picks the entry: index.html (admin app) or sign.html (signer and verify pages,
 * a separate build whose manifest is .vite/signer-manifest.json).
 */
export function routeJavaScript(
  distDir,
  routeSources,
  entryHtml = 'index.html',
  manifestName = 'manifest.json',
) {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', manifestName), 'utf8'));
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const child of chunk.imports ?? []) visit(child);
  };
  // The admin manifest has index.html; the signer build's (signer-manifest.json) has sign.html.
  const entry = manifest[entryHtml]?.isEntry
    ? entryHtml
    : Object.keys(manifest).find((key) => manifest[key].isEntry && key !== 'sign.html');
  visit(entry);
  for (const source of routeSources) visit(source);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    if (!file.endsWith('.js')) continue;
    const body = readFileSync(join(distDir, file));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { files: [...files].filter((f) => f.endsWith('.js')).sort(), raw_bytes: raw, gzip_bytes: gzip };
}

/** Every route component chunk in the build (manifest keys of `src/**\/pages/*.vue`). */
export function pageSources(distDir) {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8'));
  return Object.keys(manifest).filter((key) => /\/pages\/[^/]+\.vue$/.test(key));
}

/** What the signer page needs before pdf.js: sign.html's entry and the signing page chunk. */
export function signerJavaScript(distDir) {
  return routeJavaScript(distDir, ['src/signer/SignerApp.vue'], 'sign.html', 'signer-manifest.json');
}
