import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { antdStaticStyle } from '../scripts/antd-static-style-plugin.js';

const plugin = antdStaticStyle({
  srcDir: fileURLToPath(new URL('../src', import.meta.url)),
  themeFile: fileURLToPath(new URL('../src/platform/theme/antd-theme.json', import.meta.url)),
});

describe("Ant Design's styles written at build time", () => {
  it('writes one CSS file per theme with the cache map the browser looks up, and names them in index.html', async () => {
    const emitted: { fileName: string; source: string }[] = [];
    await plugin.buildStart.call({
      emitFile: (file: { fileName: string; source: string }) => emitted.push(file),
    });
    expect(emitted.map((f) => f.fileName)).toEqual([
      expect.stringMatching(/^assets\/antd-light-[0-9a-f]{10}\.css$/),
      expect.stringMatching(/^assets\/antd-dark-[0-9a-f]{10}\.css$/),
    ]);
    const [light, dark] = emitted.map((f) => f.source);
    for (const css of [light, dark]) {
      const map = /\.data-ant-cssinjs-cache-path\{content:"([^"]+)";\}$/.exec(css ?? '')?.[1] ?? '';
      // Components the admin screen renders first, each under its path in the map.
      for (const path of [
        '|Button|ant-btn|',
        '|Table|ant-table|',
        '|Layout|ant-layout|',
        '|Select|ant-select|',
      ])
        expect(map).toContain(path);
      expect(css).toContain('.ant-btn');
    }
    // The two themes hash differently, so neither file can style the other theme's elements.
    const hashes = [light, dark].map((css) => new Set(css?.match(/:where\(\.css-[a-z0-9-]+\)/g)));
    expect([...(hashes[0] ?? [])]).toHaveLength(1);
    expect([...(hashes[1] ?? [])]).toHaveLength(1);
    expect([...(hashes[0] ?? [])][0]).not.toBe([...(hashes[1] ?? [])][0]);
    expect(light?.includes('background-color:#1554ad')).toBe(true);

    const html = plugin.transformIndexHtml('<head><script src="/boot.js"></script></head>');
    expect(html).toContain(`<meta name="signx-antd-styles-light" content="/${emitted[0]?.fileName}" />`);
    expect(html).toContain(`<meta name="signx-antd-styles-dark" content="/${emitted[1]?.fileName}" />`);
    expect(html.indexOf('signx-antd-styles')).toBeLessThan(html.indexOf('/boot.js'));
  }, 60_000);
});
