import { Ajv, type ErrorObject } from 'ajv';
import formats from 'ajv-formats';

const addFormats = formats.default;

import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import type { FieldError } from '../errors.js';
import { displayNamePattern } from './text-schemas.js';

/**
 * Two validators: bodies are validated strictly (no type coercion, unknown fields are an
 * error, never silently dropped), while query strings and path parameters coerce their
 * text into the declared types and fill defaults.
 */
function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: true,
    strict: false,
  });
  addFormats(ajv);
  ajv.addFormat('display-name', displayNamePattern);
  return ajv;
}

const bodyAjv = makeAjv(false);
const paramsAjv = makeAjv(true);

/** Matches an unpaired UTF-16 surrogate only (the `u` flag treats a valid pair as one code point). */
const loneSurrogate = /[\uD800-\uDFFF]/u;

/**
 * The JSON pointer of the first string (value or key) holding a lone surrogate, or null.
 * Such text is not Unicode: it cannot be stored, hashed or canonically encoded, so it is
 * refused at the schema boundary instead of failing deep inside a service.
 */
export function malformedTextAt(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return loneSurrogate.test(value) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}/${key}`;
    if (loneSurrogate.test(key)) return path;
    const found = malformedTextAt(child, childPath);
    if (found !== null) return found;
  }
  return null;
}

/** Ajv's verdict plus the well-formed-Unicode rule, for every part of every request. */
export function validatorCompiler({ schema, httpPart }: { schema: object; httpPart?: string }) {
  const validate = (httpPart === 'body' ? bodyAjv : paramsAjv).compile(schema);
  const checked = (data: unknown): boolean => {
    const valid = validate(data);
    const malformed = valid ? malformedTextAt(data) : null;
    checked.errors = malformed === null ? validate.errors : [unicodeError(malformed)];
    return valid && malformed === null;
  };
  checked.errors = null as ErrorObject[] | null | undefined;
  return checked;
}

function unicodeError(instancePath: string): ErrorObject {
  return {
    keyword: 'wellFormedUnicode',
    instancePath,
    schemaPath: '#',
    params: {},
    message: 'is not valid Unicode text (it contains a lone surrogate)',
  };
}

/** Whether a request failed validation because of invalid Unicode (a credential route counts it). */
export function isInvalidUnicode(error: { validation?: { keyword: string }[] }): boolean {
  return error.validation?.some((e) => e.keyword === 'wellFormedUnicode') ?? false;
}

/** Turns Ajv errors into the API's field errors (`{field, message}`), named by JSON path. */
export function toFieldErrors(
  errors: (FastifySchemaValidationError | ErrorObject)[],
  context: string | undefined,
): FieldError[] {
  return errors.map((e) => {
    const params = e.params as Record<string, unknown>;
    const path = (e as ErrorObject).instancePath ?? '';
    let field = path.replace(/^\//, '').replaceAll('/', '.');
    if (e.keyword === 'required') field = joinField(field, String(params.missingProperty));
    if (e.keyword === 'additionalProperties') field = joinField(field, String(params.additionalProperty));
    const message =
      e.keyword === 'additionalProperties' ? 'is not an allowed field' : (e.message ?? 'is invalid');
    return { field: field || context || 'body', message };
  });
}

function joinField(base: string, name: string): string {
  return base ? `${base}.${name}` : name;
}
