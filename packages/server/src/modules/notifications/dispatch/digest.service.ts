import { newId } from '../../../platform/db/ids.js';
import { decodeJson, encodeJson } from '../../../platform/db/json-codec.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import type { DeliveryExtra } from '../sending/delivery-extra.js';
import { escapeHtml, escapeMarkdown } from '../templates/channel-format.js';
import type { DeliveryRow } from './deliveries.repository.js';
import * as digests from './digests.repository.js';
import { enqueueDeliveries } from './schedule-delivery.js';

const titles: Record<string, (n: number) => string> = {
  'zh-CN': (n) => `您有 ${n} 条通知（合并发送）`,
  en: (n) => `${n} notifications (digest)`,
  he: (n) => `${n} הודעות (תקציר)`,
};

/**
 * Merges the deliveries a limit held back for one place into one digest delivery. One
 * digest row per key and window (a unique key) makes it idempotent: a retried job finds
 * the digest it made and only makes sure its delivery is queued; a delivery is merged at
 * most once (compare-and-set from `held`), and a digest is never held, so it never merges
 * into another digest or itself.
 */
export async function makeDigest(
  deps: NotificationsDeps,
  key: string,
  window: string,
): Promise<string | null> {
  return inTransaction(deps.db, async (trx) => {
    const existing = await digests.findDigest(trx, key, window);
    if (existing) return existing.delivery_id;
    const held = await digests.heldFor(trx, key, 200);
    const now = deps.clock.now().toISOString();
    const digestId = newId();
    if (held.length === 0) {
      await digests.insertDigest(trx, {
        id: digestId,
        digest_key: key,
        window_start: window,
        delivery_id: null,
        merged: 0,
        created_at: now,
      });
      return null;
    }
    const delivery = digestDelivery(held, now);
    const merged = await digests.markDigested(
      trx,
      held.map((h) => h.id),
      delivery.id,
      now,
    );
    await digests.insertDelivery(trx, delivery);
    await digests.insertDigest(trx, {
      id: digestId,
      digest_key: key,
      window_start: window,
      delivery_id: delivery.id,
      merged,
      created_at: now,
    });
    await enqueueDeliveries(trx, deps, [delivery], delivery.priority);
    return delivery.id;
  });
}

function digestDelivery(held: DeliveryRow[], now: string): DeliveryRow {
  const first = held[0] as DeliveryRow;
  const extra =
    decodeJson<DeliveryExtra>(first.extra) ?? ({ format: 'text', bodyFormat: 'text' } as DeliveryExtra);
  const title = (titles[first.locale] ?? titles.en)?.(held.length) ?? '';
  const line = (row: DeliveryRow) => (row.subject ?? (row.body ?? '').split('\n')[0] ?? '').slice(0, 200);
  const format = extra.bodyFormat;
  const body =
    format === 'html'
      ? `<p>${escapeHtml(title)}</p><ul>${held.map((r) => `<li>${escapeHtml(line(r))}</li>`).join('')}</ul>`
      : format === 'markdown'
        ? `${held.map((r) => `- ${escapeMarkdown(line(r))}`).join('\n')}`
        : held.map((r) => `• ${line(r)}`).join('\n');
  const digestExtra: DeliveryExtra = {
    ...extra,
    format: extra.format === 'card' ? 'markdown' : extra.format,
    merged: held.map((h) => h.id),
    ...(format === 'html' ? { text: held.map((r) => `- ${line(r)}`).join('\n') } : {}),
  };
  return {
    ...first,
    id: newId(),
    recipient_key: first.recipient_key,
    subject: title,
    body,
    extra: encodeJson(digestExtra),
    status: 'queued',
    attempts: 0,
    next_attempt_at: null,
    last_error: null,
    provider: null,
    provider_message_id: null,
    claim: null,
    digest_key: null,
    digest_id: null,
    is_digest: 1,
    view_token_hash: null,
    priority: held.some((h) => h.priority === 'high') ? 'high' : first.priority,
    created_at: now,
    updated_at: now,
    sent_at: null,
    delivered_at: null,
  };
}
