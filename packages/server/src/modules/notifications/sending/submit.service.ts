import type { Actor } from '../../../platform/actor.js';
import { decodeJson } from '../../../platform/db/json-codec.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { invalid, notFound } from '../../../platform/errors.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import { isSealed, sha256Hex } from '../sealed.js';
import type { DeliveryExtra } from './delivery-extra.js';
import { sendNotification } from './send.service.js';
import type { SendRequest, SendResult, StoredAttachment } from './send-request.js';
import { findByViewToken } from './view.repository.js';

/** A send through the API: the same path as a module's, audited as the caller's act. */
export async function submitThroughApi(
  trx: Trx,
  deps: NotificationsDeps,
  actor: Actor,
  request: SendRequest,
): Promise<SendResult> {
  const result = await sendNotification(trx, deps, actor, request);
  if (result.is_new) {
    await deps.audit.record(trx, actor, {
      type: 'notifications.message.sent',
      entityId: result.message_id,
      payload: {
        template: request.template,
        channels: request.channels,
        recipients: result.deliveries.length,
      },
    });
  }
  return result;
}

const imageTypes: [string, (b: Buffer) => boolean][] = [
  [
    'image/png',
    (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  ],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  [
    'image/gif',
    (b) =>
      b.subarray(0, 6).toString('latin1') === 'GIF89a' || b.subarray(0, 6).toString('latin1') === 'GIF87a',
  ],
];

/**
 * Inline images of an API send, checked by content (PNG, JPEG, GIF; 1 MB each) and put in
 * storage before the transaction opens, so the deliveries only carry storage keys.
 */
export async function storeInlineImages(
  deps: NotificationsDeps,
  images: { cid: string; filename: string; content_base64: string }[],
): Promise<StoredAttachment[]> {
  const out: StoredAttachment[] = [];
  for (const [index, image] of images.entries()) {
    const bytes = Buffer.from(image.content_base64, 'base64');
    if (bytes.length === 0 || bytes.length > 1_048_576)
      throw invalid(`images[${index}]`, 'must be 1 byte to 1 MB');
    const type = imageTypes.find(([, matches]) => matches(bytes))?.[0];
    if (!type) throw invalid(`images[${index}]`, 'is not a PNG, JPEG or GIF image');
    const stored = await deps.ctx.storage.put(bytes, { maxBytes: 1_048_576, contentType: type });
    out.push({
      storage_key: stored.key,
      filename: image.filename.replace(/[\r\n"]/g, '_'),
      content_type: type,
      cid: image.cid,
    });
  }
  return out;
}

/** The full text behind a truncated post; never the content of a sensitive message. */
export async function fullMessage(db: DbOrTrx, token: string) {
  const row = await findByViewToken(db, sha256Hex(token));
  if (!row || row.body === null || isSealed(row.body)) throw notFound('Message');
  const extra = decodeJson<DeliveryExtra>(row.extra);
  return {
    subject: row.subject,
    body: row.body,
    format: extra?.bodyFormat ?? 'text',
    created_at: row.created_at,
  };
}
