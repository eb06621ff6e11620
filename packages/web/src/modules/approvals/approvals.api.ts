import { ApiError } from '@/platform/api/api-error';
import { api, authorizedFetch, call } from '@/platform/api/http-client';
import type { paths } from '@/platform/api/schema';

/** The approval pages' calls (server module: workflow, docs/workflow.md). */
export type ApprovalQuery = NonNullable<paths['/api/v1/approvals']['get']['parameters']['query']>;
export type Box = NonNullable<ApprovalQuery['box']>;
export type ApprovalStatus = NonNullable<ApprovalQuery['status']>;
export type ApprovalDetail = Awaited<ReturnType<typeof approvalsApi.detail>>;
export type ApprovalSummary = Awaited<ReturnType<typeof approvalsApi.list>>['items'][number];
export type Flow = ApprovalDetail['definition'];
export type FlowField = Flow['fields'][number];
export type StartRequest = paths['/api/v1/approvals']['post']['requestBody']['content']['application/json'];
export type Delegation = Awaited<ReturnType<typeof approvalsApi.delegations>>[number];
export type NewDelegation =
  paths['/api/v1/approval-delegations']['post']['requestBody']['content']['application/json'];
export type BoxCounts = Awaited<ReturnType<typeof approvalsApi.counts>>;

/** The actions the action bar and the mobile page offer, each one route. */
export type ActionName =
  | 'approve'
  | 'reject'
  | 'return'
  | 'transfer'
  | 'add-sign'
  | 'withdraw'
  | 'urge'
  | 'comment'
  | 'resubmit'
  /** A Part 11 signer declines their signature task: the reject route, with a reason. */
  | 'decline';
export interface ActionInput {
  comment?: string | null;
  task_id?: string;
  target_node_id?: string;
  to_user_id?: string;
  user_id?: string;
  position?: 'before' | 'after' | 'parallel';
  form_data?: Record<string, unknown>;
  /** Approve only: changed values of the fields the viewer's step grants edit. */
  form_changes?: Record<string, unknown>;
  /** Every action that takes a comment (not urge): documents uploaded for this approval. */
  attachments?: string[];
}
/** A document attached to a record, as the timeline lists it (`details.attachments`). */
export interface AttachmentRef {
  document_id: string;
  title: string;
}

export const boxes: Box[] = ['todo', 'done', 'initiated', 'cc'];
export const approvalStatuses: ApprovalStatus[] = [
  'running',
  'approved',
  'rejected',
  'withdrawn',
  'returned',
];
export const statusColor: Record<string, string> = {
  running: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
  returned: 'warning',
};

const id = (value: string) => ({ params: { path: { id: value } } });

export const approvalsApi = {
  list: (query: ApprovalQuery) => call(api.GET('/api/v1/approvals', { params: { query } })),
  counts: () => call(api.GET('/api/v1/approvals/counts')),
  startable: () => call(api.GET('/api/v1/approvals/startable')),
  start: (body: StartRequest) => call(api.POST('/api/v1/approvals', { body })),
  detail: (value: string) => call(api.GET('/api/v1/approvals/{id}', id(value))),
  markCcRead: (value: string) => call(api.POST('/api/v1/approvals/{id}/cc-read', { ...id(value), body: {} })),
  /** One action; the server answers the approval as it is afterwards. */
  act: (value: string, action: ActionName, input: ActionInput) =>
    // Each action route takes its own body; the dialog only sends the fields its action has.
    call(
      api.POST(
        `/api/v1/approvals/{id}/${action === 'decline' ? 'reject' : action}` as '/api/v1/approvals/{id}/approve',
        {
          ...id(value),
          body: input as never,
        },
      ),
    ),
  /** An attachment's bytes, for participants of the approval (the documents module is not asked). */
  attachment: async (value: string, documentId: string): Promise<Blob> => {
    const response = await authorizedFetch(
      new Request(`/api/v1/approvals/${value}/attachments/${documentId}`),
    );
    if (!response.ok) throw ApiError.fromResponse(response, await response.json().catch(() => null));
    return response.blob();
  },
  /** Approves or rejects many approvals (your open task in each); every item reported on its own. */
  batch: (decision: 'approve' | 'reject', approvalIds: string[], comment?: string) =>
    call(
      api.POST('/api/v1/approvals/batch', {
        body: { decision, items: approvalIds.map((approval_id) => ({ approval_id })), comment },
      }),
    ),
  /** Delegation rules not over yet (yours; approval administrators: everybody's). */
  delegations: () => call(api.GET('/api/v1/approval-delegations')).then((page) => page.items),
  delegate: (body: NewDelegation) => call(api.POST('/api/v1/approval-delegations', { body })),
  revokeDelegation: (value: string) =>
    call(api.POST('/api/v1/approval-delegations/{id}/revoke', { ...id(value), body: {} as never })),
  /** People to pick (transfer, add-sign, chosen approvers): needs identity.user.read. */
  users: (q: string) =>
    call(
      api.GET('/api/v1/users', {
        params: { query: { page: 1, page_size: 20, sort: 'full_name', status: 'active', q: q || undefined } },
      }),
    ),
};
