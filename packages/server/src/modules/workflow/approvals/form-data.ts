import { domainError, type FieldError } from '../../../platform/errors.js';
import type { FormField } from '../definitions/definition-model.js';
import { workflowErrors } from '../workflow.errors.js';

const isType: Record<FormField['type'], (value: unknown) => boolean> = {
  text: (v) => typeof v === 'string',
  date: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  select: (v) => typeof v === 'string',
  user: (v) => typeof v === 'string' && v.length > 0,
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
};

/** Checks form data against the definition's form: known keys, types, options, required fields (40054). */
export function assertFormData(fields: FormField[], data: Record<string, unknown>): void {
  const errors: FieldError[] = [];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(data))
    if (!byKey.has(key)) errors.push({ field: `form_data.${key}`, message: 'not a field of this form' });
  for (const field of fields) {
    const value = data[field.key];
    const where = `form_data.${field.key}`;
    if (value === undefined || value === null || value === '') {
      if (field.required) errors.push({ field: where, message: `${field.label} is required` });
      continue;
    }
    if (!isType[field.type](value))
      errors.push({ field: where, message: `${field.label} must be a ${field.type}` });
    else if (field.type === 'select' && !(field.options ?? []).includes(value as string))
      errors.push({
        field: where,
        message: `${field.label} must be one of ${(field.options ?? []).join(', ')}`,
      });
  }
  if (errors.length > 0)
    throw domainError(workflowErrors.FORM_INVALID, 'The form data is not valid', { fieldErrors: errors });
}
