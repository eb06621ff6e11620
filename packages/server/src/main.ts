#!/usr/bin/env node
import { processIo } from './cli/cli-io.js';
import { commands } from './cli/commands.js';
import { ConfigError, loadConfig } from './config.js';

/**
 * The `signx` command line: `signx <command> [options]`. Configuration comes from the
 * environment and `.env`; a configuration mistake exits with status 2 and lists them all.
 */
async function main(argv: string[]): Promise<number> {
  const [name = 'help', ...args] = argv;
  const command = commands[name];
  if (!command) {
    processIo.stderr(`Unknown command "${name}".`);
    processIo.stdout(usage());
    return 2;
  }
  if (name === 'help') {
    processIo.stdout(usage());
    return 0;
  }
  try {
    const config = command.needsConfig === false ? undefined : loadConfig();
    return await command.run(args, { config, io: processIo });
  } catch (error) {
    if (error instanceof ConfigError) {
      processIo.stderr(error.message);
      return 2;
    }
    throw error;
  }
}

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['Usage: signx <command> [options]', '', 'Commands:', ...lines].join('\n');
}

main(process.argv.slice(2)).then(
  (code) => {
    // A server keeps running (-1); any other command ends here even if a library left a handle open.
    if (code !== -1) process.exit(code);
  },
  (error: unknown) => {
    processIo.stderr(`signx: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
