import type { DbOrTrx } from '../../../platform/db/schema.js';

/** SQL of public PDF verification: which SignX request a file's SHA-256 belongs to. */
export interface HashMatch {
  request_id: string;
  request_number: string;
  status: string;
  /** What the request's signing profile is resolved from (template, then the requester's department). */
  template_id: string | null;
  requested_by: string | null;
}

/**
 * Requests with a document version of this SHA-256: as sent, the current one (sealed), or
 * one a signature produced (digital_signature_produced_hashes). Every branch is an exact
 * match on an indexed column (migration 2026_12_08_0400), never a scan.
 */
export async function requestsWithHash(db: DbOrTrx, sha256: string): Promise<HashMatch[]> {
  const byDocument = await db
    .selectFrom('digital_signature_request_documents as d')
    .innerJoin('digital_signature_requests as r', 'r.id', 'd.request_id')
    .select(['r.id as request_id', 'r.request_number', 'r.status', 'r.template_id', 'r.requested_by'])
    .where((w) => w.or([w('d.current_sha256', '=', sha256), w('d.sent_sha256', '=', sha256)]))
    .execute();
  const bySignature = await db
    .selectFrom('digital_signature_produced_hashes as h')
    .innerJoin('digital_signature_requests as r', 'r.id', 'h.request_id')
    .select(['r.id as request_id', 'r.request_number', 'r.status', 'r.template_id', 'r.requested_by'])
    .where('h.sha256', '=', sha256)
    .execute();
  const seen = new Map<string, HashMatch>();
  for (const m of [...byDocument, ...bySignature]) seen.set(m.request_id, m);
  return [...seen.values()];
}

/** The SignX signatures of these requests made with these certificate serials. */
export async function signaturesBySerial(
  db: DbOrTrx,
  requestIds: readonly string[],
  serials: readonly string[],
): Promise<{ signature_number: string; certificate_serial: string; status: string }[]> {
  if (requestIds.length === 0 || serials.length === 0) return [];
  return db
    .selectFrom('digital_signatures')
    .select(['signature_number', 'certificate_serial', 'status'])
    .where('request_id', 'in', [...requestIds])
    .where('certificate_serial', 'in', [...serials])
    .execute();
}
