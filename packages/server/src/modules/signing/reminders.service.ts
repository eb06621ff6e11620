import type { Actor } from '../../platform/actor.js';
import type { Trx } from '../../platform/db/schema.js';
import * as repo from './requests.repository.js';
import { getBundle } from './requests.service.js';
import { newLinkToken } from './send.service.js';
import type { SigningDeps } from './signing.deps.js';
import { currentTurn } from './signing.policy.js';
import { sendSigningLink } from './signing-messages.js';

/** True when the request's reminder interval has passed since it was sent or last reminded. */
export function isReminderDue(row: repo.RequestRow, now: Date): boolean {
  if (!row.reminder_hours) return false;
  const since = row.last_reminded_at ?? row.sent_at;
  return since !== null && new Date(since).getTime() + row.reminder_hours * 3_600_000 <= now.getTime();
}

/**
 * Reminds the external signers whose turn it is: each gets a FRESH link (the server keeps only
 * hashes, so a reminder cannot repeat the old one; the old link stops working), by the same
 * channels as the first message. Audited once per request.
 */
export async function remindRequest(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  requestId: string,
): Promise<number> {
  const bundle = await getBundle(trx, requestId);
  const { request } = bundle;
  const now = deps.clock.now();
  if (!['sent', 'partially_signed'].includes(request.status) || !isReminderDue(request, now)) return 0;
  const at = now.toISOString();
  if (!(await repo.claimReminder(trx, request.id, request.last_reminded_at, at))) return 0;
  const turn = currentTurn(request.signature_order, bundle.signers);
  const due = bundle.signers.filter(
    (s) => turn.has(s.id) && !s.user_id && ['sent', 'viewed'].includes(s.status),
  );
  for (const signer of due) {
    const { token, hash } = newLinkToken();
    if (!(await repo.moveSigner(trx, signer.id, [signer.status], { token_hash: hash, updated_at: at })))
      continue;
    const link = `${deps.publicUrl}/sign/${token}`;
    await sendSigningLink(trx, deps.ctx, actor, {
      request,
      signer,
      link,
      expiresAt: request.expires_at ?? at,
      waiting: false,
    });
  }
  await deps.audit.record(trx, actor, {
    type: 'signing.request.reminded',
    entityId: request.id,
    payload: {
      request_number: request.request_number,
      entity: `${request.entity_type}:${request.entity_id}`,
      detail: `${due.length} signer(s)`,
    },
  });
  return due.length;
}
