import { createAdministrator } from '../modules/identity/first-admin.js';
import { identityDeps } from '../modules/identity/identity.deps.js';
import { migrateToLatest } from '../platform/db/migrator.js';
import { withAppContext } from './cli-context.js';
import { parseOptions } from './cli-io.js';
import type { CommandContext } from './commands.js';

const usage = 'usage: signx admin create --username NAME [--full-name "Full Name"] [--email ADDRESS]';

/**
 * `signx admin create`: another super administrator from the command line (e.g. when the
 * only one is locked out). The generated password is printed once, as `password: <value>`,
 * never logged, and must be changed at the first sign-in.
 */
export async function run(args: string[], { config, io }: CommandContext): Promise<number> {
  if (!config) return 2;
  const { options, positional } = parseOptions(args);
  const username = typeof options.username === 'string' ? options.username : undefined;
  if (positional[0] !== 'create' || !username || !/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/.test(username)) {
    io.stderr(usage);
    return 2;
  }
  return withAppContext(config, io, async (ctx) => {
    await migrateToLatest(ctx.db);
    const { password } = await createAdministrator(identityDeps(ctx), {
      username,
      fullName: typeof options['full-name'] === 'string' ? options['full-name'] : username,
      email: typeof options.email === 'string' ? options.email : null,
      actor: 'cli',
    });
    io.stdout(`Created super administrator "${username.toLowerCase()}".`);
    io.stdout(`password: ${password}`);
    io.stdout('This password is shown once and must be changed at the first sign-in.');
    return 0;
  });
}
