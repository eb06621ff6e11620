import { Ajv, type ErrorObject } from 'ajv';
import formats from 'ajv-formats';

const addFormats = formats.default;

import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import type { FieldError } from '../errors.js';

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
  return ajv;
}

const bodyAjv = makeAjv(false);
const paramsAjv = makeAjv(true);

export function validatorCompiler({ schema, httpPart }: { schema: object; httpPart?: string }) {
  const ajv = httpPart === 'body' ? bodyAjv : paramsAjv;
  return ajv.compile(schema);
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
