import { Type } from '@sinclair/typebox';

/**
 * Fields placed per signer (issue 15 item 3): in percent of the page, origin top-left, the
 * unit the sender's placer and the signer page both use.
 */
export const fieldTypes = ['signature', 'initials', 'name', 'date', 'text', 'checkbox', 'dropdown'] as const;
const fieldType = Type.Union(
  fieldTypes.map((t) => Type.Literal(t)),
  { description: 'signature and initials take the signer’s mark; the others a value' },
);
const percent = (description: string) => Type.Number({ minimum: 0, maximum: 100, description });

export const newField = Type.Object(
  {
    signer_index: Type.Integer({
      minimum: 0,
      maximum: 49,
      description: 'Position of the signer in this request’s `signers` array (from 0)',
    }),
    field_type: fieldType,
    document_id: Type.Optional(
      Type.Union([Type.String({ maxLength: 64 }), Type.Null()], {
        description: 'Document the field is on (default: the first document)',
      }),
    ),
    page: Type.Integer({ minimum: 1, maximum: 100_000, description: 'Page, from 1' }),
    x: percent('Left edge, % of page width'),
    y: percent('Top edge, % of page height'),
    width: Type.Number({ exclusiveMinimum: 0, maximum: 100, description: '% of page width' }),
    height: Type.Number({ exclusiveMinimum: 0, maximum: 100, description: '% of page height' }),
    required: Type.Optional(Type.Boolean({ description: 'Must be filled to sign (default true)' })),
    label: Type.Optional(
      Type.Union([Type.String({ maxLength: 200 }), Type.Null()], { description: 'Label' }),
    ),
    options: Type.Optional(
      Type.Union(
        [
          Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 50 }),
          Type.Null(),
        ],
        { description: 'Choices of a dropdown (required for dropdown, refused otherwise)' },
      ),
    ),
  },
  { additionalProperties: false },
);
export const newFields = Type.Array(newField, { maxItems: 500, description: 'Fields placed per signer' });

export const fieldView = Type.Object({
  id: Type.String(),
  signer_id: Type.String(),
  field_type: fieldType,
  document_id: Type.String(),
  page: Type.Integer(),
  x: Type.Number(),
  y: Type.Number(),
  width: Type.Number(),
  height: Type.Number(),
  required: Type.Boolean(),
  label: Type.Union([Type.String(), Type.Null()]),
  options: Type.Union([Type.Array(Type.String()), Type.Null()]),
  value: Type.Union([Type.String(), Type.Null()], {
    description: 'The value filled (pre-filled by an assistant, or the signer’s); marks show as "signed"',
  }),
  filled_at: Type.Union([Type.String(), Type.Null()]),
});

export const fieldValues = Type.Array(
  Type.Object(
    {
      id: Type.String({ maxLength: 64, description: 'Field id (from the signing page)' }),
      value: Type.String({
        maxLength: 600_000,
        description: 'Text, YYYY-MM-DD, true/false, a choice, or a PNG data URL for initials',
      }),
    },
    { additionalProperties: false },
  ),
  { maxItems: 500, description: 'Values of the signer’s own fields' },
);

export const fillBody = Type.Object(
  {
    token: Type.Optional(Type.String({ maxLength: 200, description: 'The assistant’s link token' })),
    fields: fieldValues,
  },
  { additionalProperties: false },
);

export const signaturePlacement = Type.Object(
  {
    document_id: Type.Optional(Type.String({ maxLength: 64, description: 'Default: the first document' })),
    page: Type.Integer({ minimum: 1, maximum: 100_000 }),
    x: percent('Left edge, % of page width'),
    y: percent('Top edge, % of page height'),
    width: Type.Number({ minimum: 5, maximum: 100, description: '% of page width' }),
    height: Type.Number({ minimum: 2, maximum: 100, description: '% of page height' }),
  },
  {
    additionalProperties: false,
    description: 'Where the signer puts their signature when the sender placed no signature field for them',
  },
);
