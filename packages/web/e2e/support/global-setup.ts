import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    webRoot: string;
  }
}

/**
 * Builds the web app once for the end-to-end files (into a temporary directory, so a
 * developer's packages/web/dist and a running server are left alone); each file then
 * starts its own server on a fresh SQLite database around this build.
 */
export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), 'signx-web-e2e-'));
  const root = fileURLToPath(new URL('../..', import.meta.url));
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  // the signer and verification page (sign.html), built after the admin app into the same directory
  await build({
    root,
    configFile: join(root, 'vite.signer.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: false },
  });
  project.provide('webRoot', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
