import { type Static, Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../platform/db/pagination.js';
import { meaningField } from '../profiles/index.js';
import { sealEvents, sealStatuses } from './seals.state.js';

/** Request and response schemas of the seals routes. */
const lit = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T, description: string) =>
  Type.Union([t, Type.Null()], { description });
const status = lit(sealStatuses, 'active, suspended, retired');
const sealType = lit(
  ['company', 'contract', 'finance', 'legal_rep', 'personal', 'custom'] as const,
  'company 公章, contract 合同专用章, finance 财务专用章, legal_rep 法定代表人章, personal name seal, custom',
);

export const sealDesign = Type.Object(
  {
    shape: lit(['round', 'oval', 'square'] as const, 'round (organisation), oval, square (name seals)'),
    title: Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'Organisation name along the upper arc, or the name of a square seal',
    }),
    purpose: Type.Optional(
      Type.String({ maxLength: 40, description: 'Text along the bottom (合同专用章 …)' }),
    ),
    star: Type.Optional(Type.Boolean({ description: 'Five-pointed star in the centre' })),
  },
  { additionalProperties: false, description: 'A generated seal drawing' },
);

export const idParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'Id' }) });

export const sealListQuery = Type.Composite([
  pageQuerySchema(['created_at', 'name'], 'created_at'),
  Type.Object({
    status: Type.Optional(status),
    organisation: Type.Optional(Type.String({ maxLength: 200, description: 'Only this organisation' })),
  }),
]);

/** Base64 of at most 2 MB of bytes. */
const imageBase64 = Type.String({
  maxLength: 2_800_000,
  description:
    'PNG or JPEG scan of the seal, base64 (≤ 2 MB, ≤ 2000 px a side, type told by content); near-white becomes transparent and the seal is stored as PNG',
});

export const newSeal = Type.Object(
  {
    organisation: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Organisation the seal belongs to',
    }),
    seal_type: sealType,
    name: Type.String({ minLength: 1, maxLength: 200, description: 'Seal name, unique per organisation' }),
    size_pt: Type.Optional(
      Type.Integer({ minimum: 20, maximum: 300, description: 'Width on the page in points' }),
    ),
    design: Type.Optional(sealDesign),
    image_base64: Type.Optional(imageBase64),
    certificate_id: Type.Optional(
      nullable(Type.String({ format: 'uuid' }), 'Organisation certificate (keys module)'),
    ),
  },
  { additionalProperties: false },
);

export const sealImageBody = Type.Object(
  { design: Type.Optional(sealDesign), image_base64: Type.Optional(imageBase64) },
  { additionalProperties: false },
);

export const sealCommand = Type.Object(
  {
    event: lit(sealEvents, 'suspend, reactivate, retire'),
    note: Type.Optional(nullable(Type.String({ maxLength: 1000 }), 'Reason')),
  },
  { additionalProperties: false },
);

export const sealView = Type.Object({
  id: Type.String({ description: 'Seal id' }),
  organisation: Type.String({ description: 'Organisation' }),
  seal_type: sealType,
  name: Type.String({ description: 'Name' }),
  status,
  source: lit(['generated', 'uploaded'] as const, 'generated from a design, or an uploaded scan'),
  design: nullable(sealDesign, 'The design of a generated seal'),
  size_pt: Type.Integer({ description: 'Width on the page in points' }),
  certificate_id: nullable(Type.String(), 'Organisation certificate'),
  preview_svg: nullable(Type.String(), 'SVG preview of a generated seal'),
  image_png_base64: nullable(Type.String(), 'The transparent PNG of an uploaded seal'),
  created_at: Type.String({ format: 'date-time', description: 'Registered' }),
  updated_at: Type.String({ format: 'date-time', description: 'Last change' }),
});
export type SealView = Static<typeof sealView>;

export const previewBody = Type.Object({ design: sealDesign }, { additionalProperties: false });
export const previewView = Type.Object({ svg: Type.String({ description: 'SVG of the seal' }) });

export const newAuthorisation = Type.Object(
  {
    subject_type: lit(
      ['user', 'role', 'department'] as const,
      'Who: a user, everyone with a role, or a department',
    ),
    subject_id: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'User id, role code or department id',
    }),
    categories: Type.Optional(
      Type.Array(Type.String({ maxLength: 50 }), {
        maxItems: 50,
        description: 'Document categories; empty: all',
      }),
    ),
    valid_from: Type.String({ format: 'date-time', description: 'Start of the validity window' }),
    valid_until: Type.String({ format: 'date-time', description: 'End of the validity window (exclusive)' }),
    requires_approval: Type.Optional(
      Type.Boolean({ description: 'Each use needs an approved seal-use request' }),
    ),
    workflow_definition_id: Type.Optional(nullable(Type.String(), 'Workflow definition of the approval')),
  },
  { additionalProperties: false },
);

export const authorisationView = Type.Object({
  id: Type.String({ description: 'Authorisation id' }),
  seal_id: Type.String({ description: 'Seal' }),
  subject_type: Type.String({ description: 'user, role or department' }),
  subject_id: Type.String({ description: 'User id, role code or department id' }),
  categories: Type.Array(Type.String(), { description: 'Document categories; empty: all' }),
  valid_from: Type.String({ description: 'Validity start' }),
  valid_until: Type.String({ description: 'Validity end' }),
  requires_approval: Type.Boolean({ description: 'Needs 用印审批' }),
  revoked_at: nullable(Type.String(), 'When revoked'),
  created_at: Type.String({ description: 'Granted' }),
});

