import { type Static, Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../platform/db/pagination.js';

/** Request and response schemas of templates and batches, every field described. */
const variableType = Type.Union(
  [
    Type.Literal('text'),
    Type.Literal('number'),
    Type.Literal('date'),
    Type.Literal('boolean'),
    Type.Literal('image'),
    Type.Literal('list'),
  ],
  {
    description:
      'text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows)',
  },
);

const variableCore = {
  name: Type.String({ description: 'The tag name in the DOCX' }),
  label: Type.String({ maxLength: 200, description: 'What people see in forms and column mappings' }),
  type: variableType,
  required: Type.Boolean({ description: 'A row without a value is refused' }),
  sample: Type.Optional(Type.Unknown({ description: 'Value used by the sample preview' })),
};

export const variableSchema = Type.Object({
  ...variableCore,
  fields: Type.Optional(
    Type.Array(Type.Object(variableCore), { description: 'The fields of one row of a list' }),
  ),
});

export const variableChange = Type.Object({
  name: Type.String({ description: 'Variable name' }),
  change: Type.Union(
    ['added', 'removed', 'type_changed', 'fields_changed'].map((value) => Type.Literal(value)),
    {
      description: 'What changed from the previous version',
    },
  ),
  from: Type.Optional(variableType),
  to: Type.Optional(variableType),
});

export const templateParams = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Template id' }),
});
export const versionParams = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Template id' }),
  version: Type.Integer({ minimum: 1, description: 'Version number' }),
});
export const batchParams = Type.Object({ batchId: Type.String({ format: 'uuid', description: 'Batch id' }) });
export const templateListQuery = pageQuerySchema(['created_at', 'name', 'updated_at'] as const, 'updated_at');

export const versionView = Type.Object({
  version: Type.Integer({ description: 'Version number, from 1' }),
  sha256: Type.String({ description: 'SHA-256 of the DOCX' }),
  file_name: Type.String({ description: 'Uploaded file name' }),
  size: Type.Integer({ description: 'Bytes' }),
  note: Type.Union([Type.String(), Type.Null()], { description: 'What changed, as the uploader said' }),
  variables: Type.Array(variableSchema, { description: 'The variable schema' }),
  created_at: Type.String({ description: 'Uploaded at (UTC)' }),
});

export const templateView = Type.Object({
  id: Type.String({ description: 'Template id' }),
  name: Type.String({ description: 'Unique name' }),
  description: Type.Union([Type.String(), Type.Null()], { description: 'Description' }),
  latest_version: Type.Integer({ description: 'Newest version number' }),
  created_at: Type.String({ description: 'Created at (UTC)' }),
  updated_at: Type.String({ description: 'Last version or edit (UTC)' }),
});

export const templateDetail = Type.Object({
  template: templateView,
  version: versionView,
  changes: Type.Array(variableChange, { description: 'Variable diff against the previous version' }),
});

export const schemaEdit = Type.Object(
  {
    variables: Type.Array(variableSchema, {
      maxItems: 500,
      description: 'Edited variables (names must exist)',
    }),
  },
  { additionalProperties: false },
);

const entityTypeName = Type.String({
  pattern: '^[a-z][a-z0-9_]{0,63}$',
  description: 'Entity type of a record data provider (GET /document-templates/record-sources)',
});
const sourceMapping = Type.Optional(
  Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: 200 }), {
    description: 'variable → record field; variables not named take the field of their own name',
  }),
);

/** Fill from one record of another module (a preview or a single document). */
export const recordSourceOne = Type.Object(
  {
    entity_type: entityTypeName,
    entity_id: Type.String({ minLength: 1, maxLength: 200, description: 'The record' }),
    mapping: sourceMapping,
  },
  { additionalProperties: false, description: 'Fill from this record; values in `data` win' },
);

/** Fill each row from a record: the row's `source_id` names it. */
export const recordSourceMany = Type.Object(
  { entity_type: entityTypeName, mapping: sourceMapping },
  {
    additionalProperties: false,
    description: 'Fill each row from the record its `source_id` names; values in the row win',
  },
);

