import type { Channel, Priority } from '../notifications.tables.js';
import type { RecipientRef } from './recipient-sources.js';

/** An attachment already in storage (the route stores uploaded ones before the transaction). */
export interface StoredAttachment {
  storage_key: string;
  filename: string;
  content_type: string;
  /** Set for an inline image the HTML shows as `cid:<cid>`. */
  cid?: string;
}

/** What a module (or the API) asks the notification center to send. */
export interface SendRequest {
  template: string;
  channels: Channel[];
  recipients: RecipientRef[];
  params?: Record<string, unknown>;
  priority?: Priority;
  /** A second send with the same key returns the first message instead of sending again. */
  dedupe_key?: string;
  attachments?: StoredAttachment[];
}

/** Per delivery, what happened at submission. */
export interface SubmittedDelivery {
  id: string | null;
  channel: Channel;
  recipient: string;
  status: 'queued' | 'failed';
  error: string | null;
}

export interface SendResult {
  message_id: string;
  /** False when `dedupe_key` matched an earlier message (nothing new was queued). */
  is_new: boolean;
  queued: number;
  failed: number;
  deliveries: SubmittedDelivery[];
}

export const jobPriority: Record<Priority, number> = { low: -5, normal: 0, high: 5, urgent: 10 };
