import { Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../platform/db/pagination.js';

/** Request and response schemas of the webhooks routes. */

/** Owner fields shared by endpoints and inbound credentials (docs/integration.md, "Owners"). */
export const teamIdInput = Type.Optional(
  Type.Union([Type.String({ minLength: 1, maxLength: 36 }), Type.Null()], {
    description:
      'Owning team: the id of one of your teams (GET /webhooks/teams). Null or absent at creation: you. ' +
      'On a change, absent keeps the owner, null makes it yours. Another team: 403 (40356)',
  }),
);
export const ownerFields = {
  team_id: Type.Union([Type.String(), Type.Null()], {
    description: 'Owning team (a department); null: owned by the user owner_id',
  }),
  team_name: Type.Union([Type.String(), Type.Null()], { description: 'Name of the owning team' }),
};
export const ownerQuery = Type.Object({
  owner: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 36,
      description: '"me": only your own; a team id: only that team\'s (one of your teams, else 400 40019)',
    }),
  ),
});
export const teamView = Type.Object({
  id: Type.String({ description: 'Team (department) id' }),
  name: Type.String({ description: 'Team name' }),
});
export const endpointParams = Type.Object({ id: Type.String({ description: 'Endpoint id' }) });
export const deliveryParams = Type.Object({ id: Type.String({ description: 'Delivery id' }) });

export const endpointInput = Type.Object(
  {
    url: Type.String({ maxLength: 2048, description: 'https URL (http only to allow-listed hosts)' }),
    event_types: Type.Array(Type.String({ maxLength: 100 }), {
      minItems: 1,
      maxItems: 100,
      description: 'Event types from GET /webhooks/event-types',
    }),
    description: Type.Optional(
      Type.Union([Type.String({ maxLength: 500 }), Type.Null()], { description: 'Note' }),
    ),
    is_active: Type.Optional(Type.Boolean({ description: 'Deliver to it (default true)' })),
    team_id: teamIdInput,
  },
  { additionalProperties: false },
);

export const endpointView = Type.Object({
  id: Type.String({ description: 'Endpoint id' }),
  url: Type.String({ description: 'Where events are posted' }),
  description: Type.Union([Type.String(), Type.Null()], { description: 'Note' }),
  event_types: Type.Array(Type.String(), { description: 'Subscribed event types' }),
  is_active: Type.Boolean({ description: 'Deliveries go out' }),
  owner_id: Type.String({ description: "Owner (user id); for a team's endpoint, who gave it to the team" }),
  ...ownerFields,
  failing_since: Type.Union([Type.String(), Type.Null()], { description: 'Start of a failing streak' }),
  disabled_reason: Type.Union([Type.String(), Type.Null()], {
    description: 'Why it was disabled automatically',
  }),
  previous_secret_until: Type.Union([Type.String(), Type.Null()], {
    description: 'After a rotation: until then the previous secret signs too',
  }),
  created_at: Type.String({ description: 'Created' }),
  updated_at: Type.String({ description: 'Last changed' }),
});

export const endpointWithSecret = Type.Object({
  endpoint: endpointView,
  secret: Type.String({ description: 'whsec_… signing secret: shown this once, store it now' }),
});

export const listQuery = Type.Intersect([pageQuerySchema(['created_at', 'url'], 'created_at'), ownerQuery]);

export const deliveryQuery = Type.Intersect([
  pageQuerySchema(['created_at'], 'created_at'),
  Type.Object({
    status: Type.Optional(
      Type.Union(
        ['pending', 'sending', 'retrying', 'succeeded', 'dead'].map((s) => Type.Literal(s)),
        { description: 'Only deliveries in this state (dead: the dead letters)' },
      ),
    ),
    event_type: Type.Optional(Type.String({ maxLength: 100, description: 'Only this event type' })),
  }),
]);

export const deliveryView = Type.Object({
  id: Type.String({ description: 'Delivery id' }),
  endpoint_id: Type.String({ description: 'Endpoint' }),
  event_id: Type.String({ description: 'Event id (the webhook-id header)' }),
  event_type: Type.String({ description: 'Event type' }),
  status: Type.String({ description: 'pending, sending, retrying, succeeded or dead' }),
  attempts: Type.Integer({ description: 'Attempts made' }),
  next_attempt_at: Type.Union([Type.String(), Type.Null()], { description: 'Next retry' }),
  last_status: Type.Union([Type.Integer(), Type.Null()], { description: 'Last HTTP status' }),
  last_error: Type.Union([Type.String(), Type.Null()], { description: 'Last failure' }),
  created_at: Type.String({ description: 'Created' }),
  completed_at: Type.Union([Type.String(), Type.Null()], { description: 'Succeeded or given up' }),
});

export const attemptView = Type.Object({
  attempt: Type.Integer({ description: 'Attempt number' }),
  request_headers: Type.Record(Type.String(), Type.String(), {
    description: 'Headers sent (signature shortened)',
  }),
  response_status: Type.Union([Type.Integer(), Type.Null()], { description: 'HTTP status' }),
  response_excerpt: Type.Union([Type.String(), Type.Null()], { description: 'Start of the response body' }),
  error: Type.Union([Type.String(), Type.Null()], { description: 'Failure reason' }),
  duration_ms: Type.Integer({ description: 'Duration' }),
  created_at: Type.String({ description: 'When' }),
});

export const deliveryDetail = Type.Intersect([
  deliveryView,
  Type.Object({ attempts_log: Type.Array(attemptView, { description: 'Every attempt' }) }),
]);

export const replayBody = Type.Object(
  {
    from: Type.String({ format: 'date-time', description: 'Events created at or after' }),
    to: Type.String({ format: 'date-time', description: 'Events created at or before' }),
  },
  { additionalProperties: false },
);

export const eventTypeView = Type.Object({
  type: Type.String({ description: 'Event type' }),
  module: Type.String({ description: 'Module that emits it' }),
  resource_type: Type.String({ description: 'Resource in data' }),
  description: Type.String({ description: 'When it is emitted' }),
});
