import type { Actor } from '../../../platform/actor.js';
import type { Trx } from '../../../platform/db/schema.js';
import type { SigningDeps } from '../signing.deps.js';
import { currentTurn } from '../signing.policy.js';
import type { RequestBundle } from '../signing.presenter.js';
import { sendYourTurn } from './alert-messages.js';
import { claimAlert } from './alerts.repository.js';

/**
 * "Your turn": when a signature finishes the current group of a sequential request, the
 * external signers of the next group are told (send time told them only to wait). Once per
 * signer (claimed in digital_signature_alerts), audited. `bundle` is the request before
 * `signedId` signed.
 */
export async function notifyNextTurn(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  bundle: RequestBundle,
  signedId: string,
): Promise<number> {
  const { request } = bundle;
  const before = currentTurn(request.signature_order, bundle.signers);
  const after = currentTurn(
    request.signature_order,
    bundle.signers.map((s) => (s.id === signedId ? { ...s, status: 'signed' as const } : s)),
  );
  const next = bundle.signers.filter(
    (s) => after.has(s.id) && !before.has(s.id) && !s.user_id && ['sent', 'viewed'].includes(s.status),
  );
  const at = deps.clock.now().toISOString();
  for (const signer of next) {
    if (
      !(await claimAlert(trx, {
        request_id: request.id,
        kind: 'your_turn',
        subject_key: signer.id,
        created_at: at,
      }))
    )
      continue;
    await sendYourTurn(trx, deps.ctx, actor, request, signer);
    await deps.audit.record(trx, actor, {
      type: 'signing.request.turn_notified',
      entityId: request.id,
      payload: {
        request_number: request.request_number,
        signer_id: signer.id,
        signer_name: signer.signer_name,
        detail: null,
      },
    });
  }
  return next.length;
}
