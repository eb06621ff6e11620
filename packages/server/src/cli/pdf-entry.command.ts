import { createOutboundClient } from '../platform/http/outbound-client.js';
import type { CommandContext } from './commands.js';
import { runPdfCommand } from './pdf.command.js';

/**
 * `signx pdf …` as the CLI registry calls it: the PKI of a key-less signature lives in DATA_DIR;
 * revocation data of other parties' certificates is fetched through the SSRF-safe client.
 */
export async function run(args: string[], { config, io }: CommandContext): Promise<number> {
  if (!config) return 2;
  const outbound = createOutboundClient({
    allowList: [...config.outbound.allowList],
    timeoutMs: config.outbound.timeoutMs,
  });
  try {
    return await runPdfCommand(args, {
      dataDir: config.dataDir,
      stdout: io.stdout,
      stderr: io.stderr,
      fetch: outbound.fetch,
    });
  } finally {
    await outbound.close();
  }
}
