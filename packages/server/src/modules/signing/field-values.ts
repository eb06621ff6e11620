import { decodeJson } from '../../platform/db/json-codec.js';
import { domainError } from '../../platform/errors.js';
import { fieldErrors } from './fields.errors.js';
import type { FieldRow } from './fields.repository.js';
import { isMarkField } from './fields.service.js';
import { parseSignatureMark } from './signature-input.js';

/** A field with the value it will carry once this action is recorded. */
export interface FilledField {
  field: FieldRow;
  value: string | null;
  /** Initials drawn for this field (PNG), when the signer sent a picture for it. */
  image?: Uint8Array;
  /** True when this action sets the value (recorded with who and when). */
  changed: boolean;
}

const invalid = (id: string, message: string) =>
  domainError(fieldErrors.FIELD_VALUE_INVALID, message, { details: { field_id: id } });

function checkValue(field: FieldRow, raw: string): string {
  const value = raw.normalize('NFC');
  switch (field.field_type) {
    case 'checkbox':
      if (value !== 'true' && value !== 'false') throw invalid(field.id, 'A checkbox takes true or false');
      return value;
    case 'dropdown': {
      const options = decodeJson<string[]>(field.options ?? '[]') ?? [];
      if (value !== '' && !options.includes(value))
        throw invalid(field.id, `"${value}" is not one of the choices`);
      return value;
    }
    case 'date':
      if (value !== '' && !isDate(value)) throw invalid(field.id, 'A date is written YYYY-MM-DD');
      return value;
    default:
      if (value.length > 500) throw invalid(field.id, 'A field value is at most 500 characters');
      return value.trim();
  }
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Merges submitted values into a party's fields. Every submitted id must be one of `fields`
 * (no filling another party's fields). An assistant fills only value fields (no marks). A
 * signer must leave no required field empty (a required checkbox must be ticked); signature
 * and initials fields are filled by the mark the signer signs with.
 */
export function fillFields(
  fields: readonly FieldRow[],
  submitted: readonly { id: string; value: string }[],
  as: 'signer' | 'assistant',
): FilledField[] {
  const byId = new Map(submitted.map((s) => [s.id, s.value]));
  for (const id of byId.keys())
    if (!fields.some((f) => f.id === id)) throw invalid(id, `Field ${id} is not one this link fills`);
  const filled = fields.map((field): FilledField => {
    const raw = byId.get(field.id);
    if (isMarkField(field)) {
      if (as === 'assistant' && raw !== undefined)
        throw invalid(field.id, 'Assistants do not fill signature fields');
      return {
        field,
        value: as === 'signer' ? 'signed' : null,
        image: initialsImage(field, raw),
        changed: as === 'signer',
      };
    }
    if (raw === undefined) return { field, value: field.value, changed: false };
    return { field, value: checkValue(field, raw), changed: true };
  });
  if (as === 'signer') {
    const missing = filled.filter(
      (f) =>
        f.field.required === 1 &&
        (f.value === null || f.value === '' || (f.field.field_type === 'checkbox' && f.value !== 'true')),
    );
    if (missing.length > 0)
      throw domainError(fieldErrors.FIELDS_REQUIRED, `${missing.length} required field(s) are not filled`, {
        details: { field_ids: missing.map((m) => m.field.id) },
      });
  }
  return filled;
}

/** Initials may come as their own picture (a PNG data URL); otherwise the signing mark is used. */
function initialsImage(field: FieldRow, raw: string | undefined): Uint8Array | undefined {
  if (field.field_type !== 'initials' || !raw?.startsWith('data:')) return undefined;
  try {
    return parseSignatureMark('image', raw).image;
  } catch {
    throw invalid(field.id, 'Initials are a PNG data URL');
  }
}
