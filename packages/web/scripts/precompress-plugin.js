import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const compressible = /\.(js|mjs|css|html|svg|json|txt|map|woff)$/;
const minBytes = 1024;

/**
 * Writes `name.br` and `name.gz` beside every compressible file of the build (at maximum
 * compression: it happens once per build), so the server only picks the variant the
 * browser accepts.
 */
export function precompress() {
  let outDir = 'dist';
  return {
    name: 'signx-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!compressible.test(file)) continue;
        const body = readFileSync(file);
        if (body.length < minBytes) continue;
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
        const br = brotliCompressSync(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        });
        writeFileSync(`${file}.br`, br);
      }
    },
  };
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
