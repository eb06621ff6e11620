import { domainError } from '../../../platform/errors.js';
import { notificationsErrors } from '../notifications.errors.js';
import type { BodyFormat, VariantFormat } from './channel-format.js';
import type { CompiledVariant, CompiledVersion } from './template-compiler.js';
import { missingRequired } from './template-compiler.js';
import type { TemplateEngine } from './template-engine.js';

/** A message rendered for one recipient on one channel, before limits and filtering. */
export interface RenderedContent {
  subject: string | null;
  body: string;
  /** Email plain-text part. */
  text: string | null;
  link: string | null;
  format: VariantFormat;
  bodyFormat: BodyFormat;
  /** SMS provider parameters (Aliyun by name, Tencent by position). */
  sms?: {
    aliyun?: { template_code: string; params: Record<string, string> };
    tencent?: { template_id: string; params: string[] };
  };
}

/**
 * Renders a variant. Required variables are checked first so the error names every missing
 * one; Liquid's strict mode then catches any nested value that is absent.
 */
export function renderVariant(
  engine: TemplateEngine,
  version: CompiledVersion,
  variant: CompiledVariant,
  scope: Record<string, unknown>,
): RenderedContent {
  const missing = missingRequired(version, variant, scope);
  if (missing.length > 0) {
    throw domainError(
      notificationsErrors.VARIABLE_MISSING,
      `Missing variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      {
        details: { variables: missing },
      },
    );
  }
  const out: RenderedContent = {
    subject: variant.subject ? oneLine(engine.render(variant.subject, scope)) : null,
    body: engine.render(variant.body, scope),
    text: variant.text ? engine.render(variant.text, scope) : null,
    link: variant.link ? engine.render(variant.link, scope).trim() : null,
    format: variant.format,
    bodyFormat: variant.bodyFormat,
  };
  if (variant.sms.aliyun || variant.sms.tencent) {
    out.sms = {};
    if (variant.sms.aliyun) {
      const params = Object.entries(variant.sms.aliyun.params).map(([k, t]) => [k, engine.render(t, scope)]);
      out.sms.aliyun = {
        template_code: variant.sms.aliyun.template_code,
        params: Object.fromEntries(params),
      };
    }
    if (variant.sms.tencent) {
      out.sms.tencent = {
        template_id: variant.sms.tencent.template_id,
        params: variant.sms.tencent.params.map((t) => engine.render(t, scope)),
      };
    }
  }
  return out;
}

/** Subjects and titles are one line: a line break there could start a mail header. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

/** A readable plain-text part from an HTML body (for mail clients that show no HTML). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr)>/gi, '\n')
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, '$2 ($1)')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
