import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Ant Design Vue writes its styles at run time (CSS-in-JS): the first render of each
 * component builds and hashes its style objects, which is most of the cost of the first
 * admin screen. This build step renders, on the server side, every Ant Design component the
 * app imports, once per theme of src/platform/theme/antd-theme.json, and writes the styles
 * that produces to a CSS file per theme, ending with Ant Design's own cache map
 * (`.data-ant-cssinjs-cache-path`): styles found in that map are taken from the file and not
 * generated again. Anything the file lacks (a component in a state not rendered here, a
 * theme not listed) is generated at run time as before, so a gap costs speed, not looks.
 *
 * index.html gets the files' addresses in meta tags; public/boot.js links the one of the
 * visitor's theme, for signed-in visits only, so the sign-in page of a new visitor loads
 * nothing more.
 */
export function antdStaticStyle({ srcDir, themeFile }) {
  const files = {};
  // What the app bundle gets for process.env.NODE_ENV (Vite's rule): Ant Design's class
  // hash prefix depends on it, so the file must be written under the same value.
  let nodeEnv = process.env.NODE_ENV || 'production';
  return {
    name: 'signx-antd-static-style',
    apply: 'build',
    configResolved(config) {
      nodeEnv = process.env.NODE_ENV || config.mode;
    },
    async buildStart() {
      const theme = JSON.parse(readFileSync(themeFile, 'utf8'));
      const components = usedComponents(srcDir);
      for (const mode of ['light', 'dark']) {
        const css = await renderStyles(components, mode, theme, nodeEnv);
        files[mode] =
          `assets/antd-${mode}-${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`;
        this.emitFile({ type: 'asset', fileName: files[mode], source: css });
      }
    },
    transformIndexHtml(html) {
      const metas = Object.entries(files)
        .map(([mode, file]) => `<meta name="signx-antd-styles-${mode}" content="/${file}" />\n    `)
        .join('');
      return html.replace('<script src="/boot.js"></script>', `${metas}<script src="/boot.js"></script>`);
    },
  };
}

/** The names the app imports from 'ant-design-vue' (components and functions alike). */
function usedComponents(srcDir) {
  const names = new Set();
  for (const file of walk(srcDir)) {
    if (!/\.(vue|ts)$/.test(file)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(
      /import\s*\{([^}]*)\}\s*from\s*'ant-design-vue'/g,
    ))
      for (const name of match[1].split(',')) {
        const clean = name.replace(/^\s*type\s+/, '').trim();
        if (clean) names.add(clean.split(/\s+as\s+/)[0]);
      }
  }
  return [...names].sort();
}

async function renderStyles(names, mode, theme, nodeEnv) {
  const outer = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  try {
    return await renderWith(names, mode, theme);
  } finally {
    if (outer === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = outer;
  }
}

async function renderWith(names, mode, theme) {
  const { createSSRApp, h } = require('vue');
  const { renderToString } = require('vue/server-renderer');
  const antd = require('ant-design-vue');
  const { StyleProvider, createCache, extractStyle } = require('ant-design-vue/lib/_util/cssinjs');
  const cache = createCache();
  // The same object App.vue gives ConfigProvider (key order included: it feeds the hash).
  const config = {
    algorithm: mode === 'dark' ? antd.theme.darkAlgorithm : antd.theme.defaultAlgorithm,
    token: { ...theme[mode], ...theme.shared },
  };
  for (const component of names.map((name) => antd[name]).filter(isComponent)) {
    const app = createSSRApp({
      render: () =>
        h(StyleProvider, { cache }, () => h(antd.ConfigProvider, { theme: config }, () => h(component))),
    });
    app.config.warnHandler = () => undefined;
    // A component that cannot render without its parent or props only loses its head start.
    await renderToString(app).catch(() => undefined);
  }
  return extractStyle(cache, true);
}

function isComponent(value) {
  return Boolean(value && typeof value === 'object' && (value.setup || value.render));
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
