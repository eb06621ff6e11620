import type { RevocationReason, RevokedEntry } from '@signx/pades';
import type { CompiledQuery } from 'kysely';
import type { Db, DbOrTrx, Trx } from '../db/schema.js';
import './trust.tables.js';

/** Records a revocation; the first one wins (RFC 5280 keeps the first revocation time). */
export async function insertRevocation(
  trx: Trx,
  row: {
    serial: string;
    reason: RevocationReason;
    revokedAt: string;
    subject: string | null;
    note: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('platform_certificate_revocations')
    .values({
      serial: row.serial,
      reason: row.reason,
      revoked_at: row.revokedAt,
      subject: row.subject,
      note: row.note,
    })
    .onConflict((oc) => oc.column('serial').doNothing())
    .execute();
}

const sentinel = '\u0000serial';
let compiled: { db: Db; query: CompiledQuery<RevocationRow> } | null = null;
interface RevocationRow {
  serial: string;
  reason: RevocationReason;
  revoked_at: string;
}

/**
 * The revocation of one certificate, if any: read on every public verification and OCSP
 * answer, so the SQL is compiled once per database handle and reused with the new serial.
 */
export async function revocationOf(db: Db, serial: string): Promise<RevokedEntry | undefined> {
  if (compiled?.db !== db)
    compiled = {
      db,
      query: db
        .selectFrom('platform_certificate_revocations')
        .select(['serial', 'reason', 'revoked_at'])
        .where('serial', '=', sentinel)
        .compile(),
    };
  const parameters = compiled.query.parameters.map((p) => (p === sentinel ? serial : p));
  const row = (await db.executeQuery<RevocationRow>({ ...compiled.query, parameters })).rows[0];
  return row ? { serial: row.serial, reason: row.reason, revokedAt: new Date(row.revoked_at) } : undefined;
}

export async function allRevocations(db: DbOrTrx): Promise<RevokedEntry[]> {
  const rows = await db
    .selectFrom('platform_certificate_revocations')
    .select(['serial', 'reason', 'revoked_at'])
    .orderBy('revoked_at')
    .execute();
  return rows.map((r) => ({ serial: r.serial, reason: r.reason, revokedAt: new Date(r.revoked_at) }));
}
