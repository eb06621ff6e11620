import { notFound } from '../../../platform/errors.js';
import type { Channel } from '../notifications.tables.js';
import { bodyLimitOf, fitBody } from './channel-format.js';
import { type CompiledVersion, compileVersion, pickVariant } from './template-compiler.js';
import type { TemplateEngine } from './template-engine.js';
import type { TemplateVariable, TemplateVariant } from './template-model.js';
import { htmlToText, renderVariant } from './template-render.js';

/**
 * Renders a variant with the variables' samples (overridden by `params`) as a recipient
 * named "Sample User" would get it, and says whether the channel's limit would cut it.
 */
export function previewVariant(
  engine: TemplateEngine,
  version: CompiledVersion,
  target: {
    channel: Channel;
    locale: string;
    fallbackLocale: string;
    params?: Record<string, unknown>;
    publicUrl: string;
  },
) {
  const variant = pickVariant(version, target.channel, target.locale, target.fallbackLocale);
  if (!variant) throw notFound(`A ${target.channel} variant`);
  const samples = Object.fromEntries(
    version.declared.filter((v) => v.sample !== undefined).map((v) => [v.name, v.sample]),
  );
  const name = 'Sample User';
  const scope = {
    ...samples,
    ...target.params,
    userName: name,
    recipient: { name, email: 'sample@example.com', phone: '13800000000', locale: variant.locale },
    locale: variant.locale,
    appName: 'SignX',
    messageLink: `${target.publicUrl}/notifications`,
  };
  const content = renderVariant(engine, version, variant, scope);
  const limit = bodyLimitOf(target.channel, content.bodyFormat);
  return {
    subject: content.subject,
    body: content.body,
    text: variant.channel === 'email' ? (content.text ?? htmlToText(content.body)) : content.text,
    link: content.link,
    format: content.format,
    bytes: Buffer.byteLength(content.body, 'utf8'),
    limit_bytes: limit.bytes,
    truncated: fitBody(content.body, limit, content.bodyFormat, () => '').truncated,
    variables: [...variant.variables].sort(),
  };
}

/** Preview of unsaved content: compiled (and checked) first, exactly as a save would. */
export function previewDraft(
  engine: TemplateEngine,
  draft: { variables: TemplateVariable[]; variants: TemplateVariant[] },
  target: { channel: Channel; locale: string; params?: Record<string, unknown>; publicUrl: string },
) {
  const version = compileVersion(engine, draft.variants, draft.variables);
  return previewVariant(engine, version, { ...target, fallbackLocale: target.locale });
}
