import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress, type SMTPServerOptions } from 'smtp-server';

/** One message as the sink received it: the SMTP envelope, the raw bytes and parsed fields. */
export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  /** The user that authenticated for this message, if any. */
  authUser: string | undefined;
  raw: Buffer;
  subject: string;
  text: string;
  html: string | undefined;
  headers: Map<string, unknown>;
}

/** A running SMTP server on loopback that records what it is sent. */
export interface SmtpSink {
  host: '127.0.0.1';
  port: number;
  /** Received messages, in order. A message is here before the client's send() resolves. */
  messages: ReceivedMail[];
  /** Makes the server answer RCPT TO for `address` with this reply code (550 or 451). */
  rejectRecipient(address: string, code: 550 | 451): void;
  close(): Promise<void>;
}

/** Without `auth` the sink takes mail from anyone; with it, AUTH PLAIN/LOGIN is required. */
export interface SmtpSinkOptions {
  auth?: { user: string; password: string };
}

/**
 * Starts a real SMTP server (the `smtp-server` package) on 127.0.0.1 and an ephemeral port,
 * so mail tests exercise the actual protocol, the way the architecture asks for real
 * components. STARTTLS is not offered; the sink speaks plain SMTP.
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const rejections = new Map<string, number>();
  const server = new SMTPServer(serverOptions(options, messages, rejections));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port: address.port,
    messages,
    rejectRecipient: (recipient, code) => rejections.set(recipient.toLowerCase(), code),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function serverOptions(
  options: SmtpSinkOptions,
  messages: ReceivedMail[],
  rejections: Map<string, number>,
): SMTPServerOptions {
  const { auth } = options;
  return {
    logger: false,
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !auth,
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(credentials, _session, callback) {
      const ok = auth && credentials.username === auth.user && credentials.password === auth.password;
      if (ok) return callback(null, { user: credentials.username });
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const code = rejections.get(address.address.toLowerCase());
      if (!code) return callback();
      const text = code >= 500 ? 'Mailbox unavailable' : 'Mailbox temporarily unavailable, try later';
      callback(Object.assign(new Error(text), { responseCode: code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then((parsed) => {
          messages.push({
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            authUser: typeof session.user === 'string' ? session.user : undefined,
            raw,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: parsed.html === false ? undefined : parsed.html,
            headers: parsed.headers,
          });
          callback();
        }, callback);
      });
    },
  };
}
