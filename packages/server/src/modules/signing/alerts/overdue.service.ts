import type { Actor } from '../../../platform/actor.js';
import type { Trx } from '../../../platform/db/schema.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import type { RequestRow } from '../requests.repository.js';
import { getBundle } from '../requests.service.js';
import type { SigningDeps } from '../signing.deps.js';
import { currentTurn } from '../signing.policy.js';
import { sendOverdue } from './alert-messages.js';
import { claimAlert, overdueCandidates } from './alerts.repository.js';

/** An open request counts as "near expiry" this long before expires_at. */
export const NEAR_EXPIRY_HOURS = 24;
const HOUR = 3_600_000;

/** Why a request is overdue now, one entry per alert (kind, subject, words); empty when it is not. */
export function overdueReasons(
  bundle: Awaited<ReturnType<typeof getBundle>>,
  now: Date,
): { kind: string; subject: string; why: string }[] {
  const { request } = bundle;
  const out = [];
  if (request.status === 'expired')
    out.push({ kind: 'expired', subject: '-', why: `expired at ${request.expires_at}` });
  else if (
    request.expires_at &&
    new Date(request.expires_at).getTime() - NEAR_EXPIRY_HOURS * HOUR <= now.getTime()
  )
    out.push({ kind: 'near_expiry', subject: '-', why: `expires at ${request.expires_at}` });
  if (request.status === 'sent' || request.status === 'partially_signed') {
    // a signer whose turn it is has not acted within the template's reminder window
    const window = request.reminder_hours;
    const since = [request.sent_at, ...bundle.signatures.map((s) => s.signed_at)]
      .filter(Boolean)
      .sort()
      .pop();
    if (window && since && new Date(since).getTime() + window * HOUR <= now.getTime()) {
      const turn = currentTurn(request.signature_order, bundle.signers);
      for (const s of bundle.signers.filter((x) => turn.has(x.id)))
        out.push({
          kind: 'signer_idle',
          subject: s.id,
          why: `${s.signer_name} has not acted since ${since}`,
        });
    }
  }
  return out;
}

/** Alerts the owner of one request for each reason not alerted before (claimed once each). */
export async function alertOwner(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  row: RequestRow,
): Promise<number> {
  const bundle = await getBundle(trx, row.id);
  const now = deps.clock.now();
  let sent = 0;
  for (const reason of overdueReasons(bundle, now)) {
    const claim = {
      request_id: row.id,
      kind: reason.kind,
      subject_key: reason.subject,
      created_at: now.toISOString(),
    };
    if (!(await claimAlert(trx, claim))) continue;
    await sendOverdue(trx, deps.ctx, actor, bundle.request, reason.why);
    await deps.audit.record(trx, actor, {
      type: 'signing.request.overdue_alerted',
      entityId: row.id,
      payload: {
        request_number: row.request_number,
        entity: `${row.entity_type}:${row.entity_id}`,
        detail: `${reason.kind}: ${reason.why}`,
      },
    });
    sent++;
  }
  return sent;
}

/** The overdue part of the reminder sweep: each candidate in its own transaction. */
export async function overdueSweep(deps: SigningDeps, actor: Actor): Promise<void> {
  const horizon = new Date(deps.clock.now().getTime() + NEAR_EXPIRY_HOURS * HOUR).toISOString();
  for (const row of await overdueCandidates(deps.db, { horizon, limit: 500 }))
    await inTransaction(deps.db, (trx) => alertOwner(trx, deps, actor, row));
}
