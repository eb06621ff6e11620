import type { Trx } from '../../../platform/db/schema.js';
import { sendMailJob } from '../../../platform/mail/mail.jobs.js';
import type { IdentityRuntime } from './identity-runtime.js';

/**
 * Identity's mail goes through the job runtime in the caller's transaction: the message
 * exists exactly when the reset token or code it carries does, and SMTP is never called
 * inside a request's transaction.
 */
export async function enqueueMail(
  trx: Trx,
  runtime: IdentityRuntime,
  message: { to: string; subject: string; text: string },
): Promise<void> {
  await runtime.ctx.jobs.enqueue(trx, sendMailJob, message);
}

/** A link into the web app built from PUBLIC_URL (never from the request's Host header). */
export function publicLink(runtime: IdentityRuntime, path: string, token: string): string {
  const base = runtime.ctx.config.http.publicUrl.replace(/\/+$/, '');
  return `${base}${path}#token=${encodeURIComponent(token)}`;
}
