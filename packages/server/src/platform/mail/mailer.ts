import nodemailer, { type Transporter } from 'nodemailer';
import { AppError } from '../errors.js';
import { isTransientReply, toMailDeliveryError } from './mail-delivery-error.js';
import { noDelaySocket } from './no-delay-socket.js';

export { MailDeliveryError } from './mail-delivery-error.js';

/** SMTP settings, as configuration provides them. */
export interface MailerOptions {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (port 465). */
  secure: boolean;
  /** STARTTLS on a plain connection: insist on it, use it when offered, or never. */
  startTls: 'required' | 'opportunistic' | 'off';
  user?: string;
  password?: string;
  /** The sender, e.g. `SignX <noreply@example.com>`. */
  from: string;
  /** Connection, greeting and socket timeout; default 30 s. */
  timeoutMs?: number;
  /** Pooled connections (default 2); each one carries many messages. */
  poolSize?: number;
}

/** A file carried by the message; with `cid`, an inline image the HTML shows as `cid:<cid>`. */
export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
  cid?: string;
}

/** One outgoing message. Addresses are plain `user@domain`. */
export interface MailMessage {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  /** `<id@host>`; the same id on a repeated attempt lets mail clients show one message. */
  messageId?: string;
}

/** What the server did with the recipients. */
export interface MailResult {
  messageId: string;
  accepted: string[];
  /** Every recipient the server refused, permanently or not. */
  rejected: string[];
  /** The part of `rejected` refused with a 4xx reply: worth sending to again later. */
  deferred: string[];
}

/** The mail port notifications use. */
export interface Mailer {
  send(message: MailMessage): Promise<MailResult>;
  /** Connects and authenticates, for readiness checks and the doctor command. */
  verify(): Promise<void>;
  close(): void;
}

/**
 * Creates the mailer over a pooled nodemailer transport. Input that could smuggle headers or
 * extra recipients is refused (VALIDATION) before anything is sent, and every delivery
 * failure becomes a MailDeliveryError that says whether a retry can help.
 */
export function createMailer(options: MailerOptions): Mailer {
  assertNoLineBreaks('from', options.from);
  const transport = buildTransport(options);
  return {
    async send(message) {
      const to = validateMessage(message);
      try {
        const info = await transport.sendMail({ ...message, to, from: options.from });
        const rejectedErrors = (
          info as { rejectedErrors?: Array<{ recipient?: string; responseCode?: number }> }
        ).rejectedErrors;
        return {
          messageId: info.messageId,
          accepted: info.accepted.map(String),
          rejected: info.rejected.map(String),
          deferred: (rejectedErrors ?? [])
            .filter((e) => isTransientReply(e.responseCode))
            .map((e) => String(e.recipient)),
        };
      } catch (error) {
        throw toMailDeliveryError(error);
      }
    },
    async verify() {
      await transport.verify().catch((error: unknown) => Promise.reject(toMailDeliveryError(error)));
    },
    close: () => transport.close(),
  };
}

function buildTransport(options: MailerOptions): Transporter {
  const timeout = options.timeoutMs ?? 30_000;
  return nodemailer.createTransport({
    pool: true,
    maxConnections: options.poolSize ?? 2,
    maxMessages: Number.POSITIVE_INFINITY,
    host: options.host,
    port: options.port,
    secure: options.secure,
    requireTLS: !options.secure && options.startTls === 'required',
    ignoreTLS: !options.secure && options.startTls === 'off',
    auth: options.user ? { user: options.user, pass: options.password ?? '' } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    getSocket: noDelaySocket(timeout),
  });
}

/** Headers the mailer owns; a caller setting them could add recipients or spoof the sender. */
const reservedHeaders = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'sender',
  'subject',
  'return-path',
  'message-id',
]);

const plainAddress = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;

function validateMessage(message: MailMessage): string[] {
  const to = Array.isArray(message.to) ? message.to : [message.to];
  if (to.length === 0) throw invalidField('to', 'needs at least one recipient');
  for (const address of to) {
    if (!plainAddress.test(address)) throw invalidField('to', `"${address}" is not a single plain address`);
  }
  assertNoLineBreaks('subject', message.subject);
  if (message.messageId !== undefined && !/^<[^\s<>@]+@[^\s<>@]+>$/.test(message.messageId)) {
    throw invalidField('messageId', 'must look like <local@host>');
  }
  for (const [index, file] of (message.attachments ?? []).entries()) {
    assertNoLineBreaks(`attachments[${index}].filename`, file.filename);
    if (file.cid !== undefined && !/^[\w.@-]{1,200}$/.test(file.cid)) {
      throw invalidField(`attachments[${index}].cid`, 'letters, digits, . @ - and _ only');
    }
    if (!/^[\w.+-]+\/[\w.+-]+$/.test(file.contentType)) {
      throw invalidField(`attachments[${index}].contentType`, 'is not a media type');
    }
  }
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (!/^[!-9;-~]+$/.test(name)) throw invalidField('headers', `"${name}" is not a valid header name`);
    if (reservedHeaders.has(name.toLowerCase()))
      throw invalidField('headers', `"${name}" is set by the mailer`);
    assertNoLineBreaks(`headers.${name}`, value);
  }
  return to;
}

/** CR or LF in a header value would let the caller write headers of their own. */
function assertNoLineBreaks(field: string, value: string): void {
  if (/[\r\n]/.test(value)) throw invalidField(field, 'must not contain line breaks');
}

function invalidField(field: string, message: string): AppError {
  return new AppError('VALIDATION', 'The mail message is not valid', { fieldErrors: [{ field, message }] });
}
