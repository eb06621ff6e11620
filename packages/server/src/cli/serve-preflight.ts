import { createServer } from 'node:net';
import type { Config } from '../config.js';
import { createDatabase } from '../platform/db/database.js';
import { checkReachable } from '../platform/db/database-check.js';
import { createPlatformTrust, platformHsm } from '../platform/trust/platform-trust.js';

/**
 * What `serve` checks before it changes anything (migrations, the first administrator and
 * its one-time password, a new keyring): the port is free and the database is usable. A
 * start that would fail on either fails first, with nothing written and no credential shown.
 * Returns the problem in plain words, or null.
 */
export async function serveProblem(config: Config, port: number): Promise<string | null> {
  return (
    (await portProblem(config.http.host, port)) ??
    (await databaseProblem(config)) ??
    (await platformKeysProblem(config))
  );
}

/**
 * With the issuing CA or the TSA in the HSM (KEYS_PKCS11_CA_KEY / _TSA_KEY): the token opens
 * with the PIN, each key is there with its certificate, and signs a canary. Checked before any
 * PKI file is written, so a wrong PIN or a missing key stops the start with nothing changed.
 */
export async function platformKeysProblem(config: Config): Promise<string | null> {
  const hsm = platformHsm(config);
  if (!hsm) return null;
  const trust = createPlatformTrust({ dataDir: config.dataDir, publicUrl: config.http.publicUrl, hsm });
  try {
    await trust.checkKeys();
    return null;
  } catch (error) {
    return `the platform keys in the HSM are not usable: ${error instanceof Error ? error.message : error}`;
  } finally {
    trust.close();
  }
}

async function portProblem(host: string, port: number): Promise<string | null> {
  if (port === 0) return null; // any free port: nothing to collide with
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', (error: NodeJS.ErrnoException) =>
      resolve(
        error.code === 'EADDRINUSE'
          ? `port ${port} on ${host} is already in use; stop what uses it or set PORT`
          : `cannot listen on ${host}:${port}: ${error.message}`,
      ),
    );
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(null)));
  });
}

async function databaseProblem(config: Config): Promise<string | null> {
  const { dialect, file, url } = config.database;
  const database = createDatabase({ dialect, file, url, poolMax: 1, guardTransactions: false });
  try {
    await checkReachable(database);
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return dialect === 'sqlite'
      ? `${file} is not a usable SQLite database (${reason}); restore it from a backup, or move it away to start with an empty database`
      : `cannot use the database: ${reason}`;
  } finally {
    await database.destroy().catch(() => undefined);
  }
}
