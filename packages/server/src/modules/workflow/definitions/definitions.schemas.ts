import { type Static, Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../../platform/db/pagination.js';
import { nodeTypes } from './definition-model.js';

/**
 * Request and response schemas of the definition routes. The node tree is checked here
 * for its outer shape (each node an object with an id and a known type); the deep rules
 * (branches, approver rules, reachability) are the validator's, which answers with every
 * problem and its node id at once (40053) instead of the first schema mismatch.
 */
const status = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')], {
  description: 'draft (editable), published (approvals start from it), archived',
});

const formField = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 64, description: 'Field key (form_data property)' }),
    label: Type.String({ minLength: 1, maxLength: 200, description: 'Label shown on the form' }),
    type: Type.Union(
      ['text', 'number', 'date', 'select', 'boolean', 'user'].map((t) => Type.Literal(t)),
      { description: 'Field type; user holds a user id (for form_field approver rules)' },
    ),
    required: Type.Optional(Type.Boolean({ description: 'Must be filled at start' })),
    options: Type.Optional(Type.Array(Type.String(), { description: 'Choices of a select field' })),
  },
  { additionalProperties: false },
);

const flowNode = Type.Object(
  {
    id: Type.String({ description: 'Node id, unique in the definition' }),
    type: Type.Union(
      nodeTypes.map((t) => Type.Literal(t)),
      { description: 'Node type (docs/workflow.md)' },
    ),
  },
  {
    additionalProperties: true,
    description: 'A node; its other properties depend on the type (docs/workflow.md)',
  },
);

export const definitionBody = Type.Object(
  {
    form: Type.Object({ fields: Type.Array(formField, { maxItems: 200 }) }, { additionalProperties: false }),
    process: Type.Array(flowNode, { minItems: 1, maxItems: 500, description: 'The node tree, start … end' }),
    dedupe_consecutive: Type.Optional(
      Type.Boolean({ description: 'Auto-approve an approver who approved the node just before' }),
    ),
    listeners: Type.Optional(
      Type.Array(
        Type.Object(
          {
            on: Type.String({
              description: 'started, node_entered, approved, rejected, completed, withdrawn',
            }),
            action: Type.String({ description: 'notify, emit, job or an action another module registered' }),
          },
          { additionalProperties: true, description: 'A listener (docs/workflow.md "Listeners")' },
        ),
        { maxItems: 50 },
      ),
    ),
  },
  { additionalProperties: false, description: 'The definition (docs/workflow.md)' },
);

export const definitionParams = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Definition version id' }),
});

export const definitionListQuery = Type.Composite([
  pageQuerySchema(['created_at', 'name'], 'created_at'),
  Type.Object({
    status: Type.Optional(status),
    key: Type.Optional(Type.String({ maxLength: 100, description: 'Only versions of this key' })),
  }),
]);

const name = Type.String({ minLength: 1, maxLength: 200, description: 'Name' });
const description = Type.Optional(
  Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], { description: 'Free text' }),
);

export const newDefinition = Type.Object(
  {
    key: Type.String({
      pattern: '^[a-z0-9][a-z0-9_.-]{0,99}$',
      description: 'Stable key shared by all versions',
    }),
    name,
    description,
    body: definitionBody,
  },
  { additionalProperties: false },
);

export const definitionChange = Type.Object(
  { name, description, body: definitionBody },
  { additionalProperties: false },
);

export const bpmnImportRequest = Type.Object(
  {
    xml: Type.String({ minLength: 1, maxLength: 2_000_000, description: 'BPMN 2.0 XML with one process' }),
    key: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9][a-z0-9_.-]{0,99}$',
        description: 'Definition key (default: the process’s signx:key, else its id)',
      }),
    ),
    name: Type.Optional(name),
    description,
  },
  { additionalProperties: false },
);

export const validateRequest = Type.Object({ body: definitionBody }, { additionalProperties: false });

const issue = Type.Object({
  node_id: Type.Union([Type.String(), Type.Null()], {
    description: 'The node (or branch) at fault; null for the form',
  }),
  message: Type.String({ description: 'What is wrong' }),
});
export const validationView = Type.Object({
  valid: Type.Boolean({ description: 'No problems: the definition can be published' }),
  issues: Type.Array(issue, { description: 'Every problem found' }),
});

const graphNode = Type.Object({
  id: Type.String({ description: 'Node id' }),
  type: Type.String({ description: 'Node type (join: where parallel branches meet)' }),
  name: Type.Union([Type.String(), Type.Null()], { description: 'Node name' }),
  config: Type.Record(Type.String(), Type.Unknown(), { description: 'The node’s settings' }),
});
const graphEdge = Type.Object({
  source: Type.String({ description: 'From node' }),
  target: Type.String({ description: 'To node' }),
  condition: Type.Optional(Type.String({ description: 'branch:<id> or default' })),
});

export const definitionView = Type.Object({
  id: Type.String({ description: 'Version id' }),
  key: Type.String({ description: 'Key shared by the versions' }),
  version: Type.Integer({ description: 'Version number' }),
  name,
  description: Type.Union([Type.String(), Type.Null()], { description: 'Free text' }),
  status,
  body: Type.Unknown({ description: 'The definition (docs/workflow.md)' }),
  nodes: Type.Array(graphNode, { description: 'Derived flat nodes (seed 001 §5.5)' }),
  edges: Type.Array(graphEdge, { description: 'Derived edges (seed 001 §5.5)' }),
  created_by: Type.String({ description: 'Creator' }),
  published_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'Publication',
  }),
  created_at: Type.String({ format: 'date-time', description: 'Creation time' }),
  updated_at: Type.String({ format: 'date-time', description: 'Last change' }),
});
export type DefinitionView = Static<typeof definitionView>;
