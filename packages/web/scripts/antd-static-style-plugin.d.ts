/** Types of antd-static-style-plugin.js (used by vite.config.ts and its test). */
export function antdStaticStyle(options: { srcDir: string; themeFile: string }): {
  name: string;
  apply: 'build';
  configResolved(config: { mode: string }): void;
  buildStart(this: {
    emitFile(file: { type: 'asset'; fileName: string; source: string }): unknown;
  }): Promise<void>;
  transformIndexHtml(html: string): string;
};
