import type { Channel, InboxKind } from '../notifications.tables.js';
import type { Locale, VariantFormat } from './channel-format.js';

/** Provider parameters of an SMS variant: Aliyun and Tencent send registered templates only. */
export interface SmsMapping {
  aliyun?: { template_code: string; params: Record<string, string> };
  tencent?: { template_id: string; params: string[] };
}

/** One channel × locale of a template version, as stored (JSON) and edited. */
export interface TemplateVariant {
  channel: Channel;
  locale: Locale;
  /** Email subject, in-app title, robot card or markdown title, webhook subject. */
  subject?: string;
  body: string;
  /** Email only: the plain-text part (derived from the HTML when absent). */
  text?: string;
  format?: VariantFormat;
  /** Card button or "open" link (Liquid). */
  link?: string;
  sms?: SmsMapping;
}

export interface TemplateVariable {
  name: string;
  description?: string;
  required?: boolean;
  sample?: unknown;
}

/** What every render gets besides the caller's params. */
export const builtInVariables = ['userName', 'recipient', 'locale', 'appName', 'messageLink'] as const;

/** The settings of a template outside its versions. */
export interface TemplateSettings {
  name: string;
  description?: string | null;
  category: string;
  inbox_kind?: InboxKind;
  is_transactional?: boolean;
  is_sensitive?: boolean;
  default_locale?: Locale;
  frequency_limit?: number | null;
  frequency_window_seconds?: number | null;
}

/** A template as the editor saves it: settings plus the content of a new version. */
export interface TemplateDraft extends TemplateSettings {
  variables: TemplateVariable[];
  variants: TemplateVariant[];
  note?: string | null;
}
