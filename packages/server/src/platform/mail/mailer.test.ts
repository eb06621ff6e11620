import net, { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../../test/smtp-sink.js';
import { AppError } from '../errors.js';
import {
  createMailer,
  MailDeliveryError,
  type Mailer,
  type MailerOptions,
  type MailMessage,
} from './mailer.js';

const open: Array<SmtpSink | Mailer> = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) {
    if ('messages' in item) await item.close();
    else item.close();
  }
});

async function sink(auth?: { user: string; password: string }) {
  const started = await startSmtpSink({ auth });
  open.push(started);
  return started;
}

function mailer(target: { port: number }, overrides: Partial<MailerOptions> = {}) {
  const created = createMailer({
    host: '127.0.0.1',
    port: target.port,
    secure: false,
    startTls: 'opportunistic',
    from: 'SignX <noreply@signx.test>',
    timeoutMs: 5000,
    ...overrides,
  });
  open.push(created);
  return created;
}

/** A port nothing listens on: bound once by us, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );

const message = { to: 'alice@example.com', subject: 'Please sign', text: 'A document awaits you.' };

describe('mailer', () => {
  it('delivers through a real SMTP server without authentication', async () => {
    const server = await sink();
    const result = await mailer(server).send({
      to: ['alice@example.com', 'bob@example.com'],
      subject: 'Approval needed',
      text: 'Plain body',
      html: '<p>HTML body</p>',
      headers: { 'X-SignX-Request': 'SIG-REQ-2026-00001' },
    });
    expect(result).toMatchObject({
      accepted: ['alice@example.com', 'bob@example.com'],
      rejected: [],
      deferred: [],
    });
    expect(result.messageId).toMatch(/^<.+@.+>$/);
    const [received] = server.messages;
    expect(received?.envelope).toEqual({
      from: 'noreply@signx.test',
      to: ['alice@example.com', 'bob@example.com'],
    });
    expect(received).toMatchObject({ subject: 'Approval needed', text: 'Plain body', authUser: undefined });
    expect(received?.html).toContain('<p>HTML body</p>');
    expect(received?.headers.get('x-signx-request')).toBe('SIG-REQ-2026-00001');
  });

  it('authenticates with user and password when the server requires it', async () => {
    const server = await sink({ user: 'mailer', password: 's3cret' });
    await mailer(server, { user: 'mailer', password: 's3cret' }).send(message);
    expect(server.messages.map((m) => m.authUser)).toEqual(['mailer']);
    const error = await failureOf(mailer(server, { user: 'mailer', password: 'wrong' }).send(message));
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({ isTransient: false, responseCode: 535 });
    expect(server.messages).toHaveLength(1);
  });

  it('reports a 550 recipient rejection as permanent', async () => {
    const server = await sink();
    server.rejectRecipient('alice@example.com', 550);
    const error = await failureOf(mailer(server).send(message));
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({ isTransient: false, responseCode: 550 });
    expect(server.messages).toEqual([]);
  });

  it('reports a 451 recipient rejection as transient', async () => {
    const server = await sink();
    server.rejectRecipient('alice@example.com', 451);
    const error = await failureOf(mailer(server).send(message));
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({ isTransient: true, responseCode: 451 });
  });

  it('delivers to the accepted recipients and lists refused and deferred ones', async () => {
    const server = await sink();
    server.rejectRecipient('gone@example.com', 550);
    server.rejectRecipient('busy@example.com', 451);
    const to = ['alice@example.com', 'gone@example.com', 'busy@example.com'];
    const result = await mailer(server).send({ ...message, to });
    expect(result).toMatchObject({
      accepted: ['alice@example.com'],
      rejected: ['gone@example.com', 'busy@example.com'],
      deferred: ['busy@example.com'],
    });
    expect(server.messages.map((m) => m.envelope.to)).toEqual([['alice@example.com']]);
  });

  it('opens its pooled connections with Nagle off, so a message does not wait on a delayed ACK', async () => {
    const server = await sink();
    const connect = vi.spyOn(net, 'connect');
    try {
      await mailer(server).send(message);
      expect(connect).toHaveBeenCalledWith(expect.objectContaining({ port: server.port, noDelay: true }));
    } finally {
      connect.mockRestore();
    }
    expect(server.messages).toHaveLength(1);
  });

  it('reports a refused connection as transient, from send and from verify', async () => {
    const target = { port: await closedPort() };
    const sendError = await failureOf(mailer(target).send(message));
    expect(sendError).toBeInstanceOf(MailDeliveryError);
    expect(sendError).toMatchObject({ isTransient: true });
    expect(await failureOf(mailer(target).verify())).toMatchObject({ isTransient: true });
    await expect(mailer(await sink()).verify()).resolves.toBeUndefined();
  });

  it('treats a server without STARTTLS as a permanent problem when TLS is required', async () => {
    const server = await sink();
    const error = await failureOf(mailer(server, { startTls: 'required' }).send(message));
    expect(error).toMatchObject({ isTransient: false });
    expect(server.messages).toEqual([]);
  });

  it('refuses header injection before sending anything', async () => {
    const server = await sink();
    const m = mailer(server);
    const attempts: MailMessage[] = [
      { ...message, subject: 'Hi\r\nBcc: victim@example.com' },
      { ...message, subject: 'Hi\nX-Evil: 1' },
      { ...message, to: 'alice@example.com\r\nBcc: victim@example.com' },
      { ...message, to: 'alice@example.com, victim@example.com' },
      { ...message, to: ['Alice <alice@example.com>'] },
      { ...message, to: [] },
      { ...message, headers: { 'X-Note': 'ok\r\nBcc: victim@example.com' } },
      { ...message, headers: { 'Bad Name:': 'x' } },
      { ...message, headers: { Bcc: 'victim@example.com' } },
    ];
    for (const attempt of attempts) {
      const error = await failureOf(m.send(attempt));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('VALIDATION');
    }
    expect(() => mailer(server, { from: 'noreply@signx.test\r\nBcc: x@example.com' })).toThrow(AppError);
    expect(server.messages).toEqual([]);
  });

  it('round-trips a UTF-8 Chinese subject and body', async () => {
    const server = await sink();
    const subject = '合同审批通知：SIG-2026-00001 已签署，请查收';
    await mailer(server).send({ ...message, subject, text: '您好，合同已由全部签署人签署。' });
    expect(server.messages[0]?.subject).toBe(subject);
    expect(server.messages[0]?.text.trim()).toBe('您好，合同已由全部签署人签署。');
    const rawSubject = server.messages[0]?.raw.toString('latin1').match(/^Subject: (.*)$/m)?.[1] ?? '';
    expect(rawSubject).toMatch(/=\?UTF-8\?[BQ]\?/i);
  });
});
