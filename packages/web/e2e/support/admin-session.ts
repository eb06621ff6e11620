import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { type E2eServer, startE2eServer, withoutMfaByDefault } from './e2e-server';
import { apiCall, apiToken } from './flows';

/** The admin's password once the suite has made the forced first change. */
export const adminPassword = 'Quiet-Lantern-73!';

/**
 * What a page suite needs before its first test: a fresh server (MFA off by default unless
 * `env` says otherwise), a browser, and the admin past the forced first password change, with
 * an API token for set-up calls.
 */
export async function startWithAdmin(
  env: Record<string, string> = withoutMfaByDefault,
  options: { runJobs?: boolean } = {},
): Promise<{ server: E2eServer; browser: Browser; token: string }> {
  const [server, browser] = await Promise.all([startE2eServer(env, options), launchBrowser()]);
  const first = await apiToken(server.url, 'admin', server.adminPassword);
  await apiCall(server.url, first, 'POST', '/auth/password/change', {
    current_password: server.adminPassword,
    new_password: adminPassword,
  });
  return { server, browser, token: await apiToken(server.url, 'admin', adminPassword) };
}
