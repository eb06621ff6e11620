import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import { isAppError } from '../errors.js';
import { defineJob, PermanentJobError } from '../jobs/index.js';
import { beginSend, recordFailed, recordSent } from './mail-send-record.js';
import { createMailer, MailDeliveryError, type Mailer, type MailMessage } from './mailer.js';

const mailers = new WeakMap<Config['mail'], Mailer>();

/**
 * One pooled mailer per configuration (per process), shared by the notification center's
 * email channel and the legacy mail job.
 */
export function mailerFor(config: Config): Mailer {
  let mailer = mailers.get(config.mail);
  if (!mailer) {
    const { host, port, user, password, useTls, from } = config.mail;
    mailer = createMailer({
      host: host ?? 'localhost',
      port,
      secure: useTls && port === 465,
      startTls: useTls ? 'required' : 'off',
      ...(user ? { user } : {}),
      ...(password ? { password } : {}),
      from,
      poolSize: config.mail.poolSize,
    });
    mailers.set(config.mail, mailer);
  }
  return mailer;
}

/** Closes the pooled SMTP connections of this configuration (app shutdown). */
export function closeMailer(config: Config): void {
  mailers.get(config.mail)?.close();
  mailers.delete(config.mail);
}

const payload = Type.Object(
  {
    to: Type.String({ minLength: 3, maxLength: 320, description: 'One plain recipient address' }),
    subject: Type.String({ minLength: 1, maxLength: 500, description: 'Subject line' }),
    text: Type.String({ maxLength: 1_000_000, description: 'Plain-text body' }),
    html: Type.Optional(Type.String({ maxLength: 2_000_000, description: 'HTML body' })),
  },
  { additionalProperties: false },
);

/**
 * Sends one mail message. Modules enqueue it in the transaction that decided to send, so
 * a rolled-back change sends nothing. Transient SMTP failures (4xx, unreachable server)
 * retry with backoff; permanent ones (5xx, invalid address) go straight to the dead
 * letters with the reason. Without MAIL_SERVER the message is written as an .eml file to
 * DATA_DIR/mail-outbox/, so an administrator of an embedded install can still read it.
 */
export const sendMailJob = defineJob({
  name: 'mail.send',
  payload,
  queue: 'mail',
  concurrency: 4,
  timeoutMs: 120_000,
  retry: { attempts: 8, backoff: 'exponential', delayMs: 30_000, maxDelayMs: 3_600_000, jitter: true },
  async handler(message, run) {
    const { db, clock } = run.ctx;
    const decision = await beginSend(db, {
      jobId: run.jobId,
      attempt: run.attempt,
      now: clock.now(),
      staleAfterMs: sendMailJob.timeoutMs,
    });
    if (decision === 'already-sent') {
      run.logger.info('mail already sent by an earlier run of this job; not sending again');
      return;
    }
    // Another run of this job is still within its timeout: retry later and find out what it did.
    if (decision === 'busy') throw new Error('an earlier run of this job is still sending this message');
    let result: Awaited<ReturnType<typeof deliverMail>>;
    try {
      // One Message-ID per job, so a message that does go out twice shows as one in a mail client.
      result = await deliverMail(
        run.ctx.config,
        { ...message, messageId: `<${run.jobId}@mail-send.signx>` },
        run.jobId,
      );
    } catch (error) {
      await recordFailed(db, { jobId: run.jobId, attempt: run.attempt, now: clock.now() });
      if (isAppError(error) && error.code === 'VALIDATION') {
        throw new PermanentJobError(
          `${error.message}: ${error.fieldErrors.map((f) => `${f.field} ${f.message}`).join('; ')}`,
        );
      }
      throw error;
    }
    await recordSent(db, {
      jobId: run.jobId,
      attempt: run.attempt,
      now: clock.now(),
      messageId: result.messageId,
    });
    run.logger.info({ messageId: result.messageId }, 'mail sent');
  },
});

/**
 * Sends one message through the pooled SMTP mailer, or writes it to DATA_DIR/mail-outbox/
 * as `<fileId>.eml` when MAIL_SERVER is not set. The one way mail leaves SignX: the
 * notification center's email channel calls it, and so does the legacy mail job.
 */
export async function deliverMail(
  config: Config,
  message: MailMessage,
  fileId: string,
): Promise<{ messageId: string; accepted: string[]; outboxFile?: string }> {
  if (!config.mail.host) return writeToOutbox(config, message, fileId);
  const result = await mailerFor(config).send(message);
  if (result.accepted.length === 0 && result.deferred.length > 0) {
    throw new MailDeliveryError('Every recipient was deferred', { isTransient: true });
  }
  if (result.accepted.length === 0)
    throw new PermanentJobError(`Every recipient was refused: ${result.rejected.join(', ')}`);
  return { messageId: result.messageId, accepted: result.accepted };
}

async function writeToOutbox(config: Config, message: MailMessage, fileId: string) {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await transport.sendMail({ ...message, from: config.mail.from });
  const dir = join(config.dataDir, 'mail-outbox');
  // Messages carry password-reset links and one-time codes: readable by the service account only.
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const file = join(dir, `${fileId.replace(/[^\w.-]/g, '_')}.eml`);
  await writeFile(file, info.message as Buffer, { mode: 0o600 });
  const to = Array.isArray(message.to) ? message.to : [message.to];
  return { messageId: info.messageId, accepted: to, outboxFile: file };
}
