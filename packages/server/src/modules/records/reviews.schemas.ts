import { type Static, Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../platform/db/pagination.js';

/** Request and response schemas of audit-trail reviews (Annex 11 §9, 21 CFR 11.10(e)). */
export const severities = ['info', 'minor', 'major', 'critical'] as const;
const severity = Type.Union(
  severities.map((s) => Type.Literal(s)),
  { description: 'info, minor, major or critical' },
);
const nullableText = (description: string) =>
  Type.Union([Type.String({ minLength: 1, maxLength: 50 }), Type.Null()], { description });

export const newReview = Type.Object(
  {
    reviewer_id: Type.String({ format: 'uuid', description: 'The user who reviews and signs off' }),
    period_from: Type.String({ format: 'date-time', description: 'Start of the period (inclusive)' }),
    period_to: Type.String({ format: 'date-time', description: 'End of the period (exclusive)' }),
    scope_module: Type.Optional(nullableText('Only the events of this module (its action prefix)')),
    scope_entity_type: Type.Optional(nullableText('Only the events of this entity type')),
  },
  { additionalProperties: false },
);
export type NewReview = Static<typeof newReview>;

export const newFinding = Type.Object(
  {
    severity,
    text: Type.String({ minLength: 1, maxLength: 2000, description: 'What was found' }),
  },
  { additionalProperties: false },
);
export type NewFinding = Static<typeof newFinding>;

export const reviewParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'Review id' }) });

export const reviewListQuery = Type.Composite([
  pageQuerySchema(['created_at', 'period_from'], 'created_at'),
  Type.Object({
    status: Type.Optional(
      Type.Union([Type.Literal('open'), Type.Literal('signed_off')], { description: 'Status' }),
    ),
    reviewer_id: Type.Optional(Type.String({ format: 'uuid', description: 'Only this reviewer’s reviews' })),
  }),
]);

const signOffView = Type.Union(
  [
    Type.Object({
      signature_id: Type.String({ description: 'The records signature' }),
      signer_name: Type.String({ description: 'Printed name of the signer' }),
      signature_mean: Type.String({ description: 'Meaning of the signature' }),
      reason: Type.Union([Type.String(), Type.Null()], { description: 'Reason given' }),
      timestamp: Type.String({ description: 'Server time of the signature' }),
    }),
    Type.Null(),
  ],
  { description: 'The sign-off signature; null while open' },
);

export const findingView = Type.Object({
  id: Type.String({ description: 'Finding id' }),
  severity,
  text: Type.String({ description: 'What was found' }),
  created_by: Type.String({ description: 'Who added it' }),
  created_at: Type.String({ description: 'When' }),
});

export const reviewView = Type.Object({
  id: Type.String({ description: 'Review id' }),
  reviewer_id: Type.String({ description: 'Reviewer' }),
  reviewer_name: Type.String({ description: 'Reviewer’s full name' }),
  period_from: Type.String({ description: 'Start of the period (inclusive)' }),
  period_to: Type.String({ description: 'End of the period (exclusive)' }),
  scope_module: Type.Union([Type.String(), Type.Null()], { description: 'Module reviewed (all: null)' }),
  scope_entity_type: Type.Union([Type.String(), Type.Null()], { description: 'Entity type (all: null)' }),
  status: Type.Union([Type.Literal('open'), Type.Literal('signed_off')], {
    description: 'open → signed_off',
  }),
  signed_off_at: Type.Union([Type.String(), Type.Null()], { description: 'When it was signed off' }),
  created_by: Type.String({ description: 'Who opened it' }),
  created_at: Type.String({ description: 'When it was opened' }),
});

export const reviewDetailView = Type.Composite([
  reviewView,
  Type.Object({ findings: Type.Array(findingView), sign_off: signOffView }),
]);
