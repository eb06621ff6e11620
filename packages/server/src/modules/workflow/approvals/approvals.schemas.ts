import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../../platform/db/pagination.js';

/** Request and response schemas of `/approvals` (seed 001 §5.5). */
const uuid = (description: string) => Type.String({ format: 'uuid', description });
const nullable = <T extends TSchema>(schema: T, description: string) =>
  Type.Union([schema, Type.Null()], { description });
const time = (description: string) => Type.String({ format: 'date-time', description });
const comment = Type.Optional(nullable(Type.String({ maxLength: 2000 }), 'Comment for the record'));
const taskId = Type.Optional(uuid('The task acted on (default: your open task in the approval)'));
const status = Type.Union(
  ['running', 'approved', 'rejected', 'withdrawn', 'returned'].map((s) => Type.Literal(s)),
  { description: 'running, approved, rejected, withdrawn, returned (back with the initiator)' },
);

export const approvalParams = Type.Object({ id: uuid('Approval (instance) id') });
export const attachmentParams = Type.Object({
  id: uuid('Approval (instance) id'),
  document_id: uuid('A document attached to a record of this approval'),
});

export const approvalListQuery = Type.Composite([
  pageQuerySchema(['created_at', 'updated_at'], 'created_at'),
  Type.Object({
    box: Type.Optional(
      Type.Union(
        ['todo', 'done', 'initiated', 'cc', 'all'].map((b) => Type.Literal(b)),
        { description: 'todo (default), done, initiated, cc; all needs workflow.approval.admin' },
      ),
    ),
    status: Type.Optional(status),
  }),
]);

export const startRequest = Type.Object(
  {
    definition_key: Type.Optional(
      Type.String({ maxLength: 100, description: 'Start the published version of this key' }),
    ),
    definition_id: Type.Optional(uuid('Or a published version by id')),
    title: Type.String({ minLength: 1, maxLength: 200, description: 'Title of the approval' }),
    form_data: Type.Record(Type.String(), Type.Unknown(), {
      description: 'Values of the definition’s form fields',
    }),
    chosen_approvers: Type.Optional(
      Type.Record(Type.String(), Type.Array(uuid('User'), { maxItems: 50 }), {
        description: 'Initiator’s choice per node id (approver rule initiator_choice)',
      }),
    ),
    business_type: Type.Optional(nullable(Type.String({ maxLength: 50 }), 'Business object type')),
    business_id: Type.Optional(nullable(Type.String({ maxLength: 100 }), 'Business object id')),
  },
  { additionalProperties: false },
);

const attachments = Type.Optional(
  Type.Array(uuid('Document'), {
    maxItems: 20,
    description: 'Documents attached to the record; each one you may read (else 40355)',
  }),
);
export const decisionRequest = Type.Object(
  { task_id: taskId, comment, attachments },
  { additionalProperties: false },
);
export const approveRequest = Type.Object(
  {
    task_id: taskId,
    comment,
    attachments,
    form_changes: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          'Changed form values: only fields your node grants edit (else 40059), checked against the form (40054)',
      }),
    ),
  },
  { additionalProperties: false },
);
export const withdrawRequest = Type.Object({ comment, attachments }, { additionalProperties: false });
export const commentRequest = Type.Object(
  { comment: Type.String({ minLength: 1, maxLength: 2000, description: 'The comment' }), attachments },
  { additionalProperties: false },
);
export const transferRequest = Type.Object(
  { task_id: taskId, to_user_id: uuid('The new assignee'), comment, attachments },
  { additionalProperties: false },
);
export const addSignRequest = Type.Object(
  {
    task_id: taskId,
    user_id: uuid('The approver added'),
    position: Type.Union([Type.Literal('before'), Type.Literal('after'), Type.Literal('parallel')], {
      description: 'before you (you decide after them), after you, or in parallel (docs/workflow.md)',
    }),
    comment,
    attachments,
  },
  { additionalProperties: false },
);
export const returnRequest = Type.Object(
  {
    task_id: taskId,
    target_node_id: Type.String({ maxLength: 64, description: 'An earlier approval/handler node' }),
    comment,
    attachments,
  },
  { additionalProperties: false },
);
export const resubmitRequest = Type.Object(
  {
    form_data: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'Changed form data' }),
    ),
    comment,
    attachments,
  },
  { additionalProperties: false },
);

