import { runCompiled } from '../../platform/db/compiled-once.js';
import { type Page, paginate } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type {
  DigitalSignatureRequestDocumentsTable,
  DigitalSignatureRequestsTable,
  DigitalSignatureSignersTable,
  RequestStatus,
} from './signing.tables.js';

/** SQL of requests, their documents and their signers. */
export type RequestRow = DigitalSignatureRequestsTable;
export type RequestDocumentRow = DigitalSignatureRequestDocumentsTable;
export type SignerRow = DigitalSignatureSignersTable;

export interface RequestFilter {
  entity_type?: string;
  entity_id?: string;
  status?: RequestStatus;
  customer_id?: string;
  priority?: string;
  search?: string;
}

export async function insertRequest(trx: Trx, row: RequestRow): Promise<void> {
  await trx.insertInto('digital_signature_requests').values(row).execute();
}

/** A request by id (compiled once: read on every signing-link call, twice per signature). */
export async function findRequest(db: DbOrTrx, id: string): Promise<RequestRow | undefined> {
  const found = await runCompiled(
    db,
    'signing.findRequest',
    (slot) => db.selectFrom('digital_signature_requests').selectAll().where('id', '=', slot),
    [id],
  );
  return found.rows[0];
}

/** Compare-and-set on the status, so of two concurrent moves one wins. */
export async function moveRequest(
  trx: Trx,
  id: string,
  from: readonly RequestStatus[],
  changes: Partial<RequestRow>,
): Promise<boolean> {
  return moveRow(trx, 'digital_signature_requests', id, from, changes);
}

export async function setRequestFields(trx: Trx, id: string, changes: Partial<RequestRow>): Promise<void> {
  await trx.updateTable('digital_signature_requests').set(changes).where('id', '=', id).execute();
}

export async function requestPage(
  db: DbOrTrx,
  filter: RequestFilter,
  page: { page: number; page_size: number },
  /** Not null: only requests this user created or is an internal party to (data scope). */
  ownerOrParty: string | null = null,
): Promise<Page<RequestRow>> {
  let q = db.selectFrom('digital_signature_requests').selectAll();
  if (ownerOrParty !== null)
    q = q.where((eb) =>
      eb.or([
        eb('requested_by', '=', ownerOrParty),
        eb(
          'id',
          'in',
          eb.selectFrom('digital_signature_signers').select('request_id').where('user_id', '=', ownerOrParty),
        ),
      ]),
    );
  for (const key of ['entity_type', 'entity_id', 'status', 'customer_id', 'priority'] as const) {
    const value = filter[key];
    if (value !== undefined) q = q.where(key, '=', value);
  }
  if (filter.search) {
    const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('title', 'like', like), eb('request_number', 'like', like)]));
  }
  return paginate(q, { ...page, sort: '-created_at' }, { created_at: 'created_at' });
}

