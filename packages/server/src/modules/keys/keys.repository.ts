import type { Page, PageRequest } from '../../platform/db/pagination.js';
import { paginate } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type {
  CertificateState,
  KeysManagedKeysTable,
  KeysOrgCertificatesTable,
  KeysSelfTestsTable,
} from './keys.tables.js';

/** All SQL of the keys module, as small named functions; the service decides. */
export type KeyRow = KeysManagedKeysTable;
export type CertificateRow = KeysOrgCertificatesTable;
export type SelfTestRow = KeysSelfTestsTable;

export async function insertKey(trx: Trx, row: KeyRow): Promise<void> {
  await trx.insertInto('keys_managed_keys').values(row).execute();
}

export async function findKey(db: DbOrTrx, id: string): Promise<KeyRow | undefined> {
  return db.selectFrom('keys_managed_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function retireKey(trx: Trx, id: string, at: string): Promise<void> {
  await trx
    .updateTable('keys_managed_keys')
    .set({ state: 'retired', updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function insertCertificate(trx: Trx, row: CertificateRow): Promise<void> {
  await trx.insertInto('keys_org_certificates').values(row).execute();
}

export async function findCertificate(db: DbOrTrx, id: string): Promise<CertificateRow | undefined> {
  return db.selectFrom('keys_org_certificates').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Compare-and-set: moves a certificate out of `from`; false when someone else moved it first. */
export async function moveCertificate(
  trx: Trx,
  id: string,
  from: CertificateState,
  changes: Partial<Omit<CertificateRow, 'id' | 'key_id' | 'created_at'>> & { state: CertificateState },
): Promise<boolean> {
  const result = await trx
    .updateTable('keys_org_certificates')
    .set(changes)
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function certificatePage(
  db: DbOrTrx,
  filter: { state?: CertificateState; uscc?: string },
  page: PageRequest,
): Promise<Page<CertificateRow>> {
  let query = db.selectFrom('keys_org_certificates').selectAll();
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.uscc) query = query.where('uscc', '=', filter.uscc);
  return paginate(query, page, {
    created_at: 'created_at',
    not_after: 'not_after',
    legal_name: 'legal_name',
  });
}

/** Certificates that can still sign (active, not revoked): the self-test's list. */
export async function activeCertificates(db: DbOrTrx): Promise<CertificateRow[]> {
  return db
    .selectFrom('keys_org_certificates')
    .selectAll()
    .where('state', '=', 'active')
    .orderBy('id')
    .execute();
}

/** Active certificates ending before `before` that were not warned about yet. */
export async function expiringUnwarned(db: DbOrTrx, before: string): Promise<CertificateRow[]> {
  return db
    .selectFrom('keys_org_certificates')
    .selectAll()
    .where('state', '=', 'active')
    .where('not_after', '<', before)
    .where('expiry_warned_at', 'is', null)
    .orderBy('not_after')
    .execute();
}

export async function markExpiryWarned(trx: Trx, id: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('keys_org_certificates')
    .set({ expiry_warned_at: at })
    .where('id', '=', id)
    .where('expiry_warned_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertSelfTest(trx: Trx, row: SelfTestRow): Promise<void> {
  await trx.insertInto('keys_self_tests').values(row).execute();
}

/** The latest self-test of each of `certificateIds`. */
export async function latestSelfTests(
  db: DbOrTrx,
  certificateIds: readonly string[],
): Promise<SelfTestRow[]> {
  if (certificateIds.length === 0) return [];
  const rows = await db
    .selectFrom('keys_self_tests')
    .selectAll()
    .where('certificate_id', 'in', certificateIds)
    .orderBy('ran_at', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.certificate_id) && seen.add(r.certificate_id));
}
