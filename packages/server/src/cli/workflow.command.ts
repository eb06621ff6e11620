import { modules } from '../modules/index.js';
import { installTemplates, shippedTemplates, workflowDeps } from '../modules/workflow/index.js';
import { inTransaction } from '../platform/db/transaction.js';
import { withAppContext } from './cli-context.js';
import { cliActor, parseOptions, table } from './cli-io.js';
import { commandHelp } from './command-help.js';
import type { CommandContext } from './commands.js';

/**
 * `signx workflow`: installs the shipped approval templates from a shell, for an operator
 * setting up an installation before anyone signs in. The same service as
 * `POST /workflow-templates/install`, audited with the OS user as actor.
 */
export async function run(args: string[], { config, io }: CommandContext): Promise<number> {
  if (!config) return 2;
  const { positional } = parseOptions(args);
  const [command, ...keys] = positional;
  if (command === 'templates') {
    io.stdout(
      table(
        ['key', 'name', 'description'],
        shippedTemplates.map((t) => [t.key, t.name, t.description]),
      ),
    );
    return 0;
  }
  if (command !== 'install') {
    io.stderr(commandHelp.workflow ?? '');
    return 2;
  }
  const unknown = keys.filter((key) => !shippedTemplates.some((t) => t.key === key));
  if (unknown.length > 0) {
    io.stderr(`unknown template: ${unknown.join(', ')} (see: signx workflow templates)`);
    return 2;
  }
  return withAppContext(
    config,
    io,
    async (ctx) => {
      const results = await inTransaction(ctx.db, (trx) =>
        installTemplates(trx, workflowDeps(ctx), cliActor(), keys.length > 0 ? keys : undefined),
      );
      io.stdout(
        table(
          ['key', 'outcome', 'definition'],
          results.map((r) => [r.key, r.outcome, r.id ?? '-']),
        ),
      );
      return 0;
    },
    modules,
  );
}
