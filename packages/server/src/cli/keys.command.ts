import { modules } from '../modules/index.js';
import { keys, keysPermissionCodes } from '../modules/keys/index.js';
import { isTokenKeyAlgorithm, TOKEN_KEY_ALGORITHMS } from '../platform/hsm/key-encoding.js';
import type { HsmRole } from '../platform/trust/hsm-pki.js';
import { withAppContext } from './cli-context.js';
import { cliActor, parseOptions, table } from './cli-io.js';
import { commandHelp } from './command-help.js';
import type { CommandContext } from './commands.js';
import { platformKeysProblem } from './serve-preflight.js';

const ROLES: Record<string, HsmRole> = { ca: 'issuing', tsa: 'tsa' };

/**
 * `signx keys hsm generate|rotate ca|tsa [--algorithm A]` and `signx keys hsm check`: the platform issuing CA
 * and TSA keys in the PKCS#11 token (KEYS_PKCS11_CA_KEY, KEYS_PKCS11_TSA_KEY), generated
 * inside it and certified, audited with the OS user as actor; `check` is the startup self-check.
 */
export async function run(args: string[], { config, io }: CommandContext): Promise<number> {
  if (!config) return 2;
  const { positional, options } = parseOptions(args);
  const [group, action, which] = positional;
  if (group === 'hsm' && action === 'check' && !which) {
    const problem = await platformKeysProblem(config);
    io.stdout(problem ?? 'the platform keys in the HSM are usable (or none is configured)');
    return problem ? 1 : 0;
  }
  const role = which ? ROLES[which] : undefined;
  if (group !== 'hsm' || (action !== 'generate' && action !== 'rotate') || !role) {
    io.stderr(commandHelp.keys ?? '');
    return 2;
  }
  const algorithm = typeof options.algorithm === 'string' ? options.algorithm : undefined;
  if (options.algorithm !== undefined && !(algorithm && isTokenKeyAlgorithm(algorithm))) {
    io.stderr(`unsupported --algorithm ${String(options.algorithm)}: use ${TOKEN_KEY_ALGORITHMS.join(', ')}`);
    return 2;
  }
  return withAppContext(
    config,
    io,
    async (ctx) => {
      try {
        // the operator at the shell holds the data directory and the token PIN: they manage the platform keys
        const actor = {
          ...cliActor(),
          permissions: new Set([keysPermissionCodes['keys.certificate.manage']]),
        };
        const done = await keys.provisionPlatformKey(ctx, actor, role, action, algorithm);
        io.stdout(
          table(
            ['role', 'label', 'serial', 'replaced'],
            [[which ?? '', done.label, done.serial, done.replaced ?? '-']],
          ),
        );
        return 0;
      } finally {
        ctx.trust.close();
      }
    },
    modules,
  );
}
