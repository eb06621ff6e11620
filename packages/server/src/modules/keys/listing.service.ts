import type { Actor } from '../../platform/actor.js';
import type { Page, PageRequest } from '../../platform/db/pagination.js';
import type { DbOrTrx } from '../../platform/db/schema.js';
import { certificateFor } from './certificates.service.js';
import { authorizeRead } from './keys.policy.js';
import * as repo from './keys.repository.js';
import type { CertificateState } from './keys.tables.js';

/** A certificate with what the inventory shows beside it: its key and its latest self-test. */
export interface CertificateListing {
  row: repo.CertificateRow;
  key: repo.KeyRow | undefined;
  test: repo.SelfTestRow | undefined;
}

async function withDetails(db: DbOrTrx, rows: repo.CertificateRow[]): Promise<CertificateListing[]> {
  const tests = await repo.latestSelfTests(
    db,
    rows.map((r) => r.id),
  );
  const keys = await repo.keysByIds(
    db,
    rows.map((r) => r.key_id),
  );
  return rows.map((row) => ({
    row,
    key: keys.find((k) => k.id === row.key_id),
    test: tests.find((t) => t.certificate_id === row.id),
  }));
}

/** The inventory page: every organisation certificate, newest first by default. */
export async function listCertificates(
  db: DbOrTrx,
  actor: Actor,
  query: PageRequest & { state?: CertificateState; uscc?: string },
): Promise<Page<CertificateListing>> {
  authorizeRead(actor);
  const page = await repo.certificatePage(db, { state: query.state, uscc: query.uscc }, query);
  return { ...page, items: await withDetails(db, page.items) };
}

export async function getCertificate(db: DbOrTrx, actor: Actor, id: string): Promise<CertificateListing> {
  authorizeRead(actor);
  const [item] = await withDetails(db, [await certificateFor(db, id)]);
  return item as CertificateListing;
}

/** One certificate row with its details (after a write, from the same transaction). */
export async function listingOf(db: DbOrTrx, row: repo.CertificateRow): Promise<CertificateListing> {
  const [item] = await withDetails(db, [row]);
  return item as CertificateListing;
}
