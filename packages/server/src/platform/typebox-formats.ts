import { FormatRegistry } from '@sinclair/typebox';

/**
 * String formats for TypeBox's compiled checks (audit payloads, job payloads). Without a
 * registered format TypeBox refuses every value, so a payload schema that says
 * `format: 'uuid'` could never pass. HTTP validation uses Ajv with its own formats.
 */
const formats: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  email: /^[^\s@]+@[^\s@]+$/,
};

for (const [name, pattern] of Object.entries(formats)) {
  if (!FormatRegistry.Has(name)) FormatRegistry.Set(name, (value) => pattern.test(value));
}
