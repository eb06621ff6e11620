import { domainError } from '../../../platform/errors.js';
import { notificationsErrors } from '../notifications.errors.js';
import type { Channel } from '../notifications.tables.js';
import { type BodyFormat, bodyFormatOf, type Locale, type VariantFormat } from './channel-format.js';
import type { CompiledText, TemplateEngine } from './template-engine.js';
import type { TemplateVariable, TemplateVariant } from './template-model.js';
import { builtInVariables } from './template-model.js';

/** A variant parsed once and kept for every render of its version. */
export interface CompiledVariant {
  channel: Channel;
  locale: Locale;
  format: VariantFormat;
  bodyFormat: BodyFormat;
  subject: CompiledText | null;
  body: CompiledText;
  text: CompiledText | null;
  link: CompiledText | null;
  sms: {
    aliyun?: { template_code: string; params: Record<string, CompiledText> };
    tencent?: { template_id: string; params: CompiledText[] };
  };
  /** Every top-level variable any of its parts reads. */
  variables: Set<string>;
}

export interface CompiledVersion {
  variants: CompiledVariant[];
  declared: TemplateVariable[];
}

/**
 * Parses every variant of a version and checks it: no two variants for one channel and
 * locale, and every variable a part reads is declared (or built in). Problems are listed
 * together, so the editor shows all of them at once.
 */
export function compileVersion(
  engine: TemplateEngine,
  variants: readonly TemplateVariant[],
  declared: readonly TemplateVariable[],
): CompiledVersion {
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  const compiled: CompiledVariant[] = [];
  variants.forEach((variant, index) => {
    const at = `variants[${index}]`;
    const key = `${variant.channel}/${variant.locale}`;
    if (seen.has(key)) problems.push({ field: at, message: `a second variant for ${key}` });
    seen.add(key);
    try {
      compiled.push(compileVariant(engine, variant, at));
    } catch (error) {
      const fields = (error as { fieldErrors?: { field: string; message: string }[] }).fieldErrors;
      problems.push(...(fields?.length ? fields : [{ field: at, message: String(error) }]));
    }
  });
  const known = new Set<string>([...builtInVariables, ...declared.map((v) => v.name)]);
  for (const variant of compiled) {
    for (const name of variant.variables) {
      if (!known.has(name)) {
        problems.push({
          field: `variants.${variant.channel}/${variant.locale}`,
          message: `uses ${name}, which is not a declared variable`,
        });
      }
    }
  }
  const names = new Set<string>();
  for (const variable of declared) {
    if (names.has(variable.name)) problems.push({ field: 'variables', message: `${variable.name} twice` });
    if ((builtInVariables as readonly string[]).includes(variable.name)) {
      problems.push({ field: 'variables', message: `${variable.name} is built in` });
    }
    names.add(variable.name);
  }
  if (problems.length > 0) {
    throw domainError(notificationsErrors.TEMPLATE_INVALID, 'The template is not valid', {
      fieldErrors: problems,
    });
  }
  return { variants: compiled, declared: [...declared] };
}

function compileVariant(engine: TemplateEngine, variant: TemplateVariant, at: string): CompiledVariant {
  const format = variant.format ?? defaultFormat(variant.channel);
  const bodyFormat = bodyFormatOf(variant.channel, format);
  const text = (source: string | undefined, field: string) =>
    source === undefined || source === '' ? null : engine.compile(source, 'text', `${at}.${field}`);
  const subject = text(variant.subject, 'subject');
  const body = engine.compile(variant.body, bodyFormat, `${at}.body`);
  const plain = variant.channel === 'email' ? text(variant.text, 'text') : null;
  const link = text(variant.link, 'link');
  const sms: CompiledVariant['sms'] = {};
  if (variant.sms?.aliyun) {
    const params = Object.entries(variant.sms.aliyun.params).map(
      ([name, source]) => [name, engine.compile(source, 'text', `${at}.sms.aliyun.${name}`)] as const,
    );
    sms.aliyun = { template_code: variant.sms.aliyun.template_code, params: Object.fromEntries(params) };
  }
  if (variant.sms?.tencent) {
    sms.tencent = {
      template_id: variant.sms.tencent.template_id,
      params: variant.sms.tencent.params.map((s, i) => engine.compile(s, 'text', `${at}.sms.tencent.${i}`)),
    };
  }
  const parts = [
    subject,
    body,
    plain,
    link,
    ...Object.values(sms.aliyun?.params ?? {}),
    ...(sms.tencent?.params ?? []),
  ];
  const variables = new Set(parts.flatMap((p) => p?.variables ?? []));
  return {
    channel: variant.channel,
    locale: variant.locale,
    format,
    bodyFormat,
    subject,
    body,
    text: plain,
    link,
    sms,
    variables,
  };
}

function defaultFormat(channel: Channel): VariantFormat {
  if (channel === 'email') return 'html';
  if (channel === 'in_app') return 'markdown';
  return 'text';
}

/** The variant for a recipient: their locale, else the template's default, else any of the channel. */
export function pickVariant(
  version: CompiledVersion,
  channel: Channel,
  locale: string,
  fallback: string,
): CompiledVariant | undefined {
  const ofChannel = version.variants.filter((v) => v.channel === channel);
  return (
    ofChannel.find((v) => v.locale === locale) ?? ofChannel.find((v) => v.locale === fallback) ?? ofChannel[0]
  );
}

/** Declared required variables that are absent from `scope`. */
export function missingRequired(
  version: CompiledVersion,
  variant: CompiledVariant,
  scope: Record<string, unknown>,
): string[] {
  return version.declared
    .filter((v) => v.required !== false && variant.variables.has(v.name))
    .filter((v) => scope[v.name] === undefined || scope[v.name] === null)
    .map((v) => v.name);
}
