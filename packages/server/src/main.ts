#!/usr/bin/env node
import { processIo } from './cli/cli-io.js';
import { runCli } from './cli/cli-main.js';

runCli(process.argv.slice(2), processIo).then(
  (code) => {
    // A server keeps running (-1); any other command ends here even if a library left a handle open.
    if (code !== -1) process.exit(code);
  },
  (error: unknown) => {
    processIo.stderr(`signx: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