export const recordSourceParams = Type.Object({
  entityType: entityTypeName,
  entityId: Type.String({ minLength: 1, maxLength: 200, description: 'Record id' }),
});

export const recordSourceView = Type.Object({
  entity_type: Type.String({ description: 'Entity type' }),
  description: Type.String({ description: 'What the records are' }),
  fields: Type.Array(
    Type.Object({
      name: Type.String({ description: 'Field (a variable of the same name takes it)' }),
      label: Type.String({ description: 'Label' }),
      type: Type.String({ description: 'text, number, date or boolean' }),
    }),
    { description: 'The fields a record lends' },
  ),
});

export const recordDataView = Type.Object({
  entity_type: Type.String({ description: 'Entity type' }),
  entity_id: Type.String({ description: 'Record id' }),
  data: Type.Record(Type.String(), Type.Unknown(), { description: 'The record’s fields' }),
});

export const previewBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'Default: the latest' })),
    source: Type.Optional(recordSourceOne),
    data: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'Default: the sample values' }),
    ),
  },
  { additionalProperties: false },
);

export const batchBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'Default: the latest' })),
    rows: Type.Array(Type.Record(Type.String(), Type.Unknown()), {
      minItems: 1,
      maxItems: 10_000,
      description: 'One object per document: variable values, optional file_name and entity_id',
    }),
    output: Type.Union([Type.Literal('pdf'), Type.Literal('docx')], {
      default: 'pdf',
      description: 'Result format',
    }),
    entity_type: Type.Optional(
      Type.String({
        pattern: '^[a-z][a-z0-9_]{0,63}$',
        description: 'File each result on this record type (row entity_id)',
      }),
    ),
    source: Type.Optional(recordSourceMany),
  },
  { additionalProperties: false },
);

export const batchView = Type.Object({
  id: Type.String({ description: 'Batch id' }),
  template_id: Type.String({ description: 'Template' }),
  template_version: Type.Integer({ description: 'Template version used' }),
  status: Type.String({ description: 'queued, running, completed, cancelled or failed' }),
  output: Type.String({ description: 'pdf or docx' }),
  entity_type: Type.Union([Type.String(), Type.Null()], { description: 'Record type results are filed on' }),
  source: Type.Object(
    {
      kind: Type.Union([Type.String(), Type.Null()], {
        description: 'json, csv or xlsx (null: older batch)',
      }),
      file_name: Type.Union([Type.String(), Type.Null()], { description: 'The uploaded CSV/XLSX' }),
      entity_type: Type.Union([Type.String(), Type.Null()], {
        description: 'Record type the rows were filled from',
      }),
    },
    { description: 'Where the batch’s data came from' },
  ),
  total: Type.Integer({ description: 'Rows' }),
  done: Type.Integer({ description: 'Rows generated' }),
  failed: Type.Integer({ description: 'Rows that failed' }),
  remaining: Type.Integer({ description: 'Rows still to do' }),
  has_zip: Type.Boolean({ description: 'A ZIP of the results can be downloaded' }),
  created_at: Type.String({ description: 'Queued at (UTC)' }),
  finished_at: Type.Union([Type.String(), Type.Null()], { description: 'Finished at (UTC)' }),
  rows: Type.Optional(
    Type.Array(
      Type.Object({
        row_index: Type.Integer({ description: '1-based row number' }),
        status: Type.String({ description: 'pending, done, failed or cancelled' }),
        file_name: Type.String({ description: 'Result file name' }),
        entity_id: Type.Union([Type.String(), Type.Null()], { description: 'Record the result is filed on' }),
        source_record_id: Type.Union([Type.String(), Type.Null()], {
          description: 'Record the row was filled from',
        }),
        document_id: Type.Union([Type.String(), Type.Null()], { description: 'Filed document' }),
        error: Type.Union([Type.String(), Type.Null()], { description: 'Why the row failed' }),
      }),
      { description: 'Per-row state' },
    ),
  ),
});

export type VariableView = Static<typeof variableSchema>;
export type BatchView = Static<typeof batchView>;
