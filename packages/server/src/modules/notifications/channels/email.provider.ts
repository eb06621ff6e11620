import type { Config } from '../../../config.js';
import { deliverMail } from '../../../platform/mail/mail.jobs.js';
import type { MailAttachment, MailMessage } from '../../../platform/mail/mailer.js';
import type { StoragePort } from '../../../platform/storage/storage.port.js';
import { unsubscribeToken } from '../preferences/unsubscribe-token.js';
import { asProviderError, type Outgoing, type Provider, ProviderError } from './channel-port.js';

/**
 * Email through the platform's pooled SMTP mailer: HTML and plain text, inline images by
 * CID, and for non-transactional mail the List-Unsubscribe and List-Unsubscribe-Post
 * headers of RFC 8058, so a mail client's "unsubscribe" works in one click. The Message-ID
 * is the delivery's, so a repeated attempt shows as the same message.
 */
export function emailProvider(options: {
  config: Config;
  storage: StoragePort;
  unsubscribeKey: Buffer;
  publicUrl: string;
}): Provider {
  const host = new URL(options.publicUrl).hostname || 'signx.local';
  return {
    name: 'smtp',
    async send(message) {
      const mail = await toMail(message, options, host);
      try {
        const result = await deliverMail(options.config, mail, `${message.row.id}-${message.attempt}`);
        return { providerMessageId: result.messageId, response: `accepted: ${result.accepted.join(', ')}` };
      } catch (error) {
        const failure = asProviderError(error);
        throw new ProviderError(failure.message, {
          transient: failure.transient,
          failover: false,
          cause: error,
        });
      }
    },
  };
}

async function toMail(
  message: Outgoing,
  options: { storage: StoragePort; unsubscribeKey: Buffer; publicUrl: string },
  host: string,
): Promise<MailMessage> {
  const headers: Record<string, string> = { 'X-SignX-Delivery': message.row.id };
  const { row, extra } = message;
  if (extra.unsubscribe && row.user_id) {
    const token = unsubscribeToken(options.unsubscribeKey, row.user_id, row.category);
    headers['List-Unsubscribe'] = `<${options.publicUrl}/api/v1/notifications/unsubscribe/${token}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  const attachments: MailAttachment[] = [];
  for (const file of extra.attachments ?? []) {
    attachments.push({
      filename: file.filename,
      content: await options.storage.read(file.storage_key),
      contentType: file.content_type,
      ...(file.cid ? { cid: file.cid } : {}),
    });
  }
  return {
    to: row.address ?? '',
    subject: message.subject ?? '',
    html: message.body,
    text: extra.text ?? '',
    headers,
    messageId: `<${row.id}@${host}>`,
    ...(attachments.length > 0 ? { attachments } : {}),
  };
}
