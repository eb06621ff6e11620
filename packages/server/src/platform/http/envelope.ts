import { type TSchema, Type } from '@sinclair/typebox';

/**
 * The API envelope: `{code:0,message:"success",data,timestamp}` on success and
 * `{code,message,errors,timestamp}` on failure. Handlers return `ok(data)`; the route's
 * response schema (`envelope(dataSchema)`) decides exactly which fields are serialized.
 */
export function ok<T>(data: T) {
  return { code: 0 as const, message: 'success', data, timestamp: Date.now() };
}

export function envelope<T extends TSchema>(data: T) {
  return Type.Object({
    code: Type.Literal(0),
    message: Type.String(),
    data,
    timestamp: Type.Integer({ description: 'Server time, milliseconds since the epoch' }),
  });
}

export const errorEnvelope = Type.Object(
  {
    code: Type.Integer({ description: 'API error code, e.g. 40001 validation, 40401 not found' }),
    message: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), {
        description: 'Field-level problems',
      }),
    ),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    request_id: Type.Optional(Type.String()),
    timestamp: Type.Integer(),
  },
  { $id: 'ErrorResponse', title: 'ErrorResponse' },
);

/** Standard error responses to attach to a route schema (documented in OpenAPI). */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503)[]) {
  return Object.fromEntries(statuses.map((s) => [s, errorEnvelope]));
}
