import type { Config } from '../config.js';
import type { CliIo } from './cli-io.js';

export interface CommandContext {
  config: Config | undefined;
  io: CliIo;
}

/** A CLI command. `run` resolves to the exit status, or -1 for a server that keeps running. */
export interface CliCommand {
  summary: string;
  needsConfig?: boolean;
  run(args: string[], context: CommandContext): Promise<number>;
}

const lazy =
  (load: () => Promise<{ run: CliCommand['run'] }>): CliCommand['run'] =>
  async (args, context) =>
    (await load()).run(args, context);

/** Commands load their code only when called, so `signx doctor` never pays for the server. */
export const commands: Record<string, CliCommand> = {
  help: {
    summary: 'show this help, or the help of one command: help <command>',
    needsConfig: false,
    run: async () => 0,
  },
  serve: {
    summary: 'start the platform: serve [--port N] [--workers N]',
    run: lazy(() => import('./serve.command.js')),
  },
  migrate: { summary: 'apply pending database migrations', run: lazy(() => import('./migrate.command.js')) },
  admin: {
    summary: 'create another super administrator: admin create --username NAME [--email ADDRESS]',
    run: lazy(() => import('./admin.command.js')),
  },
  doctor: {
    summary: 'check configuration, database, storage and optional tools',
    run: lazy(() => import('./doctor.command.js')),
  },
  pdf: {
    summary: 'sign or verify a PDF: pdf sign <in.pdf> -o <out.pdf> [...] | pdf verify <file.pdf> [--json]',
    run: lazy(() => import('./pdf-entry.command.js')),
  },
  audit: {
    summary: 'audit log: audit verify | audit verify-bundle <file> | audit checkpoint | audit archive',
    needsConfig: false,
    run: lazy(() => import('./audit.command.js')),
  },
  jobs: {
    summary:
      'background jobs: jobs queues | list | show <id> | retry <id> | cancel <id> | pause|resume <queue> | schedules',
    run: lazy(() => import('./jobs.command.js')),
  },
  keys: {
    summary: 'platform keys in the HSM: keys hsm generate|rotate ca|tsa | keys hsm check',
    run: lazy(() => import('./keys.command.js')),
  },
  workflow: {
    summary: 'approval templates: workflow templates | workflow install [key ...]',
    run: lazy(() => import('./workflow.command.js')),
  },
  compliance: {
    summary: 'validation pack: compliance report [--out DIR] | compliance verify <report.json>',
    run: lazy(() => import('./compliance-entry.command.js')),
  },
  config: {
    summary: 'print the configuration reference table (markdown)',
    needsConfig: false,
    run: lazy(() => import('./config.command.js')),
  },
};
