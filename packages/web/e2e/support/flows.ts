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

/** A TOTP code for `secret`, `offsetSteps` 30-second steps from now (the server allows ±1). */
export function totp(secret: string, offsetSteps = 0): string {
  return authenticator.clone({ epoch: Date.now() + offsetSteps * 30_000 }).generate(secret);
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

export async function apiToken(base: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const json = (await response.json()) as { data: { tokens?: { access_token: string } } };
  if (!json.data.tokens) throw new Error(`no token for ${username}`);
  return json.data.tokens.access_token;
}
