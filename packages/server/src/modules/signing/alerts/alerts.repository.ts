import { runCompiled } from '../../../platform/db/compiled-once.js';
import { newId } from '../../../platform/db/ids.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { RequestRow } from '../requests.repository.js';
import type { DigitalSignatureAlertsTable } from './alerts.tables.js';

/**
 * Claims an alert: true only for the first claim of (request, kind, subject), so two sweeps
 * (or two nodes) never alert twice (unique index, insert-or-nothing).
 */
export async function claimAlert(trx: Trx, row: Omit<DigitalSignatureAlertsTable, 'id'>): Promise<boolean> {
  // Compiled once: every signature that passes the turn claims one "your turn" alert.
  const result = await runCompiled(
    trx,
    'signing.claimAlert',
    (id, request_id, kind, subject_key, created_at) =>
      trx
        .insertInto('digital_signature_alerts')
        .values({ id, request_id, kind, subject_key, created_at })
        .onConflict((oc) => oc.columns(['request_id', 'kind', 'subject_key']).doNothing()),
    [newId(), row.request_id, row.kind, row.subject_key, row.created_at],
  );
  return Number(result.numAffectedRows ?? 0) === 1;
}

/** Requests with an owner that may be overdue: open and expiring before `horizon` or with a reminder window, or expired and not yet alerted. */
export async function overdueCandidates(
  db: DbOrTrx,
  input: { horizon: string; limit: number },
): Promise<RequestRow[]> {
  return db
    .selectFrom('digital_signature_requests')
    .selectAll()
    .where('requested_by', 'is not', null)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('status', 'in', ['sent', 'partially_signed']),
          eb.or([eb('expires_at', '<=', input.horizon), eb('reminder_hours', 'is not', null)]),
        ]),
        // expired ones until their owner was told
        eb.and([
          eb('status', '=', 'expired'),
          eb.not(
            eb.exists(
              eb
                .selectFrom('digital_signature_alerts as a')
                .select('a.id')
                .whereRef('a.request_id', '=', 'digital_signature_requests.id')
                .where('a.kind', '=', 'expired'),
            ),
          ),
        ]),
      ]),
    )
    .limit(input.limit)
    .execute();
}
