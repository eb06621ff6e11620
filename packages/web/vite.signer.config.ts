import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress-plugin.js';
import admin from './vite.config';

/**
 * The lean signer and verification page (sign.html → src/signer) as its own build into the
 * same dist, after the admin build. A second input in the admin build would make Vue, the
 * router's and the store's modules shared chunks between two entries, and the admin routes
 * would then carry their whole runtimes (≈30 KB gzip more on every admin route); a separate
 * build leaves the admin chunks exactly as they were. Its manifest is
 * .vite/signer-manifest.json (bench/lib/web-bundle.js reads it).
 */
export default defineConfig({
  define: admin.define,
  resolve: admin.resolve,
  plugins: [vue(), precompress()],
  build: {
    ...admin.build,
    emptyOutDir: false,
    manifest: '.vite/signer-manifest.json',
    rollupOptions: { input: { sign: fileURLToPath(new URL('./sign.html', import.meta.url)) } },
  },
});
