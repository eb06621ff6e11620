/** Types of boot-shell-plugin.js (used by vite.config.ts and the boot shell test). */
export function bootShell(localesDir: URL): { name: string; transformIndexHtml(html: string): string };
