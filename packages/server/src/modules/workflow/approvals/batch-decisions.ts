import { type Static, Type } from '@sinclair/typebox';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/schema.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { isAppError } from '../../../platform/errors.js';
import type { DataScope } from '../../identity/index.js';
import { findInstance } from '../engine/instances.repository.js';
import type { WorkflowDeps } from '../workflow.deps.js';
import { decideApproval } from './approvals.service.js';

/**
 * Batch decisions (`POST /approvals/batch`): the caller approves or rejects many of their
 * tasks in one call. Each item runs in a transaction of its own, through the same command
 * as `POST /approvals/{id}/approve` (token lock, compare-and-set on the task): one item
 * refused (someone decided first, not your task, no longer running) changes nothing of its
 * own and does not undo the others. Every item is reported, in the order sent.
 */
const uuid = (description: string) => Type.String({ format: 'uuid', description });

export const batchRequest = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')], {
      description: 'approve or reject every item',
    }),
    items: Type.Array(
      Type.Object(
        {
          approval_id: uuid('Approval (instance) id'),
          task_id: Type.Optional(uuid('The task (default: your open task in the approval)')),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50, description: 'Up to 50 approvals, decided in this order' },
    ),
    comment: Type.Optional(
      Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], {
        description: 'Comment recorded with every decision',
      }),
    ),
    attachments: Type.Optional(
      Type.Array(uuid('Document'), {
        maxItems: 20,
        description: 'Documents attached to every decision; each one you may read (else 40355 per item)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const batchItemResult = Type.Object({
  approval_id: Type.String(),
  task_id: Type.Union([Type.String(), Type.Null()], { description: 'As sent' }),
  ok: Type.Boolean({ description: 'Whether this decision was recorded' }),
  status: Type.Integer({ description: 'The HTTP status the single-item route would answer' }),
  code: Type.Union([Type.Integer(), Type.Null()], { description: 'API error code when refused' }),
  message: Type.Union([Type.String(), Type.Null()], { description: 'Why it was refused' }),
  approval_status: Type.Union([Type.String(), Type.Null()], {
    description: 'The approval’s status after the decision (null when refused)',
  }),
});

export const batchResponse = Type.Object({
  items: Type.Array(batchItemResult),
  succeeded: Type.Integer(),
  failed: Type.Integer(),
});

type BatchRequest = Static<typeof batchRequest>;
type BatchItemResult = Static<typeof batchItemResult>;

export async function decideBatch(
  db: Db,
  deps: WorkflowDeps,
  actor: Actor,
  input: BatchRequest & { scope?: DataScope },
): Promise<Static<typeof batchResponse>> {
  const items: BatchItemResult[] = [];
  for (const item of input.items) {
    const base = { approval_id: item.approval_id, task_id: item.task_id ?? null };
    try {
      const approvalStatus = await inTransaction(db, async (trx) => {
        await decideApproval(trx, deps, actor, item.approval_id, {
          decision: input.decision,
          task_id: item.task_id,
          comment: input.comment ?? null,
          attachments: input.attachments,
          scope: input.scope,
        });
        return (await findInstance(trx, item.approval_id))?.status ?? null;
      });
      items.push({
        ...base,
        ok: true,
        status: 200,
        code: null,
        message: null,
        approval_status: approvalStatus,
      });
    } catch (error) {
      // Only the API's own refusals are reported per item; anything else fails the request.
      if (!isAppError(error)) throw error;
      items.push({
        ...base,
        ok: false,
        status: error.httpStatus,
        code: error.apiCode,
        message: error.message,
        approval_status: null,
      });
    }
  }
  const succeeded = items.filter((i) => i.ok).length;
  return { items, succeeded, failed: items.length - succeeded };
}
