import { Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../platform/db/pagination.js';
import { documentCategories } from './documents.tables.js';

/** Request and response schemas of the documents routes; every field described. */
export const category = Type.Union(
  documentCategories.map((c) => Type.Literal(c)),
  { description: 'contract, technical (document), drawing or other' },
);
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T, description: string) =>
  Type.Union([schema, Type.Null()], { description });
const tags = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), {
  maxItems: 20,
  description: 'Free tags',
});

export const documentParams = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Document id' }),
});
export const versionParams = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Document id' }),
  version: Type.Integer({ minimum: 1, description: 'Version number' }),
});

export const documentListQuery = Type.Intersect([
  pageQuerySchema(['created_at', 'title'], 'created_at'),
  Type.Object({
    category: Type.Optional(category),
    entity_type: Type.Optional(
      Type.String({ maxLength: 64, description: 'Owning record type, e.g. contract' }),
    ),
    entity_id: Type.Optional(Type.String({ maxLength: 64, description: 'Owning record id' })),
    contract_number: Type.Optional(
      Type.String({ maxLength: 100, description: 'Contract number the files are filed under' }),
    ),
    owner_id: Type.Optional(Type.String({ format: 'uuid', description: 'Who filed them' })),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the title' })),
    trashed: Type.Optional(Type.Boolean({ default: false, description: 'List the trash instead' })),
    legal_hold: Type.Optional(Type.Boolean({ description: 'Only documents under legal hold' })),
  }),
]);

/** The metadata of an upload, sent as multipart fields before the file part. */
export const uploadFields = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300, description: 'Title (default: the file name)' }),
    category,
    tags,
    entity_type: Type.String({
      minLength: 1,
      maxLength: 64,
      pattern: '^[a-z][a-z0-9_.-]*$',
      description: 'Owning record type',
    }),
    entity_id: Type.String({ minLength: 1, maxLength: 64, description: 'Owning record id' }),
    contract_number: nullable(
      Type.String({ minLength: 1, maxLength: 100 }),
      'Contract number, when filed under one',
    ),
    note: nullable(Type.String({ maxLength: 1000 }), 'Note kept with the version'),
  },
  { additionalProperties: false },
);

const changeReason = Type.String({
  maxLength: 1000,
  description:
    'Why (recorded in the audit event); required when the category makes the document a regulated record (40020)',
});

export const metadataPatch = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'Title' })),
    category: Type.Optional(category),
    tags: Type.Optional(tags),
    contract_number: Type.Optional(
      nullable(Type.String({ minLength: 1, maxLength: 100 }), 'Contract number'),
    ),
    reason: Type.Optional(changeReason),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** Trashing (`?reason=`): required when the category makes the document a regulated record. */
export const trashQuery = Type.Object(
  { reason: Type.Optional(changeReason) },
  { additionalProperties: false },
);

export const holdBody = Type.Object(
  {
    reason: nullable(
      Type.String({ minLength: 1, maxLength: 500 }),
      'Why the document is held; null releases the hold',
    ),
  },
  { additionalProperties: false },
);

export const retentionBody = Type.Object(
  {
    keep_years: Type.Integer({
      minimum: 0,
      maximum: 100,
      description: 'Years a document is kept after filing (0: no retention)',
    }),
    worm: Type.Boolean({ description: 'No delete or overwrite while retained, for every role' }),
    watermark: Type.Optional(
      Type.Boolean({
        description:
          'Previews and downloads carry the viewer’s name, time and IP on every page (absent: unchanged)',
      }),
    ),
    reason_required: Type.Optional(
      Type.Boolean({
        description:
          'Documents of the category are regulated records: a change or trashing needs a reason (absent: unchanged)',
      }),
    ),
    note: Type.Optional(nullable(Type.String({ maxLength: 500 }), 'Why')),
  },
  { additionalProperties: false },
);
export const categoryParams = Type.Object({ category });

const metadataView = Type.Object({
  title: Type.String({ description: 'Title' }),
  category,
  tags,
  contract_number: nullable(Type.String(), 'Contract number'),
});

export const versionView = Type.Object({
  version: Type.Integer({ description: 'Version number, from 1' }),
  sha256: Type.String({ description: 'SHA-256 of the bytes (checked on every read)' }),
  size: Type.Integer({ description: 'Bytes' }),
  file_name: Type.String({ description: 'File name as uploaded' }),
  media_type: Type.String({ description: 'Type decided from the content' }),
  kind: Type.String({ description: 'pdf, docx, xlsx, pptx, odt, png, jpeg, …' }),
  inert: Type.Boolean({ description: 'Macro-enabled: kept, never converted or previewed' }),
  previewable: Type.Boolean({ description: 'A preview can be shown in the browser' }),
  metadata: metadataView,
  note: nullable(Type.String(), 'Note given with the version'),
  restored_from: nullable(Type.Integer(), 'The version this one restored'),
  created_by: Type.String({ description: 'Who added it' }),
  created_at: Type.String({ format: 'date-time', description: 'When' }),
});

export const documentView = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Document id' }),
  title: Type.String({ description: 'Title' }),
  category,
  tags,
  entity_type: Type.String({ description: 'Owning record type' }),
  entity_id: Type.String({ description: 'Owning record id' }),
  contract_number: nullable(Type.String(), 'Contract number'),
  owner_id: Type.String({ description: 'Who filed it' }),
  current_version: Type.Integer({ description: 'Latest version number' }),
  state: Type.Union([Type.Literal('active'), Type.Literal('trashed')], { description: 'active or trashed' }),
  retain_until: nullable(Type.String({ format: 'date-time' }), 'Kept at least until'),
  worm: Type.Boolean({ description: 'Write once: no delete or overwrite while retained' }),
  legal_hold: Type.Boolean({ description: 'Under legal hold' }),
  legal_hold_reason: nullable(Type.String(), 'Why it is held'),
  trashed_at: nullable(Type.String({ format: 'date-time' }), 'When it went to the trash'),
  created_at: Type.String({ format: 'date-time', description: 'Filed at' }),
  updated_at: Type.String({ format: 'date-time', description: 'Last change' }),
  allowed_actions: Type.Array(Type.String(), {
    description: 'What the caller may do now: upload, edit, trash, restore, hold',
  }),
});

export const documentWithVersion = Type.Object({
  document: documentView,
  version: versionView,
});

export const retentionView = Type.Object({
  category,
  keep_years: Type.Integer({ description: 'Years kept' }),
  worm: Type.Boolean({ description: 'WORM' }),
  watermark: Type.Boolean({ description: 'Viewer watermark on previews and downloads' }),
  reason_required: Type.Boolean({ description: 'A change or trashing of its documents needs a reason' }),
  updated_at: Type.String({ format: 'date-time', description: 'Last change' }),
});
