import { Type } from '@sinclair/typebox';
import { applyBody, BATCH_LIMIT } from './seals.schemas.js';

/** Schemas of batch sealing: many documents, one placement, one seal-use approval. */
export const batchApplyBody = Type.Object(
  {
    document_ids: Type.Array(Type.String({ format: 'uuid' }), {
      minItems: 1,
      maxItems: BATCH_LIMIT,
      uniqueItems: true,
      description: 'The documents to seal, each at its current version',
    }),
    placement: applyBody.properties.placement,
    approval_id: applyBody.properties.approval_id,
    meaning: applyBody.properties.meaning,
  },
  { additionalProperties: false },
);

const nullable = <T extends ReturnType<typeof Type.String | typeof Type.Integer>>(
  t: T,
  description: string,
) => Type.Union([t, Type.Null()], { description });

export const batchResultView = Type.Object({
  approval_id: nullable(Type.String(), 'The seal-use approval the batch used'),
  sealed: Type.Integer({ description: 'Documents sealed by this call' }),
  already_sealed: Type.Integer({ description: 'Documents this approval had already sealed (a retry)' }),
  refused: Type.Integer({ description: 'Documents refused' }),
  results: Type.Array(
    Type.Object({
      document_id: Type.String({ description: 'Document' }),
      outcome: Type.Union([Type.Literal('sealed'), Type.Literal('already_sealed'), Type.Literal('refused')], {
        description: 'sealed now; already_sealed by an earlier call with this approval; refused',
      }),
      code: nullable(Type.Integer(), 'Why it was refused or already sealed (the API error code)'),
      message: nullable(Type.String(), 'The reason, in words'),
      use_id: nullable(Type.String(), 'The seal-use log entry (sealed or already sealed)'),
      sealed_version: nullable(Type.Integer(), 'The new version with the seal'),
    }),
    { description: 'One outcome per document, in the order asked' },
  ),
});
