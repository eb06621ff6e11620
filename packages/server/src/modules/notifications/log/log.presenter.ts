import { decodeJson } from '../../../platform/db/json-codec.js';
import type { AttemptRow, DeliveryRow } from '../dispatch/deliveries.repository.js';
import { isSealed } from '../sealed.js';

/** A send-log row for administrators: sensitive content is never shown (sealed or erased). */
export function presentDelivery(row: DeliveryRow) {
  const sensitive = isSealed(row.body) || (row.body === null && row.status === 'sent');
  const extra = sensitive ? null : decodeJson<{ view_link?: string; merged?: string[] }>(row.extra);
  return {
    id: row.id,
    message_id: row.message_id,
    channel: row.channel,
    recipient: row.recipient_key,
    recipient_name: row.recipient_name,
    address: row.address,
    locale: row.locale,
    template: row.template_code,
    category: row.category,
    priority: row.priority,
    subject: row.subject,
    body: sensitive ? null : row.body,
    is_sensitive: sensitive,
    status: row.status,
    attempts: row.attempts,
    next_attempt_at: row.next_attempt_at,
    last_error: row.last_error,
    provider: row.provider,
    provider_message_id: row.provider_message_id,
    is_digest: row.is_digest === 1,
    digest_id: row.digest_id,
    merged: extra?.merged ?? [],
    created_at: row.created_at,
    sent_at: row.sent_at,
    delivered_at: row.delivered_at,
  };
}

export function presentAttempt(row: AttemptRow) {
  return {
    attempt: row.attempt,
    provider: row.provider,
    status: row.status,
    response: row.response,
    error: row.error,
    started_at: row.started_at,
    finished_at: row.finished_at,
    provider_message_id: row.provider_message_id,
    receipt_status: row.receipt_status,
    receipt_code: row.receipt_code,
    receipt_at: row.receipt_at,
  };
}
