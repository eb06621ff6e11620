import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { antdStaticStyle } from './scripts/antd-static-style-plugin.js';
import { bootShell } from './scripts/boot-shell-plugin.js';
import { deferredEntry } from './scripts/deferred-entry-plugin.js';
import { i18nPrecompile } from './scripts/i18n-precompile-plugin.js';
import { pdfjsAssets } from './scripts/pdfjs-assets-plugin.js';
import { precompress } from './scripts/precompress-plugin.js';

/**
 * The admin app (the signer page is a second build: vite.signer.config.ts). Every route (the layout included) is its own chunk; hashed file names let
 * the server send them as immutable; brotli and gzip copies are written beside each asset
 * so the server never compresses at request time.
 */
export default defineConfig({
  plugins: [
    i18nPrecompile(),
    bootShell(new URL('./src/platform/i18n/locales/', import.meta.url)),
    antdStaticStyle({
      srcDir: fileURLToPath(new URL('./src', import.meta.url)),
      themeFile: fileURLToPath(new URL('./src/platform/theme/antd-theme.json', import.meta.url)),
    }),
    vue(),
    deferredEntry(),
    pdfjsAssets(),
    precompress(),
  ],
  define: {
    // Drop what the app does not use: vue-i18n's legacy API and message compiler, devtools.
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __INTLIFY_DROP_MESSAGE_COMPILER__: true,
    __VUE_OPTIONS_API__: true, // ant-design-vue's trigger (dropdowns, tooltips) uses the Options API
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: 'dist',
    manifest: true,
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
