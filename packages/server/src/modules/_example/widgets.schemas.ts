import { type Static, Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../platform/db/pagination.js';
import { widgetEvents, widgetStates } from './widgets.state.js';

/** Request and response schemas of the widget routes; every field says what it is. */
const time = (description: string) =>
  Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description });
const state = Type.Union(
  widgetStates.map((s) => Type.Literal(s)),
  { description: 'draft, submitted (waiting for review), approved, rejected' },
);
const event = Type.Union(
  widgetEvents.map((e) => Type.Literal(e)),
  { description: 'submit, withdraw (owner); approve, reject (reviewer)' },
);

export const widgetParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'Widget id' }) });

export const widgetListQuery = Type.Composite([
  pageQuerySchema(['created_at', 'name'], 'created_at'),
  Type.Object({ state: Type.Optional(state) }),
]);

export const newWidget = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: 'Name, unique per owner' }),
    description: Type.Optional(
      Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], { description: 'Free text' }),
    ),
  },
  { additionalProperties: false },
);

export const widgetCommand = Type.Object(
  {
    event,
    note: Type.Optional(
      Type.Union([Type.String({ maxLength: 1000 }), Type.Null()], { description: 'Reason' }),
    ),
  },
  { additionalProperties: false },
);

export const widgetView = Type.Object({
  id: Type.String({ description: 'Widget id' }),
  name: Type.String({ description: 'Name' }),
  description: Type.Union([Type.String(), Type.Null()], { description: 'Free text' }),
  state,
  owner_id: Type.String({ description: 'User who created it' }),
  reviewer_id: Type.Union([Type.String(), Type.Null()], { description: 'User who approved or rejected it' }),
  decision_note: Type.Union([Type.String(), Type.Null()], { description: 'Reviewer’s note' }),
  submitted_at: time('Latest submission'),
  decided_at: time('Approval or rejection'),
  created_at: Type.String({ format: 'date-time', description: 'Creation time' }),
  updated_at: Type.String({ format: 'date-time', description: 'Last change' }),
  allowed_events: Type.Array(event, { description: 'What the caller may do with it now' }),
});

export type WidgetView = Static<typeof widgetView>;
