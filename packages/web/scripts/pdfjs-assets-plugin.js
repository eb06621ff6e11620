import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * Copies pdf.js's cMaps (CJK and other non-embedded encodings) and standard fonts into the
 * build under assets/pdfjs/, so the previewer loads them from this server and never from a
 * CDN. Runs before precompress (plugin order), so they get their .br/.gz copies too.
 */
export function pdfjsAssets() {
  let outDir = 'dist';
  return {
    name: 'signx-pdfjs-assets',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
      for (const dir of ['cmaps', 'standard_fonts']) {
        cpSync(join(root, dir), join(outDir, 'assets', 'pdfjs', dir), { recursive: true });
      }
    },
  };
}
