import { authenticator } from 'otplib';
import type { Page } from 'playwright-core';
import type { SmtpSink } from '../../../server/test/smtp-sink.js';

/** Signs in through the sign-in page (password step only). */
export async function signIn(
  page: Page,
  base: string,
  username: string,
  password: string,
  path = '/',
): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('sign-in').click();
}

/**
 * Clicks `button` in the open confirmation popover. Scoped to the visible popover, because a
 * page-wide "last button named X" finds the row's own button when the popover has not
 * rendered yet on a loaded machine (the click then closes it again).
 */
export async function confirmPopover(page: Page, button: string): Promise<void> {
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: button }).click();
}

/** A TOTP code for `secret`, `offsetSteps` 30-second steps from now (the server allows ±1). */
function totp(secret: string, offsetSteps = 0): string {
  return authenticator.clone({ epoch: Date.now() + offsetSteps * 30_000 }).generate(secret);
}

const stepMs = 30_000;
// The server accepts each TOTP time step once per user (replay protection), so a suite that
// proves the same authenticator several times must never offer a step it already used.
const usedSteps = new Map<string, number>();

/**
 * A TOTP code for `secret` from a step not offered before: the current step, else the next
 * one (the server accepts ±1), else it waits for a new step.
 */
export async function freshTotp(secret: string): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / stepMs);
    const step = Math.max(now, (usedSteps.get(secret) ?? now - 1) + 1);
    if (step <= now + 1) {
      usedSteps.set(secret, step);
      return totp(secret, step - now);
    }
    await new Promise((resolve) => setTimeout(resolve, (now + 1) * stepMs - Date.now() + 50));
  }
}

/** Waits (bounded) for the next mail to `to` after `after` messages and returns it. */
export async function mailTo(mail: SmtpSink, to: string, after = 0) {
  for (let i = 0; i < 100; i += 1) {
    const found = mail.messages.slice(after).find((m) => m.envelope.to.includes(to));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail to ${to} arrived`);
}

/** The first link in a mail's text. */
export function linkIn(text: string): string {
  const match = /(https?:\/\/\S+)/.exec(text);
  if (!match?.[1]) throw new Error(`no link in mail: ${text}`);
  return match[1];
}

/** Calls the API with a bearer token (test set-up that is not itself under test). */
export async function apiCall<T = unknown>(
  base: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as { data: T; message?: string };
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${json.message}`);
  return json.data;
}

/**
 * An access token through the API's sign-in; a user whose role requires MFA proves the
 * authenticator bound to `totpSecret` in the second step, as the sign-in page does.
 */
export async function apiToken(
  base: string,
  username: string,
  password: string,
  totpSecret?: string,
): Promise<string> {
  const login = await postJson<{
    status: string;
    tokens?: { access_token: string };
    challenge_token?: string;
    methods?: string[];
  }>(base, '/auth/login', { username, password });
  if (login.tokens) return login.tokens.access_token;
  if (login.status !== 'mfa_required' || !login.challenge_token || !login.methods?.includes('totp'))
    throw new Error(`no token for ${username}: sign-in answered ${login.status}`);
  if (!totpSecret) throw new Error(`${username} must prove a second factor: pass the TOTP secret`);
  const tokens = await postJson<{ access_token: string }>(base, '/auth/mfa/verify', {
    challenge_token: login.challenge_token,
    method: 'totp',
    code: await freshTotp(totpSecret),
  });
  return tokens.access_token;
}

async function postJson<T>(base: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${base}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { data: T; message?: string };
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${json.message}`);
  return json.data;
}
