import { ImageValueError, imageFromDataUrl } from './template-images.js';
import type { TemplateVariable } from './template-variables.js';

/**
 * Checks rows of data against a template's variable schema before anything is generated,
 * and turns them into what docxtemplater needs (numbers as text, booleans as booleans,
 * lists as arrays). Every problem of every row is reported at once.
 */
export interface RowError {
  /** 1-based row number as the user sees it (the first data row of a sheet is 1). */
  row: number;
  field: string;
  message: string;
}

const truthy = new Set(['true', '1', 'yes', 'y', 'on', '是', 'כן', 'x', '✓']);
const falsy = new Set(['false', '0', 'no', 'n', 'off', '否', 'לא', '']);

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function convertValue(variable: TemplateVariable, value: unknown, path: string, errors: string[][]): unknown {
  const fail = (message: string) => {
    errors.push([path, message]);
    return undefined;
  };
  switch (variable.type) {
    case 'text':
      return typeof value === 'object' ? fail('must be text') : String(value);
    case 'number': {
      const number = typeof value === 'number' ? value : Number(String(value).replace(/,/g, '').trim());
      return Number.isFinite(number) ? String(value).trim() : fail('must be a number');
    }
    case 'date': {
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
      return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text))
        ? text
        : fail('must be a date (YYYY-MM-DD)');
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const text = String(value).trim().toLowerCase();
      if (truthy.has(text)) return true;
      if (falsy.has(text)) return false;
      return fail('must be yes or no (true/false)');
    }
    case 'image':
      try {
        imageFromDataUrl(String(value));
        return String(value);
      } catch (error) {
        return fail(error instanceof ImageValueError ? error.message : 'must be an image');
      }
    case 'list':
      return convertList(variable, value, path, errors);
  }
}

function convertList(variable: TemplateVariable, value: unknown, path: string, errors: string[][]): unknown {
  let list = value;
  // a CSV or XLSX cell can carry a list as JSON text
  if (typeof list === 'string' && list.trim().startsWith('[')) {
    try {
      list = JSON.parse(list);
    } catch {
      errors.push([path, 'must be a list (the JSON text does not parse)']);
      return undefined;
    }
  }
  if (!Array.isArray(list)) {
    errors.push([path, 'must be a list of rows']);
    return undefined;
  }
  return list.map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push([`${path}[${index}]`, 'must be an object with the row’s fields']);
      return {};
    }
    return convertObject(
      variable.fields ?? [],
      item as Record<string, unknown>,
      `${path}[${index}].`,
      errors,
    );
  });
}

function convertObject(
  variables: TemplateVariable[],
  data: Record<string, unknown>,
  prefix: string,
  errors: string[][],
): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const variable of variables) {
    const value = Object.hasOwn(data, variable.name) ? data[variable.name] : undefined;
    const path = `${prefix}${variable.name}`;
    if (isBlank(value)) {
      if (variable.required && variable.type !== 'boolean') errors.push([path, 'is required']);
      out[variable.name] = variable.type === 'boolean' ? false : variable.type === 'list' ? [] : '';
      continue;
    }
    out[variable.name] = convertValue(variable, value, path, errors);
  }
  return out;
}

/** Validates every row; the data is usable only when `errors` is empty. */
export function validateRows(
  variables: TemplateVariable[],
  rows: readonly Record<string, unknown>[],
): { rows: Record<string, unknown>[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const converted = rows.map((row, index) => {
    const rowErrors: string[][] = [];
    const out = convertObject(variables, row, '', rowErrors);
    for (const [field, message] of rowErrors)
      errors.push({ row: index + 1, field: field as string, message: message as string });
    return out;
  });
  return { rows: converted, errors };
}

/** The sample values of a schema as one row (for the preview). */
export function sampleRow(variables: TemplateVariable[]): Record<string, unknown> {
  return Object.fromEntries(
    variables
      .filter((variable) => variable.sample !== undefined)
      .map((variable) => [variable.name, variable.sample]),
  );
}