export const listBySeal = Type.Composite([
  pageQuerySchema(['created_at'], 'created_at'),
  Type.Object({
    seal_id: Type.Optional(Type.String({ format: 'uuid', description: 'Only this seal' })),
    document_id: Type.Optional(Type.String({ format: 'uuid', description: 'Only this document' })),
    user_id: Type.Optional(Type.String({ format: 'uuid', description: 'Only this user' })),
  }),
]);

const crossPageFlag = Type.Optional(
  Type.Boolean({
    description:
      'Also the cross-page seal (骑缝章) over every page edge, in the same signature: one use, one approval',
  }),
);

export const applyBody = Type.Object(
  {
    document_id: Type.String({ format: 'uuid', description: 'Document whose current version is sealed' }),
    placement: Type.Union(
      [
        Type.Object(
          {
            mode: Type.Literal('coordinates'),
            page: Type.Integer({ minimum: 1, description: 'Page (1-based)' }),
            x: Type.Number({ description: 'Left, in points from the lower-left corner' }),
            y: Type.Number({ description: 'Bottom, in points' }),
            cross_page: crossPageFlag,
          },
          { additionalProperties: false },
        ),
        Type.Object(
          {
            mode: Type.Literal('keyword'),
            keyword: Type.String({
              minLength: 1,
              maxLength: 100,
              description: 'Text to seal over, e.g. 甲方（盖章）',
            }),
            occurrence: lit(['all', 'last'] as const, 'Every occurrence or the last'),
            cross_page: crossPageFlag,
          },
          { additionalProperties: false },
        ),
        Type.Object(
          {
            mode: Type.Literal('cross_page'),
            pages: Type.Optional(
              Type.Integer({ minimum: 2, description: 'The first N pages (default: all)' }),
            ),
            y: Type.Optional(
              Type.Number({ description: 'Bottom of the seal, in points (default: centred)' }),
            ),
          },
          { additionalProperties: false },
        ),
      ],
      { description: 'Where the seal goes' },
    ),
    approval_id: Type.Optional(nullable(Type.String({ format: 'uuid' }), 'Approved seal-use request')),
    meaning: meaningField,
  },
  { additionalProperties: false },
);

export const useView = Type.Object({
  id: Type.String({ description: 'Log entry id' }),
  seal_id: Type.String({ description: 'Seal' }),
  user_id: nullable(Type.String(), 'Who applied it'),
  actor_name: Type.String({ description: 'Who, as shown' }),
  document_id: Type.String({ description: 'Document' }),
  document_version: Type.Integer({ description: 'Version that was sealed' }),
  sealed_version: Type.Integer({ description: 'The new version with the seal' }),
  placement: Type.String({
    description: 'coordinates, keyword or cross_page; keyword_cross / coord_cross: with the cross-page seal',
  }),
  pages: Type.Array(Type.Integer(), { description: 'Pages that show the seal' }),
  authorisation_id: nullable(Type.String(), 'Authorisation used'),
  approval_id: nullable(Type.String(), 'Approval (用印审批) used'),
  signed_sha256: Type.String({ description: 'SHA-256 of the sealed PDF' }),
  created_at: Type.String({ description: 'When' }),
});

/** The most documents one batch request or batch apply may name. */
export const BATCH_LIMIT = 200;

export const newUseRequest = Type.Object(
  {
    document_id: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'Document whose current version is to be sealed (or document_ids)',
      }),
    ),
    document_ids: Type.Optional(
      Type.Array(Type.String({ format: 'uuid' }), {
        minItems: 1,
        maxItems: BATCH_LIMIT,
        uniqueItems: true,
        description: 'Batch sealing: several documents, each at its current version, under one approval',
      }),
    ),
  },
  { additionalProperties: false },
);

export const useRequestView = Type.Object({
  id: Type.String({ description: 'Seal-use request id' }),
  seal_id: Type.String({ description: 'Seal' }),
  authorisation_id: Type.String({ description: 'Authorisation that requires the approval' }),
  document_id: Type.String({ description: 'Document' }),
  document_version: Type.Integer({ description: 'The version the approval is for' }),
  approval_id: Type.String({
    description: 'The workflow approval; pass it as approval_id to apply the seal once',
  }),
  document_count: Type.Integer({ description: 'How many documents the approval covers' }),
  documents: Type.Array(
    Type.Object({
      document_id: Type.String({ description: 'Document' }),
      document_version: Type.Integer({ description: 'The version the approval is for' }),
    }),
    { description: 'Every document of the request, in order (one for a single-document request)' },
  ),
  status: Type.String({ description: 'running, approved, rejected, withdrawn or returned' }),
  created_at: Type.String({ description: 'Requested' }),
});

export const usableQuery = Type.Object({
  category: Type.Optional(
    Type.String({ maxLength: 100, description: 'Only seals authorised for this document category' }),
  ),
});

export const usableView = Type.Object({
  items: Type.Array(
    Type.Object({
      seal: sealView,
      authorisation_id: Type.String({ description: 'The authorisation that allows the use' }),
      requires_approval: Type.Boolean({ description: 'A seal-use approval (用印审批) is needed first' }),
      categories: Type.Array(Type.String(), { description: 'Document categories (empty: all)' }),
      valid_until: Type.String({ description: 'End of the authorisation' }),
    }),
  ),
});
