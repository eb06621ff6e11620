import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildApp } from '../../../server/src/app.js';
import { loadConfig } from '../../../server/src/config.js';
import { modules } from '../../../server/src/modules/index.js';
import { prepareInstallation } from '../../../server/src/platform/boot.js';
import { type SmtpSink, startSmtpSink } from '../../../server/test/smtp-sink.js';
import { e2eModule, failingJob } from './e2e-module.js';

export interface E2eServer {
  url: string;
  adminPassword: string;
  mail: SmtpSink;
  close(): Promise<void>;
}

/**
 * A real SignX server for one test file: fresh SQLite database, the built web app, jobs
 * running (so mail is really sent) to a loopback SMTP server that keeps what it receives.
 */
export async function startE2eServer(
  env: Record<string, string> = {},
  options: { runJobs?: boolean } = {},
): Promise<E2eServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'signx-e2e-'));
  const mail = await startSmtpSink();
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    PASSWORD_HASH_COST: 'test',
    RATE_LIMIT_MAX: '100000',
    MAIL_SERVER: mail.host,
    MAIL_PORT: String(mail.port),
    MAIL_USE_TLS: 'false',
    ...env,
  });
  const all = [...modules, e2eModule];
  const app = await buildApp(config, { webRoot: inject('webRoot'), modules: all });
  let adminPassword = '';
  await prepareInstallation(
    app.signx,
    (line) => {
      if (line.startsWith('password: ')) adminPassword = line.slice('password: '.length);
    },
    all,
  );
  await app.listen({ host: '127.0.0.1', port });
  // Without workers, queued work stays queued: a page can act on it (cancel a batch) deterministically.
  if (options.runJobs !== false) await app.signx.jobs.start();
  await app.signx.jobs.enqueue(app.signx.db, failingJob, {});
  return {
    url,
    adminPassword,
    mail,
    close: async () => {
      await app.close();
      await mail.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * These suites test the pages, not the sign-in: they open a fresh browser context and sign
 * in a dozen times, and an authenticator code is accepted once per 30-second step, so MFA
 * would make them wait minutes. They therefore start the server with the product's own
 * setting for installations that run the seeded roles without MFA (MFA_REQUIRED_DEFAULT=false,
 * docs/identity.md). Sign-in with the default (MFA required, enrolment, TOTP and recovery
 * codes) is covered by sign-in.e2e.test.ts.
 */
export const withoutMfaByDefault = { MFA_REQUIRED_DEFAULT: 'false' };
