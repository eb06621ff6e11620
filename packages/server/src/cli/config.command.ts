import { settings } from '../platform/config/config-settings.js';
import type { CommandContext } from './commands.js';

/** Prints every setting as a markdown table; the README's configuration section is this output. */
export async function run(_args: string[], { io }: CommandContext): Promise<number> {
  io.stdout(configTable());
  return 0;
}

export function configTable(): string {
  const rows = Object.entries(settings).map(([name, s]) => {
    const def = 'default' in s ? formatDefault(s.default) : '';
    return `| \`${name}\` | ${def} | ${s.description} |`;
  });
  return ['| variable | default | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

function formatDefault(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '(empty)' : `\`${value.join(',')}\``;
  if (value === '') return '(empty)';
  return `\`${String(value)}\``;
}
