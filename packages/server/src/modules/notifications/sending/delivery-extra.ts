import type { InboxKind } from '../notifications.tables.js';
import type { BodyFormat, VariantFormat } from '../templates/channel-format.js';
import type { StoredAttachment } from './send-request.js';

/** What a delivery carries besides subject and body (stored as JSON, sealed when sensitive). */
export interface DeliveryExtra {
  format: VariantFormat;
  bodyFormat: BodyFormat;
  /** Email plain-text part. */
  text?: string | null;
  link?: string | null;
  sms?: {
    aliyun?: { template_code: string; params: Record<string, string> };
    tencent?: { template_id: string; params: string[] };
  };
  /** Robot posts: who to @mention. */
  mentions?: { ids: string[]; mobiles: string[]; names: string[] };
  /** Robot and webhook posts: the group they go to. */
  group_id?: string;
  attachments?: StoredAttachment[];
  /** Non-transactional email carries one-click unsubscribe headers. */
  unsubscribe?: boolean;
  inbox_kind?: InboxKind;
  /** Set when the body passes the channel's limit: where the full message can be read. */
  view_link?: string;
  /** Webhook payload: the recipients the message was for. */
  recipients?: { user_id: string | null; name: string }[];
  /** Digest deliveries: the deliveries merged into it. */
  merged?: string[];
}
