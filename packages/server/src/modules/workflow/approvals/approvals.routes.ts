import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../platform/actor.js';
import { pageSchema } from '../../../platform/db/pagination.js';
import type { Trx } from '../../../platform/db/schema.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { dataScopeOf } from '../../identity/index.js';
import { workflowPermissions as permissions } from '../workflow.catalogue.js';
import type { WorkflowDeps } from '../workflow.deps.js';
import { workflowErrors as e } from '../workflow.errors.js';
import {
  approvalCounts,
  approvalDetail,
  listApprovals,
  startableDefinitions,
} from './approval-views.service.js';
import { presentSummary } from './approvals.presenter.js';
import * as s from './approvals.schemas.js';
import * as service from './approvals.service.js';
import { batchRequest, batchResponse, decideBatch } from './batch-decisions.js';
import * as moves from './task-moves.service.js';

const use = permissions.access('workflow.approval.use');
/** The caller's data scope, read only when they attach documents (checked within it). */
const scopeFor = (request: FastifyRequest, input: { attachments?: string[] }) =>
  input.attachments?.length && request.principal ? { scope: dataScopeOf(request.principal) } : {};
const actionErrors = [
  'NOT_FOUND',
  e.NOT_YOUR_TASK,
  e.TASK_ALREADY_DECIDED,
  e.INSTANCE_NOT_RUNNING,
  e.TARGET_INVALID,
] as const;

