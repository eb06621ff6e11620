import type { Actor } from '../../../platform/actor.js';
import type { Trx } from '../../../platform/db/schema.js';
import type { SignerRow } from '../requests.repository.js';
import type { SigningDeps } from '../signing.deps.js';
import { currentTurn } from '../signing.policy.js';
import type { RequestBundle } from '../signing.presenter.js';
import { sendYourTurn, sendYourTurnInApp } from './alert-messages.js';
import { claimAlert } from './alerts.repository.js';

/**
 * "Your turn": when a signature finishes the current group of a sequential request, the
 * signers of the next group are told (send time told external ones only to wait): external
 * signers by e-mail/SMS, internal signers (accounts) by an in-app notice. Once per signer
 * (claimed in digital_signature_alerts), audited. `bundle` is the request before `signedId`
 * signed.
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
    (s) => after.has(s.id) && !before.has(s.id) && ['sent', 'viewed'].includes(s.status),
  );
  for (const signer of next) await tellSigner(trx, deps, actor, bundle, signer);
  return next.length;
}

/**
 * At send time external signers get their link (which says whether to wait); internal signers
 * get no link, so those whose turn it is now are told in-app here.
 */
export async function notifyInternalAtSend(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  bundle: RequestBundle,
): Promise<number> {
  const turn = currentTurn(bundle.request.signature_order, bundle.signers);
  const internal = bundle.signers.filter((s) => s.user_id && turn.has(s.id));
  for (const signer of internal) await tellSigner(trx, deps, actor, bundle, signer);
  return internal.length;
}

async function tellSigner(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  bundle: RequestBundle,
  signer: SignerRow,
) {
  const { request } = bundle;
  const claimed = await claimAlert(trx, {
    request_id: request.id,
    kind: 'your_turn',
    subject_key: signer.id,
    created_at: deps.clock.now().toISOString(),
  });
  if (!claimed) return;
  if (signer.user_id) await sendYourTurnInApp(trx, deps.ctx, actor, request, signer);
  else await sendYourTurn(trx, deps.ctx, actor, request, signer);
  await deps.audit.record(trx, actor, {
    type: 'signing.request.turn_notified',
    entityId: request.id,
    payload: {
      request_number: request.request_number,
      signer_id: signer.id,
      signer_name: signer.signer_name,
      detail: signer.user_id ? 'in_app' : null,
    },
  });
}
