import { newId } from '../../../platform/db/ids.js';
import { encodeJson } from '../../../platform/db/json-codec.js';
import { isAppError } from '../../../platform/errors.js';
import type { Channel } from '../notifications.tables.js';
import { newToken, seal, sha256Hex } from '../sealed.js';
import { bodyLimitOf, fitBody } from '../templates/channel-format.js';
import type { CompiledVersion } from '../templates/template-compiler.js';
import { pickVariant } from '../templates/template-compiler.js';
import type { TemplateEngine } from '../templates/template-engine.js';
import { htmlToText, type RenderedContent, renderVariant } from '../templates/template-render.js';
import type { TemplateRow } from '../templates/templates.repository.js';
import type { ContentFilter } from '../words/word-filter-cache.js';
import type { DeliveryExtra } from './delivery-extra.js';
import type { DeliveryRow, MessageRow } from './messages.repository.js';
import type { Target } from './recipients.js';
import type { StoredAttachment } from './send-request.js';

/** Everything one send shares while it renders each recipient's deliveries. */
export interface BuildContext {
  engine: TemplateEngine;
  template: TemplateRow;
  version: CompiledVersion;
  message: MessageRow;
  params: Record<string, unknown>;
  filter: ContentFilter;
  sealKey: Buffer;
  publicUrl: string;
  attachments: StoredAttachment[];
  now: string;
}

/** Where a channel reaches a person, or why it cannot. */
export function addressOf(target: Target, channel: Channel): { address: string } | { error: string } {
  if (channel === 'email')
    return target.email ? { address: target.email } : { error: 'has no email address' };
  if (channel === 'sms') return target.phone ? { address: target.phone } : { error: 'has no mobile number' };
  if (channel === 'in_app')
    return target.user_id ? { address: target.user_id } : { error: 'in-app messages need a user' };
  const id = target[channel as 'dingtalk' | 'feishu' | 'wecom'];
  if (channel === 'feishu') return id ? { address: id } : { error: 'has no Feishu user id to @mention' };
  return id || target.phone
    ? { address: id ?? target.phone ?? '' }
    : { error: `has no ${channel} user id or mobile to @mention` };
}

/** The base row of a delivery; the builders fill content or an error. */
export function deliveryRow(
  bc: BuildContext,
  channel: Channel,
  key: string,
  fields: Partial<DeliveryRow>,
): DeliveryRow {
  return {
    id: newId(),
    message_id: bc.message.id,
    channel,
    recipient_key: key,
    user_id: null,
    address: null,
    recipient_name: null,
    locale: bc.template.default_locale,
    template_code: bc.template.code,
    category: bc.template.category,
    priority: bc.message.priority,
    subject: null,
    body: null,
    extra: null,
    status: 'queued',
    attempts: 0,
    next_attempt_at: null,
    last_error: null,
    provider: null,
    provider_message_id: null,
    claim: null,
    digest_key: null,
    digest_id: null,
    is_digest: 0,
    view_token_hash: null,
    created_at: bc.now,
    updated_at: bc.now,
    sent_at: null,
    delivered_at: null,
    ...fields,
  };
}

export const failedRow = (
  bc: BuildContext,
  channel: Channel,
  key: string,
  error: string,
  fields: Partial<DeliveryRow> = {},
) => deliveryRow(bc, channel, key, { ...fields, status: 'failed', last_error: error });

/**
 * Renders, filters and stores the content of one delivery. A missing variable, a blocked
 * word or a render past the sandbox's bounds fails this delivery only, with the reason.
 */
export function withContent(
  bc: BuildContext,
  row: DeliveryRow,
  scope: Record<string, unknown>,
  extra: Partial<DeliveryExtra>,
): DeliveryRow {
  const variant = pickVariant(bc.version, row.channel, row.locale, bc.template.default_locale);
  if (!variant)
    return {
      ...row,
      status: 'failed',
      last_error: `template ${bc.template.code} has no ${row.channel} variant`,
    };
  let content: RenderedContent;
  try {
    content = renderVariant(bc.engine, bc.version, variant, scope);
  } catch (error) {
    if (isAppError(error)) return { ...row, status: 'failed', last_error: error.message };
    throw error;
  }
  const parts = [content.subject ?? '', content.body, content.text ?? ''].join('\n');
  const blocked = bc.filter.blocked(parts);
  if (blocked) return { ...row, status: 'failed', last_error: `content blocked: contains "${blocked}"` };
  const body = bc.filter.mask(content.body);
  const full: DeliveryExtra = {
    format: content.format,
    bodyFormat: content.bodyFormat,
    ...(content.text || row.channel === 'email'
      ? { text: bc.filter.mask(content.text ?? htmlToText(body)) }
      : {}),
    ...(content.link ? { link: content.link } : {}),
    ...(content.sms ? { sms: content.sms } : {}),
    ...extra,
  };
  let viewTokenHash: string | null = null;
  if (fitBody(body, bodyLimitOf(row.channel, content.bodyFormat), content.bodyFormat, () => '').truncated) {
    const token = newToken();
    viewTokenHash = sha256Hex(token);
    full.view_link = `${bc.publicUrl}/api/v1/notifications/view/${token}`;
  }
  const sensitive = bc.template.is_sensitive === 1;
  const subject = content.subject === null ? null : bc.filter.mask(content.subject).slice(0, 1000);
  return {
    ...row,
    subject,
    body: sensitive ? seal(bc.sealKey, body) : body,
    extra: sensitive ? seal(bc.sealKey, encodeJson(full)) : encodeJson(full),
    view_token_hash: viewTokenHash,
  };
}