/** `/approvals` (seed 001 §5.5): start, the boxes, the detail, and one route per action. */
export function approvalRoutes(deps: WorkflowDeps): RouteDefinition[] {
  // Every action answers with the approval as it is after the action, read in the same
  // transaction (an Idempotency-Key replay answers the stored reply).
  const action = <B>(
    name: string,
    summary: string,
    body: Parameters<typeof defineRoute>[0]['body'],
    run: (trx: Trx, actor: Actor, id: string, input: B, request: FastifyRequest) => Promise<unknown>,
    errors: readonly (typeof actionErrors)[number][] | (typeof actionErrors)[number][] = actionErrors,
  ) =>
    defineRoute({
      method: 'POST',
      url: `/approvals/:id/${name}`,
      access: use,
      summary,
      params: s.approvalParams,
      body,
      response: s.approvalDetail,
      idempotent: true,
      errors: [...errors],
      handler: async (request) => {
        const actor = actorOf(request);
        const id = (request.params as { id: string }).id;
        return inTransaction(deps.db, async (trx) => {
          await run(trx, actor, id, request.body as B, request);
          // Every action's step checked the actor's visibility in this transaction.
          return approvalDetail(trx, deps, actor, id, true);
        });
      },
    });
  type Decided = {
    task_id?: string;
    comment?: string | null;
    attachments?: string[];
    form_changes?: Record<string, unknown>;
  };
  const withFiles = [...actionErrors, e.ATTACHMENT_NOT_READABLE] as never;
  const decisionErrors = [...actionErrors, e.FORM_INVALID, e.FIELD_NOT_EDITABLE, e.ATTACHMENT_NOT_READABLE];
  return [
    defineRoute({
      method: 'POST',
      url: '/approvals',
      access: use,
      summary: 'Start an approval on a published workflow',
      body: s.startRequest,
      response: s.approvalDetail,
      status: 201,
      idempotent: true,
      errors: ['NOT_FOUND', e.DEFINITION_NOT_PUBLISHED, e.FORM_INVALID],
      handler: async (request) => {
        const actor = actorOf(request);
        return inTransaction(deps.db, async (trx) => {
          const id = await service.startApproval(trx, deps, actor, request.body);
          return approvalDetail(trx, deps, actor, id);
        });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/approvals/batch',
      access: use,
      summary: 'Approve or reject many of your tasks at once; each item decided and reported on its own',
      body: batchRequest,
      response: batchResponse,
      handler: async (request) =>
        decideBatch(deps.db, deps, actorOf(request), { ...request.body, ...scopeFor(request, request.body) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/approvals',
      access: use,
      summary: 'My approvals: to do, done, initiated, CC (all: administrators)',
      querystring: s.approvalListQuery,
      response: pageSchema(s.approvalSummary),
      handler: async (request) => {
        const page = await listApprovals(
          deps.db,
          actorOf(request),
          request.query as Parameters<typeof listApprovals>[2],
        );
        return { ...page, items: page.items.map(presentSummary) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/approvals/counts',
      access: use,
      summary: 'How many approvals each of my boxes holds',
      response: s.boxCountsView,
      handler: async (request) => approvalCounts(deps.db, actorOf(request)),
    }),
    defineRoute({
      method: 'GET',
      url: '/approvals/startable',
      access: use,
      summary: 'The published workflows you may start, with their start forms',
      response: Type.Array(s.flowView),
      handler: async () => startableDefinitions(deps.db),
    }),
    defineRoute({
      method: 'GET',
      url: '/approvals/:id',
      access: use,
      summary: 'An approval with its tasks and timeline',
      params: s.approvalParams,
      response: s.approvalDetail,
      errors: ['NOT_FOUND'],
      handler: async (request) => approvalDetail(deps.db, deps, actorOf(request), request.params.id),
    }),
    action<Decided>(
      'approve',
      'Approve your task (with edits of the fields your node may edit, and attachments)',
      s.approveRequest,
      (trx, actor, id, input, request) =>
        service.decideApproval(trx, deps, actor, id, {
          decision: 'approve',
          ...input,
          ...scopeFor(request, input),
        }),
      decisionErrors as never,
    ),
    action<Decided>(
      'reject',
      'Reject your task',
      s.decisionRequest,
      (trx, actor, id, input, request) =>
        service.decideApproval(trx, deps, actor, id, {
          decision: 'reject',
          ...input,
          ...scopeFor(request, input),
        }),
      withFiles,
    ),
    action<{ to_user_id: string } & Decided>(
      'transfer',
      'Hand your task to someone else (with a comment and attachments)',
      s.transferRequest,
      (trx, actor, id, input, request) =>
        moves.transferTask(trx, deps, actor, id, { ...input, ...scopeFor(request, input) }),
      withFiles,
    ),
    action<{ user_id: string; position: 'before' | 'after' | 'parallel' } & Decided>(
      'add-sign',
      'Add an approver before, after or beside you (with a comment and attachments)',
      s.addSignRequest,
      (trx, actor, id, input, request) =>
        moves.addSigner(trx, deps, actor, id, { ...input, ...scopeFor(request, input) }),
      withFiles,
    ),
    action<{ target_node_id: string } & Decided>(
      'return',
      'Send the approval back to an earlier node (with attachments)',
      s.returnRequest,
      (trx, actor, id, input, request) =>
        moves.returnToNode(trx, deps, actor, id, { ...input, ...scopeFor(request, input) }),
      withFiles,
    ),
    action<Decided>(
      'withdraw',
      'Withdraw your approval (initiator; with a comment and attachments)',
      s.withdrawRequest,
      (trx, actor, id, input, request) =>
        service.withdrawApproval(trx, deps, actor, id, { ...input, ...scopeFor(request, input) }),
      withFiles,
    ),
    action<{ form_data?: Record<string, unknown> } & Decided>(
      'resubmit',
      'Resubmit an approval returned to you (initiator; with a comment and attachments)',
      s.resubmitRequest,
      (trx, actor, id, input, request) =>
        service.resubmitApproval(trx, deps, actor, id, { ...input, ...scopeFor(request, input) }),
      [...withFiles, e.FORM_INVALID] as never,
    ),
    action<Record<string, never>>(
      'urge',
      'Remind the pending approvers (initiator, rate-limited)',
      Type.Object({}, { additionalProperties: false }),
      (trx, actor, id) => service.urgeApproval(trx, deps, actor, id),
      [...actionErrors, e.URGE_TOO_SOON] as never,
    ),
    action<{ comment: string; attachments?: string[] }>(
      'comment',
      'Comment on an approval (with attachments)',
      s.commentRequest,
      (trx, actor, id, input, request) =>
        service.commentOnApproval(trx, deps, actor, id, { ...input, ...scopeFor(request, input) }),
      [...actionErrors, e.ATTACHMENT_NOT_READABLE] as never,
    ),
    action<Record<string, never>>(
      'cc-read',
      'Mark your copies of the approval read',
      Type.Object({}, { additionalProperties: false }),
      (trx, actor, id) => service.markCcRead(trx, deps, actor, id),
    ),
  ];
}
