import { Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../platform/db/pagination.js';

/** Schemas of the seal-use request list (用印审批). */
const requestStatuses = ['pending', 'approved', 'rejected', 'withdrawn', 'returned', 'used'] as const;
const nullableString = (description: string) => Type.Union([Type.String(), Type.Null()], { description });

export const useRequestListQuery = Type.Composite([
  pageQuerySchema(['created_at'], 'created_at'),
  Type.Object({
    seal_id: Type.Optional(Type.String({ format: 'uuid', description: 'Only this seal' })),
    document_id: Type.Optional(Type.String({ format: 'uuid', description: 'Only this document' })),
    status: Type.Optional(
      Type.Union(
        requestStatuses.map((s) => Type.Literal(s)),
        {
          description:
            'pending (approval running), approved (and not used yet), rejected, withdrawn, returned, used (sealed)',
        },
      ),
    ),
    mine: Type.Optional(
      Type.Boolean({
        description: 'Only the caller’s own requests (callers without seals.seal.manage see only theirs)',
      }),
    ),
  }),
]);

export const listedUseRequestView = Type.Object({
  id: Type.String({ description: 'Seal-use request id' }),
  seal_id: Type.String({ description: 'Seal' }),
  seal_name: Type.String({ description: 'Seal name' }),
  document_id: Type.String({ description: 'Document' }),
  document_version: Type.Integer({ description: 'The version the approval is for' }),
  document_count: Type.Integer({
    description: 'How many documents the approval covers (more than 1: a batch; document_id is its first)',
  }),
  documents_sealed: Type.Integer({ description: 'How many of them the approval has sealed so far' }),
  requested_by: Type.String({ description: 'Requester (user id)' }),
  requester_name: nullableString('Requester’s full name'),
  approval_id: Type.String({ description: 'The workflow approval' }),
  approval_status: nullableString(
    'The approval’s own status: running, approved, rejected, withdrawn, returned',
  ),
  status: Type.String({
    description:
      'pending, approved (not used yet), rejected, withdrawn, returned, used; unknown if the approval is gone',
  }),
  used: Type.Boolean({
    description:
      'Whether the approval sealed the document (a batch: its first document) — a seal-use log entry',
  }),
  use_id: nullableString('The seal-use log entry'),
  used_at: nullableString('When the seal was applied with it'),
  created_at: Type.String({ description: 'Requested' }),
});
