import type { CommandContext } from './commands.js';
import { runComplianceCommand } from './compliance/compliance.command.js';

/** `signx compliance …` as the CLI registry calls it: the platform PKI of DATA_DIR signs the report. */
export async function run(args: string[], { config, io }: CommandContext): Promise<number> {
  if (!config) return 2;
  return runComplianceCommand(args, {
    dataDir: config.dataDir,
    publicUrl: config.http.publicUrl,
    stdout: io.stdout,
    stderr: io.stderr,
  });
}
