import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../../test/smtp-sink.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { sendMailJob } from './mail.jobs.js';

let t: TestApp;
let sink: SmtpSink | undefined;

afterEach(async () => {
  await t.close();
  await sink?.close();
  sink = undefined;
});

async function appWithSink() {
  sink = await startSmtpSink();
  t = await createTestApp({
    env: {
      MAIL_SERVER: sink.host,
      MAIL_PORT: String(sink.port),
      MAIL_USE_TLS: 'false',
      MAIL_FROM: 'SignX <noreply@signx.test>',
    },
    build: { modules: [] },
  });
  return sink;
}

const job = (id: string) =>
  t.database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const message = { to: 'alice@example.test', subject: 'Reset your password', text: 'Open the link to reset.' };

describe('mail.send job', () => {
  it('delivers through SMTP once the job runs', async () => {
    const server = await appWithSink();
    const { id } = await t.app.signx.jobs.enqueue(t.app.signx.db, sendMailJob, message);
    expect(server.messages).toHaveLength(0);
    await t.app.signx.jobs.drain();
    expect(server.messages.map((m) => [m.envelope.to, m.subject, m.text.trim()])).toEqual([
      [['alice@example.test'], 'Reset your password', 'Open the link to reset.'],
    ]);
    expect(await job(id)).toMatchObject({ state: 'succeeded', attempts: 1 });
  });

  it('dead-letters a permanently refused recipient at once, and retries a deferred one later', async () => {
    const server = await appWithSink();
    server.rejectRecipient('gone@example.test', 550);
    server.rejectRecipient('busy@example.test', 451);
    const gone = await t.app.signx.jobs.enqueue(t.app.signx.db, sendMailJob, {
      ...message,
      to: 'gone@example.test',
    });
    const busy = await t.app.signx.jobs.enqueue(t.app.signx.db, sendMailJob, {
      ...message,
      to: 'busy@example.test',
    });
    await t.app.signx.jobs.drain();
    const dead = await job(gone.id);
    expect(dead).toMatchObject({ state: 'dead', attempts: 1 });
    expect(dead.last_error).toContain('MailDeliveryError');
    const waiting = await job(busy.id);
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1 });
    expect(Date.parse(waiting.run_at) - Date.parse(waiting.updated_at)).toBeGreaterThanOrEqual(15_000);
    expect(server.messages).toHaveLength(0);
  });

  it('refuses a payload that is not a mail message, enqueueing nothing', async () => {
    await appWithSink();
    await expect(
      t.app.signx.jobs.enqueue(t.app.signx.db, sendMailJob, { to: 'a@b.c' } as typeof message),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await t.database.db.selectFrom('jobs').selectAll().execute()).toEqual([]);
  });

  it('writes an .eml file to DATA_DIR/mail-outbox when MAIL_SERVER is not configured', async () => {
    t = await createTestApp({ build: { modules: [] } });
    const { id } = await t.app.signx.jobs.enqueue(t.app.signx.db, sendMailJob, message);
    await t.app.signx.jobs.drain();
    const eml = readFileSync(join(t.dataDir, 'mail-outbox', `${id}.eml`), 'utf8');
    expect(eml).toContain('Subject: Reset your password');
    expect(eml).toContain('To: alice@example.test');
    expect(eml).toContain('Open the link to reset.');
    expect(await job(id)).toMatchObject({ state: 'succeeded' });
    // Reset links and codes inside: only the service account may read them.
    expect(statSync(join(t.dataDir, 'mail-outbox', `${id}.eml`)).mode & 0o777).toBe(0o600);
    expect(statSync(join(t.dataDir, 'mail-outbox')).mode & 0o777).toBe(0o700);
  });

  it('a job run again (lease expired, queue flushed) finds its send record and sends no second mail', async () => {
    const server = await appWithSink();
    const run = (attempt: number) =>
      sendMailJob.handler(message, {
        jobId: '01900000-0000-7000-8000-00000000abcd',
        attempt,
        signal: new AbortController().signal,
        ctx: t.app.signx,
        logger: t.app.signx.logger,
      });
    await run(1);
    await run(2);
    await run(1); // the same run delivered twice by the queue
    expect(server.messages).toHaveLength(1);
    expect(server.messages[0]?.headers.get('message-id')).toBe(
      '<01900000-0000-7000-8000-00000000abcd@mail-send.signx>',
    );
  });

  it('while an earlier run is still sending, a second run waits (retry) instead of sending; a failed attempt is retried', async () => {
    const server = await appWithSink();
    const jobId = '01900000-0000-7000-8000-00000000beef';
    const runContext = (attempt: number) => ({
      jobId,
      attempt,
      signal: new AbortController().signal,
      ctx: t.app.signx,
      logger: t.app.signx.logger,
    });
    // An earlier run that claimed the message a moment ago and has not finished.
    await t.app.signx.db
      .insertInto('platform_state')
      .values({
        key: `mail.send:${jobId}`,
        value: JSON.stringify({ state: 'sending', at: new Date().toISOString(), attempt: 1 }),
        updated_at: new Date().toISOString(),
      })
      .execute();
    await expect(sendMailJob.handler(message, runContext(2))).rejects.toThrow(/still sending/);
    expect(server.messages).toHaveLength(0);
    // A refused attempt is recorded as failed, so the next attempt really sends.
    server.rejectRecipient('later@example.test', 451);
    const other = '01900000-0000-7000-8000-00000000cafe';
    const otherRun = (attempt: number) => ({ ...runContext(attempt), jobId: other });
    const refused = { ...message, to: 'later@example.test' };
    await expect(sendMailJob.handler(refused, otherRun(1))).rejects.toThrow(/Mail delivery failed/);
    // The retry tries the server again (refused again here), rather than waiting on a claim.
    await expect(sendMailJob.handler(refused, otherRun(2))).rejects.toThrow(/Mail delivery failed/);
    expect(server.messages).toHaveLength(0);
  });
});