export async function requestsOfEntity(
  db: DbOrTrx,
  entityType: string,
  entityId: string,
): Promise<RequestRow[]> {
  return db
    .selectFrom('digital_signature_requests')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Completed requests whose seal has been pending since before `before` (the stuck-seal sweep). */
export async function stuckSeals(db: DbOrTrx, before: string, limit: number): Promise<RequestRow[]> {
  return (
    db
      .selectFrom('digital_signature_requests')
      .selectAll()
      .where('seal_status', '=', 'pending')
      // completed ones since completion; declined ones (stamped and sealed too) since the decline
      .where((eb) =>
        eb.or([
          eb('completed_at', '<=', before),
          eb.and([eb('status', '=', 'rejected'), eb('updated_at', '<=', before)]),
        ]),
      )
      .limit(limit)
      .execute()
  );
}

/** Open requests whose links ran out (the expiry sweep). */
export async function expiredOpenRequests(db: DbOrTrx, now: string, limit: number): Promise<RequestRow[]> {
  return db
    .selectFrom('digital_signature_requests')
    .selectAll()
    .where('status', 'in', ['sent', 'partially_signed'])
    .where('expires_at', '<=', now)
    .limit(limit)
    .execute();
}

export async function insertRequestDocument(trx: Trx, row: RequestDocumentRow): Promise<void> {
  await trx.insertInto('digital_signature_request_documents').values(row).execute();
}

export async function documentsOf(db: DbOrTrx, requestIds: readonly string[]): Promise<RequestDocumentRow[]> {
  if (requestIds.length === 0) return [];
  if (requestIds.length === 1) {
    const one = await runCompiled(
      db,
      'signing.documentsOf',
      (slot) =>
        db
          .selectFrom('digital_signature_request_documents')
          .selectAll()
          .where('request_id', 'in', [slot])
          .orderBy('position'),
      requestIds,
    );
    return one.rows;
  }
  return db
    .selectFrom('digital_signature_request_documents')
    .selectAll()
    .where('request_id', 'in', [...requestIds])
    .orderBy('position')
    .execute();
}

/** Moves a document to its next version only if nobody else did in between. */
export async function advanceDocument(
  trx: Trx,
  row: RequestDocumentRow,
  next: { version: number; sha256: string },
): Promise<boolean> {
  const result = await runCompiled(
    trx,
    'signing.advanceDocument',
    (version, sha256, id, current) =>
      trx
        .updateTable('digital_signature_request_documents')
        .set({ current_version: version as unknown as number, current_sha256: sha256 })
        .where('id', '=', id)
        .where('current_version', '=', current as unknown as number),
    [next.version, next.sha256, row.id, row.current_version],
  );
  return Number(result.numAffectedRows ?? 0) === 1;
}

export async function insertSigner(trx: Trx, row: SignerRow): Promise<void> {
  await trx.insertInto('digital_signature_signers').values(row).execute();
}

export async function signersOf(db: DbOrTrx, requestIds: readonly string[]): Promise<SignerRow[]> {
  if (requestIds.length === 0) return [];
  if (requestIds.length === 1) {
    const one = await runCompiled(
      db,
      'signing.signersOf',
      (slot) =>
        db
          .selectFrom('digital_signature_signers')
          .selectAll()
          .where('request_id', 'in', [slot])
          .orderBy('signing_order')
          .orderBy('created_at'),
      requestIds,
    );
    return one.rows;
  }
  return db
    .selectFrom('digital_signature_signers')
    .selectAll()
    .where('request_id', 'in', [...requestIds])
    .orderBy('signing_order')
    .orderBy('created_at')
    .execute();
}

export async function findSigner(db: DbOrTrx, id: string): Promise<SignerRow | undefined> {
  const found = await runCompiled(
    db,
    'signing.findSigner',
    (slot) => db.selectFrom('digital_signature_signers').selectAll().where('id', '=', slot),
    [id],
  );
  return found.rows[0];
}

export async function findSignerByTokenHash(db: DbOrTrx, tokenHash: string): Promise<SignerRow | undefined> {
  const found = await runCompiled(
    db,
    'signing.findSignerByTokenHash',
    (slot) => db.selectFrom('digital_signature_signers').selectAll().where('token_hash', '=', slot),
    [tokenHash],
  );
  return found.rows[0];
}

/** Compare-and-set on the signer's status. */
export async function moveSigner(
  trx: Trx,
  id: string,
  from: readonly SignerRow['status'][],
  changes: Partial<SignerRow>,
): Promise<boolean> {
  return moveRow(trx, 'digital_signature_signers', id, from, changes);
}

/**
 * `changes` on the row `id` if its status is still one of `from` (compare-and-set). Compiled
 * once per table, changed columns and number of `from` states: a signature moves its signer
 * and its request on every call.
 */
async function moveRow(
  trx: Trx,
  table: 'digital_signature_requests' | 'digital_signature_signers',
  id: string,
  from: readonly string[],
  changes: object,
): Promise<boolean> {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
  const columns = entries.map(([column]) => column);
  const result = await runCompiled(
    trx,
    `signing.move ${table} (${columns.join(',')}) from ${from.length}`,
    (...slots) =>
      trx
        .updateTable(table)
        .set(Object.fromEntries(columns.map((c, i) => [c, slots[i]])) as never)
        .where('id', '=', slots[columns.length] as string)
        .where('status', 'in', slots.slice(columns.length + 1) as never[]),
    [...entries.map(([, value]) => value), id, ...from],
  );
  return Number(result.numAffectedRows ?? 0) === 1;
}

/** Open, unexpired requests that remind their signers (the reminder sweep filters by time). */
export async function remindableRequests(db: DbOrTrx, now: string, limit: number): Promise<RequestRow[]> {
  return db
    .selectFrom('digital_signature_requests')
    .selectAll()
    .where('status', 'in', ['sent', 'partially_signed'])
    .where('reminder_hours', 'is not', null)
    .where('expires_at', '>', now)
    .limit(limit)
    .execute();
}

/** Claims a reminder round (compare-and-set on last_reminded_at): of two sweeps, one reminds. */
export async function claimReminder(
  trx: Trx,
  id: string,
  previous: string | null,
  at: string,
): Promise<boolean> {
  let q = trx.updateTable('digital_signature_requests').set({ last_reminded_at: at }).where('id', '=', id);
  q =
    previous === null ? q.where('last_reminded_at', 'is', null) : q.where('last_reminded_at', '=', previous);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
