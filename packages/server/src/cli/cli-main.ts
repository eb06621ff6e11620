import { ConfigError, loadConfig } from '../config.js';
import type { CliIo } from './cli-io.js';
import { asksForHelp, commandHelp } from './command-help.js';
import { commands } from './commands.js';

/**
 * The `signx` command line: `signx <command> [options]`. Help (`signx --help`,
 * `signx help <command>`, `signx <command> --help`) never needs configuration. Otherwise
 * configuration comes from the environment and `.env`; a mistake exits 2 and lists them all.
 * Resolves to the exit status, or -1 for a server that keeps running.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name = 'help', ...args] = argv;
  if (name === 'help' || name === '--help' || name === '-h')
    return showHelp(asksForHelp(args) ? 'help' : args[0], io);
  const command = commands[name];
  if (!command) {
    io.stderr(`Unknown command "${name}".`);
    io.stdout(usage());
    return 2;
  }
  if (asksForHelp(args)) return showHelp(name, io);
  try {
    const config = command.needsConfig === false ? undefined : loadConfig();
    return await command.run(args, { config, io });
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(error.message);
      return 2;
    }
    throw error;
  }
}

function showHelp(name: string | undefined, io: CliIo): number {
  if (name === undefined) {
    io.stdout(usage());
    return 0;
  }
  const help = commandHelp[name];
  if (!help) {
    io.stderr(`Unknown command "${name}".`);
    io.stdout(usage());
    return 2;
  }
  io.stdout(help);
  return 0;
}

export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return [
    'Usage: signx <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'signx <command> --help shows the options of one command.',
  ].join('\n');
}
