import type { CommandContext } from './commands.js';
import { runPdfCommand } from './pdf.command.js';

/** `signx pdf …` as the CLI registry calls it: the PKI of a key-less signature lives in DATA_DIR. */
export async function run(args: string[], { config, io }: CommandContext): Promise<number> {
  if (!config) return 2;
  return runPdfCommand(args, { dataDir: config.dataDir, stdout: io.stdout, stderr: io.stderr });
}
