import { userInfo } from 'node:os';
import { type Actor, systemActor } from '../platform/actor.js';

/** How CLI commands talk to the terminal; tests pass their own to capture output. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Parses `--name value`, `--name=value` and `--flag` options; the rest are positional. */
export function parseOptions(args: string[], flags: readonly string[] = []) {
  const options: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (inline !== undefined) options[name] = inline;
    else if (flags.includes(name) || i + 1 >= args.length || (args[i + 1] as string).startsWith('--'))
      options[name] = true;
    else options[name] = args[++i] as string;
  }
  return { options, positional };
}

/** Who a CLI command acts as in the audit trail: the operating-system user at the shell. */
export function cliActor(): Actor {
  return { ...systemActor('cli'), name: `cli:${userInfo().username}`, authMethod: 'cli' };
}

/** Rows as aligned plain-text columns (the operator reads them in a terminal). */
export function table(header: string[], rows: (string | number)[][]): string {
  const all = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
