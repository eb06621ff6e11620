import { type Page, type PageRequest, paginate } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type { SealUseRequestDocumentsTable, SealUseRequestsTable } from './seals.tables.js';

/** SQL of seal-use requests (用印审批). */
export type SealUseRequestRow = SealUseRequestsTable;

export async function insertUseRequest(trx: Trx, row: SealUseRequestRow): Promise<void> {
  await trx.insertInto('seal_use_requests').values(row).execute();
}

export type RequestDocumentRow = SealUseRequestDocumentsTable;

export async function insertRequestDocuments(trx: Trx, rows: RequestDocumentRow[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('seal_use_request_documents').values(rows).execute();
}

/** The documents a request names, in the order requested: its own row, or a batch's list. */
export async function documentsOfRequest(
  db: DbOrTrx,
  request: SealUseRequestRow,
): Promise<Array<{ document_id: string; document_version: number }>> {
  if (request.document_count <= 1)
    return [{ document_id: request.document_id, document_version: request.document_version }];
  return db
    .selectFrom('seal_use_request_documents')
    .select(['document_id', 'document_version'])
    .where('request_id', '=', request.id)
    .orderBy('position')
    .execute();
}

export async function setRequestApproval(trx: Trx, id: string, approvalId: string): Promise<void> {
  await trx.updateTable('seal_use_requests').set({ approval_id: approvalId }).where('id', '=', id).execute();
}

export async function requestByApproval(
  db: DbOrTrx,
  approvalId: string,
): Promise<SealUseRequestRow | undefined> {
  return db
    .selectFrom('seal_use_requests')
    .selectAll()
    .where('approval_id', '=', approvalId)
    .executeTakeFirst();
}

/** A request with its seal's name and, when the approval was used, the seal-use log entry. */
export interface ListedRequestRow extends SealUseRequestRow {
  seal_name: string;
  use_id: string | null;
  used_at: string | null;
}

export interface RequestFilter {
  sealId?: string;
  documentId?: string;
  requestedBy?: string;
  /** true: only requests whose approval sealed; false: only those not used. */
  used?: boolean;
}

function listedRequests(db: DbOrTrx, filter: RequestFilter) {
  let query = db
    .selectFrom('seal_use_requests')
    .innerJoin('seals', 'seals.id', 'seal_use_requests.seal_id')
    .leftJoin('seal_uses', (join) =>
      join
        .onRef('seal_uses.approval_id', '=', 'seal_use_requests.approval_id')
        .onRef('seal_uses.document_id', '=', 'seal_use_requests.document_id'),
    )
    .selectAll('seal_use_requests')
    .select(['seals.name as seal_name', 'seal_uses.id as use_id', 'seal_uses.created_at as used_at']);
  if (filter.sealId) query = query.where('seal_use_requests.seal_id', '=', filter.sealId);
  if (filter.documentId) query = query.where('seal_use_requests.document_id', '=', filter.documentId);
  if (filter.requestedBy) query = query.where('seal_use_requests.requested_by', '=', filter.requestedBy);
  if (filter.used === true) query = query.where('seal_uses.id', 'is not', null);
  if (filter.used === false) query = query.where('seal_uses.id', 'is', null);
  return query;
}

const sortable = { created_at: 'seal_use_requests.created_at' };

export function requestPage(
  db: DbOrTrx,
  filter: RequestFilter,
  page: PageRequest,
): Promise<Page<ListedRequestRow>> {
  return paginate(listedRequests(db, filter), page, sortable, 'seal_use_requests.id');
}

/**
 * Every request matching the filter, in the page's order (newest first unless `sort` says
 * otherwise), for the statuses only the workflow module knows.
 */
export function allRequests(db: DbOrTrx, filter: RequestFilter, sort: string): Promise<ListedRequestRow[]> {
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  return listedRequests(db, filter)
    .orderBy('seal_use_requests.created_at', direction)
    .orderBy('seal_use_requests.id', direction)
    .execute();
}
