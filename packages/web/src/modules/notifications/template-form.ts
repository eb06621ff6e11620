import type { NewTemplate, TemplateDetail, Variant } from './notifications.api';

export interface VariableRow {
  name: string;
  description: string;
  required: boolean;
  sample: string;
}
/** The editor's state: nullable API fields as `undefined`, which is what the inputs bind to. */
export type TemplateForm = Omit<
  NewTemplate,
  'variables' | 'variants' | 'frequency_limit' | 'frequency_window_seconds' | 'note' | 'description'
> & {
  variables: VariableRow[];
  variants: Variant[];
  frequency_limit?: number;
  frequency_window_seconds?: number;
  note?: string;
  description?: string;
};

export function emptyForm(): TemplateForm {
  return {
    code: '',
    name: '',
    category: '',
    inbox_kind: 'system',
    is_transactional: false,
    is_sensitive: false,
    default_locale: 'en',
    variables: [],
    variants: [{ channel: 'email', locale: 'en', subject: '', body: '' }],
  };
}

export function formOf(detail: TemplateDetail): TemplateForm {
  const { template, version } = detail;
  return {
    code: template.code,
    name: template.name,
    description: template.description ?? undefined,
    category: template.category,
    inbox_kind: template.inbox_kind as TemplateForm['inbox_kind'],
    is_transactional: template.is_transactional,
    is_sensitive: template.is_sensitive,
    default_locale: template.default_locale as TemplateForm['default_locale'],
    frequency_limit: template.frequency_limit ?? undefined,
    frequency_window_seconds: template.frequency_window_seconds ?? undefined,
    variables: version.variables.map((v) => ({
      name: v.name,
      description: v.description ?? '',
      required: v.required ?? true,
      sample: sampleText(v.sample),
    })),
    variants: version.variants.map((v) => ({ ...v })),
  };
}

/** A sample is any JSON value; the editor shows strings as typed and the rest as JSON. */
function sampleText(sample: unknown): string {
  if (sample === undefined || sample === null) return '';
  return typeof sample === 'string' ? sample : JSON.stringify(sample);
}
function sampleValue(text: string): unknown {
  if (text === '') return undefined;
  if (/^[[{\d-]|^(true|false)$/.test(text.trim())) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

export function variablesOf(form: TemplateForm) {
  return form.variables.map((v) => ({
    name: v.name.trim(),
    ...(v.description.trim() ? { description: v.description.trim() } : {}),
    required: v.required,
    ...(sampleValue(v.sample) === undefined ? {} : { sample: sampleValue(v.sample) }),
  }));
}

/** Empty optional fields are left out, so the server's own defaults apply. */
export function variantsOf(form: TemplateForm): Variant[] {
  return form.variants.map((v) => {
    const out: Variant = { channel: v.channel, locale: v.locale, body: v.body };
    if (v.subject) out.subject = v.subject;
    if (v.text) out.text = v.text;
    if (v.format) out.format = v.format;
    if (v.link) out.link = v.link;
    if (v.sms) out.sms = v.sms;
    return out;
  });
}

export function bodyOf(form: TemplateForm) {
  const { code: _code, ...settings } = form;
  return {
    ...settings,
    description: form.description?.trim() || null,
    note: form.note?.trim() || null,
    frequency_limit: form.frequency_limit ?? null,
    frequency_window_seconds: form.frequency_window_seconds ?? null,
    variables: variablesOf(form),
    variants: variantsOf(form),
  };
}
