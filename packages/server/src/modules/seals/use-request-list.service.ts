import type { Actor } from '../../platform/actor.js';
import { type Page, type PageRequest, pageOf } from '../../platform/db/pagination.js';
import type { DbOrTrx } from '../../platform/db/schema.js';
import { forbidden } from '../../platform/errors.js';
import { usersByIds } from '../identity/index.js';
import { type ApprovalOutcome, workflowApprovals } from '../workflow/index.js';
import * as requests from './seal-requests.repository.js';
import { useRequestReach } from './seals.policy.js';
import { usesOfApproval } from './seals.repository.js';

/** What a seal-use request stands at: the approval's outcome, or `used` once it sealed. */
export type UseRequestStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'returned' | 'used';

export interface UseRequestQuery extends PageRequest {
  seal_id?: string;
  document_id?: string;
  status?: UseRequestStatus;
  mine?: boolean;
}

export interface ListedRequest {
  row: requests.ListedRequestRow;
  status: UseRequestStatus | 'unknown';
  approval_status: ApprovalOutcome['status'] | null;
  requester_name: string | null;
  /** How many of the request's documents its approval has sealed. */
  documents_sealed: number;
}

function statusOf(row: requests.ListedRequestRow, outcome: ApprovalOutcome | null) {
  if (row.use_id) return 'used' as const;
  if (!outcome) return 'unknown' as const;
  return outcome.status === 'running' ? ('pending' as const) : outcome.status;
}

async function withOutcomes(db: DbOrTrx, rows: requests.ListedRequestRow[]) {
  const outcomes = await Promise.all(rows.map((row) => workflowApprovals.outcome(db, row.approval_id)));
  // A batch's uses are counted (one per document); a single request's is its own join.
  const sealed = await Promise.all(
    rows.map(async (row) =>
      row.document_count > 1 ? (await usesOfApproval(db, row.approval_id)).length : row.use_id ? 1 : 0,
    ),
  );
  return rows.map((row, i) => {
    const outcome = outcomes[i] ?? null;
    return {
      row,
      status: statusOf(row, outcome),
      approval_status: outcome?.status ?? null,
      documents_sealed: sealed[i] ?? 0,
    };
  });
}

/**
 * Seal-use requests the caller may see (seals.policy.ts): all of them for seal managers,
 * their own for seal users. `used` is the seals module's own fact and filters in SQL; the
 * other statuses are the workflow's, so those read every unused candidate's outcome and page
 * the rest here.
 */
export async function listUseRequests(
  db: DbOrTrx,
  actor: Actor,
  query: UseRequestQuery,
): Promise<Page<ListedRequest>> {
  const reach = useRequestReach(actor.permissions);
  if (!reach || !actor.userId) throw forbidden('You may not see seal-use requests.');
  const filter: requests.RequestFilter = {
    sealId: query.seal_id,
    documentId: query.document_id,
    requestedBy: reach === 'own' || query.mine ? actor.userId : undefined,
    used: query.status === undefined ? undefined : query.status === 'used',
  };
  let page: Page<Omit<ListedRequest, 'requester_name'>>;
  if (query.status === undefined || query.status === 'used') {
    const rows = await requests.requestPage(db, filter, query);
    page = { ...rows, items: await withOutcomes(db, rows.items) };
  } else {
    const all = await withOutcomes(db, await requests.allRequests(db, filter, query.sort));
    const matching = all.filter((item) => item.status === query.status);
    const start = (query.page - 1) * query.page_size;
    page = pageOf(matching.slice(start, start + query.page_size), matching.length, query);
  }
  const users = await usersByIds(db, [...new Set(page.items.map((item) => item.row.requested_by))]);
  const items = page.items.map((item) => ({
    ...item,
    requester_name: users.get(item.row.requested_by)?.full_name ?? null,
  }));
  return { ...page, items };
}
