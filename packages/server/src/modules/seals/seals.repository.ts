import type { Page, PageRequest } from '../../platform/db/pagination.js';
import { paginate } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type { SealStatus } from './seals.state.js';
import type { SealAuthorisationsTable, SealsTable, SealUsesTable } from './seals.tables.js';

/** All SQL of the seals module. */
export type SealRow = SealsTable;
export type AuthorisationRow = SealAuthorisationsTable;
export type SealUseRow = SealUsesTable;

export async function insertSeal(trx: Trx, row: SealRow): Promise<void> {
  await trx.insertInto('seals').values(row).execute();
}

export async function findSeal(db: DbOrTrx, id: string): Promise<SealRow | undefined> {
  return db.selectFrom('seals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSealByName(
  db: DbOrTrx,
  organisation: string,
  name: string,
): Promise<SealRow | undefined> {
  return db
    .selectFrom('seals')
    .selectAll()
    .where('organisation', '=', organisation)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function sealPage(
  db: DbOrTrx,
  filter: { status?: SealStatus; organisation?: string },
  page: PageRequest,
): Promise<Page<SealRow>> {
  let query = db.selectFrom('seals').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.organisation) query = query.where('organisation', '=', filter.organisation);
  return paginate(query, page, { created_at: 'created_at', name: 'name' });
}

/** Compare-and-set status change: false when someone moved the seal first. */
export async function moveSeal(
  trx: Trx,
  id: string,
  from: SealStatus,
  changes: { status: SealStatus; updated_at: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('seals')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateSealImage(
  trx: Trx,
  id: string,
  changes: Pick<SealRow, 'source' | 'design' | 'image_png' | 'updated_at'>,
): Promise<void> {
  await trx.updateTable('seals').set(changes).where('id', '=', id).execute();
}

export async function insertAuthorisation(trx: Trx, row: AuthorisationRow): Promise<void> {
  await trx.insertInto('seal_authorisations').values(row).execute();
}

export async function findAuthorisation(db: DbOrTrx, id: string): Promise<AuthorisationRow | undefined> {
  return db.selectFrom('seal_authorisations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Authorisations of a seal not revoked, oldest first. */
export async function liveAuthorisations(db: DbOrTrx, sealId: string): Promise<AuthorisationRow[]> {
  return db
    .selectFrom('seal_authorisations')
    .selectAll()
    .where('seal_id', '=', sealId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Authorisations not revoked of the active seals, with their seal row, oldest first. */
export async function liveAuthorisationsOfActiveSeals(db: DbOrTrx): Promise<AuthorisationRow[]> {
  return db
    .selectFrom('seal_authorisations')
    .innerJoin('seals', 'seals.id', 'seal_authorisations.seal_id')
    .selectAll('seal_authorisations')
    .where('seals.status', '=', 'active')
    .where('seal_authorisations.revoked_at', 'is', null)
    .orderBy('seal_authorisations.created_at')
    .orderBy('seal_authorisations.id')
    .execute();
}

export async function authorisationPage(
  db: DbOrTrx,
  filter: { sealId?: string },
  page: PageRequest,
): Promise<Page<AuthorisationRow>> {
  let query = db.selectFrom('seal_authorisations').selectAll();
  if (filter.sealId) query = query.where('seal_id', '=', filter.sealId);
  return paginate(query, page, { created_at: 'created_at' });
}

export async function revokeAuthorisation(trx: Trx, id: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('seal_authorisations')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertUse(trx: Trx, row: SealUseRow): Promise<void> {
  await trx.insertInto('seal_uses').values(row).execute();
}

/** The use of an approval on a document (one per pair: a batch approval seals each of its documents once). */
export async function useOfApproval(
  db: DbOrTrx,
  approvalId: string,
  documentId: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('seal_uses')
    .select('id')
    .where('approval_id', '=', approvalId)
    .where('document_id', '=', documentId)
    .executeTakeFirst();
}

/** Every use of an approval (a batch approval has one per document). */
export async function usesOfApproval(db: DbOrTrx, approvalId: string): Promise<SealUseRow[]> {
  return db.selectFrom('seal_uses').selectAll().where('approval_id', '=', approvalId).execute();
}

export async function usePage(
  db: DbOrTrx,
  filter: { sealId?: string; documentId?: string; userId?: string },
  page: PageRequest,
): Promise<Page<SealUseRow>> {
  let query = db.selectFrom('seal_uses').selectAll();
  if (filter.sealId) query = query.where('seal_id', '=', filter.sealId);
  if (filter.documentId) query = query.where('document_id', '=', filter.documentId);
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  return paginate(query, page, { created_at: 'created_at' });
}