export const approvalSummary = Type.Object({
  id: Type.String({ description: 'Approval id' }),
  title: Type.String({ description: 'Title' }),
  status,
  definition_id: Type.String({ description: 'Definition version it runs on' }),
  applicant_id: Type.String({ description: 'Initiator' }),
  business_type: nullable(Type.String(), 'Business object type'),
  business_id: nullable(Type.String(), 'Business object id'),
  created_at: time('Started'),
  updated_at: time('Last change'),
  finished_at: nullable(time('Finished'), 'Finished'),
});

const task = Type.Object({
  id: Type.String({ description: 'Task id' }),
  node_id: Type.String({ description: 'Node' }),
  kind: Type.String({ description: 'approval, handler, cc, signature' }),
  assignee_id: Type.String({ description: 'Assignee' }),
  on_behalf_of: Type.Union([Type.String(), Type.Null()], {
    description: 'The absent person the task was created for (out-of-office delegation), else null',
  }),
  status: Type.String({
    description: 'pending, queued, waiting, approved, rejected, transferred, cancelled, unread, read',
  }),
  comment: nullable(Type.String(), 'Comment with the decision'),
  decided_at: nullable(Type.String(), 'Decision time'),
});
const entry = Type.Object({
  id: Type.String({ description: 'Record id' }),
  node_id: nullable(Type.String(), 'Node'),
  task_id: nullable(Type.String(), 'Task'),
  actor_id: nullable(Type.String(), 'Who'),
  action: Type.String({
    description: 'start, approve, reject, transfer, add_sign, return, cc, comment, urge, …',
  }),
  comment: nullable(Type.String(), 'Comment'),
  details: Type.Unknown({ description: 'Action details' }),
  created_at: time('When'),
});

const fieldPermission = Type.Union([Type.Literal('hidden'), Type.Literal('read'), Type.Literal('edit')], {
  description: 'What the viewer may do with the field here: hidden, read, edit',
});
export const flowView = Type.Object({
  id: Type.String({ description: 'Definition version id' }),
  key: Type.String({ description: 'Definition key' }),
  name: Type.String({ description: 'Name' }),
  description: nullable(Type.String(), 'Description'),
  version: Type.Integer({ description: 'Version number' }),
  fields: Type.Array(
    Type.Object({
      key: Type.String({ description: 'Field key' }),
      label: Type.String({ description: 'Label' }),
      type: Type.String({ description: 'text, number, date, select, boolean, user' }),
      required: Type.Boolean({ description: 'Required at start' }),
      options: Type.Array(Type.String(), { description: 'Choices of a select field' }),
      permission: fieldPermission,
    }),
    { description: 'The form, with the viewer’s permission per field' },
  ),
  process: Type.Array(Type.Unknown(), { description: 'The node tree (docs/workflow.md)' }),
});
export type FlowView = Static<typeof flowView>;

export const approvalDetail = Type.Composite([
  approvalSummary,
  Type.Object({
    definition: flowView,
    people: Type.Record(Type.String(), Type.String(), {
      description: 'Names of the users the approval mentions, by id',
    }),
    form_data: Type.Record(Type.String(), Type.Unknown(), {
      description: 'Form values (fields hidden from you left out)',
    }),
    current_nodes: Type.Array(Type.String(), { description: 'Nodes with open tasks' }),
    my_task_ids: Type.Array(Type.String(), { description: 'Your pending tasks' }),
    tasks: Type.Array(task, { description: 'Every task' }),
    timeline: Type.Array(entry, { description: 'The approval record, oldest first' }),
  }),
]);
export type ApprovalDetail = Static<typeof approvalDetail>;
export type ApprovalSummary = Static<typeof approvalSummary>;

export const boxCountsView = Type.Object({
  todo: Type.Integer({ description: 'Waiting for you' }),
  done: Type.Integer({ description: 'Decided by you' }),
  initiated: Type.Integer({ description: 'Started by you' }),
  cc: Type.Integer({ description: 'Copied to you' }),
  cc_unread: Type.Integer({ description: 'Copies not read yet' }),
});
