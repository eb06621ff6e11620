import type { Page, PageRequest } from '../../platform/db/pagination.js';
import { paginate } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type { RecordsAuditReviewFindingsTable, RecordsAuditReviewsTable } from './records.tables.js';

/** All SQL of audit-trail reviews and their findings. */
export type ReviewRow = RecordsAuditReviewsTable;
export type FindingRow = RecordsAuditReviewFindingsTable;

export async function insertReview(trx: Trx, row: ReviewRow): Promise<void> {
  await trx.insertInto('records_audit_reviews').values(row).execute();
}

export function findReview(db: DbOrTrx, id: string): Promise<ReviewRow | undefined> {
  return db.selectFrom('records_audit_reviews').selectAll().where('id', '=', id).executeTakeFirst();
}

export function reviewPage(
  db: DbOrTrx,
  filter: { status?: string; reviewer_id?: string },
  page: PageRequest,
): Promise<Page<ReviewRow>> {
  let query = db.selectFrom('records_audit_reviews').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status as ReviewRow['status']);
  if (filter.reviewer_id) query = query.where('reviewer_id', '=', filter.reviewer_id);
  return paginate(query, page, { created_at: 'created_at', period_from: 'period_from' });
}

export async function insertFinding(trx: Trx, row: FindingRow): Promise<void> {
  await trx.insertInto('records_audit_review_findings').values(row).execute();
}

export function findingsOf(db: DbOrTrx, reviewId: string): Promise<FindingRow[]> {
  return db
    .selectFrom('records_audit_review_findings')
    .selectAll()
    .where('review_id', '=', reviewId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Closes an open review (compare-and-set on the status); true when this call closed it. */
export async function markSignedOff(
  trx: Trx,
  id: string,
  input: { signatureId: string; at: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('records_audit_reviews')
    .set({
      status: 'signed_off',
      signature_id: input.signatureId,
      signed_off_at: input.at,
      updated_at: input.at,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Touches an open review when a finding is added, so two writers serialise on its row. */
export async function touchOpenReview(trx: Trx, id: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('records_audit_reviews')
    .set({ updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
