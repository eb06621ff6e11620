/**
 * Kysely types of the notification tables (the columns' rules are in the migrations
 * 2026_12_05_0500 and 0501, 2026_12_06_0502). Booleans are 0/1, JSON is text, times are ISO strings.
 */
export type Channel = 'email' | 'sms' | 'in_app' | 'dingtalk' | 'feishu' | 'wecom' | 'webhook';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type InboxKind = 'system' | 'approval' | 'task' | 'alert';
export type DeliveryStatus =
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'failed'
  | 'dead'
  | 'suppressed'
  | 'deferred'
  | 'held'
  | 'digested';

export interface NotificationTemplatesTable {
  id: string;
  code: string;
  name: string;
  description: string | null;
  category: string;
  inbox_kind: InboxKind;
  is_transactional: number;
  is_sensitive: number;
  default_locale: string;
  frequency_limit: number | null;
  frequency_window_seconds: number | null;
  status: 'active' | 'disabled';
  current_version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface NotificationTemplateVersionsTable {
  id: string;
  template_id: string;
  version: number;
  variants: string;
  variables: string;
  note: string | null;
  based_on: number | null;
  created_by: string | null;
  created_at: string;
}

export interface NotificationMessagesTable {
  id: string;
  template_id: string;
  template_code: string;
  template_version: number;
  category: string;
  priority: Priority;
  channels: string;
  params: string | null;
  is_sensitive: number;
  dedupe_key: string | null;
  sender_type: string;
  sender_id: string | null;
  recipient_count: number;
  created_at: string;
}

export interface NotificationDeliveriesTable {
  id: string;
  message_id: string;
  channel: Channel;
  recipient_key: string;
  user_id: string | null;
  address: string | null;
  recipient_name: string | null;
  locale: string;
  template_code: string;
  category: string;
  priority: Priority;
  subject: string | null;
  /** Rendered body; sealed for sensitive messages and erased once delivered. */
  body: string | null;
  /** JSON: format, mentions, inline images, SMS provider parameters, link. */
  extra: string | null;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  provider: string | null;
  provider_message_id: string | null;
  /** The job (id:run) currently sending it; a re-run of the same job finds its own claim. */
  claim: string | null;
  digest_key: string | null;
  digest_id: string | null;
  is_digest: number;
  view_token_hash: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  delivered_at: string | null;
}

export interface NotificationAttemptsTable {
  id: string;
  delivery_id: string;
  attempt: number;
  provider: string;
  status: 'sending' | 'sent' | 'failed' | 'interrupted';
  job_id: string | null;
  response: string | null;
  error: string | null;
  started_at: string;
  finished_at: string | null;
  /** The id the provider gave the message (SMS), by which its delivery receipt finds the attempt. */
  provider_message_id: string | null;
  /** The provider's final report, once it came: delivered or failed, with its code. */
  receipt_status: 'delivered' | 'failed' | null;
  receipt_code: string | null;
  receipt_at: string | null;
}

export interface NotificationInboxTable {
  id: string;
  user_id: string;
  delivery_id: string;
  message_id: string;
  kind: InboxKind;
  category: string;
  title: string;
  body: string;
  link: string | null;
  read_at: string | null;
  created_at: string;
}

export interface NotificationProfilesTable {
  user_id: string;
  locale: string | null;
  time_zone: string | null;
  dnd_start: string | null;
  dnd_end: string | null;
  dingtalk_id: string | null;
  feishu_id: string | null;
  wecom_id: string | null;
  updated_at: string;
}

export interface NotificationPreferencesTable {
  user_id: string;
  category: string;
  /** A channel, or '*' for every channel of the category. */
  channel: string;
  enabled: number;
  updated_at: string;
}

export interface NotificationGroupsTable {
  id: string;
  channel: Channel;
  code: string;
  name: string;
  is_default: number;
  enabled: number;
  created_at: string;
  updated_at: string;
}

export interface NotificationEndpointsTable {
  id: string;
  group_id: string;
  name: string;
  url_sealed: string;
  /** The URL without its secret parts (host and path), for the setup page. */
  url_hint: string;
  secret_sealed: string | null;
  enabled: number;
  created_at: string;
  updated_at: string;
}

export interface NotificationProvidersTable {
  id: string;
  channel: 'sms';
  kind: 'aliyun' | 'tencent' | 'twilio';
  name: string;
  position: number;
  settings: string;
  secret_sealed: string;
  enabled: number;
  created_at: string;
  updated_at: string;
}

export interface NotificationRateWindowsTable {
  key: string;
  stamps: string;
  blocked_until: string | null;
  version: number;
}

export interface NotificationDigestsTable {
  id: string;
  digest_key: string;
  window_start: string;
  delivery_id: string | null;
  merged: number;
  created_at: string;
}

export interface NotificationSensitiveWordsTable {
  id: string;
  word: string;
  action: 'block' | 'mask';
  created_by: string | null;
  created_at: string;
}

export interface NotificationSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

declare module '../../platform/db/schema.js' {
  interface Tables {
    notification_templates: NotificationTemplatesTable;
    notification_template_versions: NotificationTemplateVersionsTable;
    notification_messages: NotificationMessagesTable;
    notification_deliveries: NotificationDeliveriesTable;
    notification_attempts: NotificationAttemptsTable;
    notification_inbox: NotificationInboxTable;
    notification_profiles: NotificationProfilesTable;
    notification_preferences: NotificationPreferencesTable;
    notification_groups: NotificationGroupsTable;
    notification_endpoints: NotificationEndpointsTable;
    notification_providers: NotificationProvidersTable;
    notification_rate_windows: NotificationRateWindowsTable;
    notification_digests: NotificationDigestsTable;
    notification_sensitive_words: NotificationSensitiveWordsTable;
    notification_settings: NotificationSettingsTable;
  }
}
