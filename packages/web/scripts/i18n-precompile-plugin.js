import { readFileSync } from 'node:fs';
import { baseCompile } from '@intlify/message-compiler';

/**
 * Compiles the locale files (src/platform/i18n/locales/*.json and each module's
 * locales/*.json) to vue-i18n message ASTs at build time, so the browser needs no message compiler (vue-i18n is built with
 * __INTLIFY_DROP_MESSAGE_COMPILER__) and nothing is compiled, let alone eval'd, at run time.
 */
export function i18nPrecompile() {
  return {
    name: 'signx-i18n-precompile',
    enforce: 'pre',
    load(id) {
      if (!/\/src\/(platform\/i18n|modules\/[^/]+)\/locales\/[^/]+\.json$/.test(id)) return null;
      const messages = JSON.parse(readFileSync(id, 'utf8'));
      return JSON.stringify(compileTree(messages, id));
    },
  };
}

function compileTree(node, file, path = '') {
  if (typeof node === 'string') {
    const { ast } = baseCompile(node, {
      jit: true,
      location: false,
      minify: true,
      onError: (error) => {
        throw new Error(`${file}: message "${path}" does not compile: ${error.message}`);
      },
    });
    return ast;
  }
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, compileTree(value, file, `${path}.${key}`)]),
  );
}
