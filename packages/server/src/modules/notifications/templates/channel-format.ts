import type { Channel } from '../notifications.tables.js';

/**
 * How each channel shows content, and so how a template's output is escaped and bounded.
 * Values a caller passes (names, titles, comments) are untrusted: they are escaped for the
 * channel's format, so a name cannot inject HTML into a mail or a link into a robot post.
 */
export type BodyFormat = 'html' | 'markdown' | 'text';

export const channels: readonly Channel[] = [
  'email',
  'sms',
  'in_app',
  'dingtalk',
  'feishu',
  'wecom',
  'webhook',
];
export const robotChannels: readonly Channel[] = ['dingtalk', 'feishu', 'wecom'];
export const locales = ['zh-CN', 'en', 'he'] as const;
export type Locale = (typeof locales)[number];

/** What a template variant of a channel may ask for (robots: text, markdown or a card). */
export type VariantFormat = 'text' | 'markdown' | 'card' | 'html';

export function bodyFormatOf(channel: Channel, format: VariantFormat | undefined): BodyFormat {
  if (channel === 'email') return 'html';
  if (channel === 'in_app') return 'markdown';
  if (channel === 'sms' || channel === 'webhook') return 'text';
  return format === 'markdown' || format === 'card' ? 'markdown' : 'text';
}

/**
 * Body limits in bytes of UTF-8 as the providers document them: DingTalk about 20 KB,
 * Feishu requests 30 KB (we keep 20 KB for the body), WeCom text 2,048 and markdown 4,096,
 * SMS 500 characters on the Chinese providers (long messages are split by the carrier).
 */
export function bodyLimitOf(channel: Channel, format: BodyFormat): { bytes: number; chars?: number } {
  switch (channel) {
    case 'dingtalk':
    case 'feishu':
      return { bytes: 20_000 };
    case 'wecom':
      return { bytes: format === 'markdown' ? 4096 : 2048 };
    case 'sms':
      return { bytes: 1_500, chars: 500 };
    case 'in_app':
      return { bytes: 64_000 };
    case 'webhook':
      return { bytes: 256_000 };
    default:
      return { bytes: 2_000_000 };
  }
}

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => htmlEntities[c] ?? c);
}

/** Backslash-escapes what markdown renderers (and the IM robots) treat as markup. */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_{}[\]()#+\-.!|>~<]/g, (c) => `\\${c}`).replace(/\r?\n/g, '  \n');
}

/** Control characters other than tab and newline never reach a provider. */
export function stripControls(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** A value as template output shows it: numbers and booleans as written, objects as JSON. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function escaperFor(format: BodyFormat): (value: unknown) => string {
  if (format === 'html') return (v) => escapeHtml(stripControls(asText(v)));
  if (format === 'markdown') return (v) => escapeMarkdown(stripControls(asText(v)));
  return (v) => stripControls(asText(v));
}

/**
 * Cuts a body to the channel's limit on a character boundary and appends a link to the
 * full message, so nothing is lost silently. Returns the body unchanged when it fits.
 */
export function fitBody(
  body: string,
  limit: { bytes: number; chars?: number },
  format: BodyFormat,
  fullLink: () => string,
): { body: string; truncated: boolean } {
  const fits = (text: string) =>
    Buffer.byteLength(text, 'utf8') <= limit.bytes &&
    (limit.chars === undefined || [...text].length <= limit.chars);
  if (fits(body)) return { body, truncated: false };
  const link = fullLink();
  const tail =
    format === 'html'
      ? `… <a href="${escapeHtml(link)}">${'Read the full message'}</a>`
      : format === 'markdown'
        ? `…\n\n[Read the full message](${link})`
        : `… ${link}`;
  const chars = [...body];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(chars.slice(0, mid).join('') + tail)) low = mid;
    else high = mid - 1;
  }
  return { body: chars.slice(0, low).join('') + tail, truncated: true };
}
