import type { Actor } from '../../../platform/actor.js';
import { newId } from '../../../platform/db/ids.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { AppError, domainError, notFound } from '../../../platform/errors.js';
import { requireAdministrativeReauthentication } from '../../identity/index.js';
import * as requests from '../requests.repository.js';
import { getBundle } from '../requests.service.js';
import { hashToken, newLinkToken } from '../send.service.js';
import { findSignature } from '../signatures.repository.js';
import { signingErrors } from '../signing.errors.js';
import { currentTurn } from '../signing.policy.js';
import { sendVerificationLink } from './in-person.messages.js';
import * as repo from './in-person.repository.js';
import type { InstancesDeps } from './instances.deps.js';
import { instancesErrors } from './instances.errors.js';

/**
 * In-person signing (seed 004 use case 3): a signed-in host hands their device to a signer.
 * The signer gets a fresh link for this device only (their e-mailed link dies), the page
 * runs in kiosk mode, and the host's login session stays locked until the host
 * re-authenticates (step-up proof) to unlock it. Host and signer are named in the audit
 * events on the request, so the evidence file carries them; afterwards the signer receives
 * the verification link of their signature by SMS or email.
 */
const KIOSK_HOURS = 2;

const notActive = (why: string) => domainError(instancesErrors.IN_PERSON_NOT_ACTIVE, why);

type Event = 'started' | 'finished' | 'cancelled' | 'unlocked' | 'verification_sent';

async function record(
  trx: Trx,
  deps: InstancesDeps,
  actor: Actor,
  session: repo.SessionRow,
  event: Event,
  detail: string | null,
) {
  const request = await requests.findRequest(trx, session.request_id);
  const signer = await requests.findSigner(trx, session.signer_id);
  await deps.events.record(trx, actor, {
    type: `signing.in_person.${event}`,
    entityId: session.request_id,
    payload: {
      request_number: request?.request_number ?? '',
      signer_id: session.signer_id,
      signer_name: signer?.signer_name ?? '',
      host: `${session.host_user_id} ${session.host_name}`,
      detail,
    },
  });
}

/** The session that locks this login session (null: not locked). */
export async function hostLock(db: DbOrTrx, actor: Actor) {
  if (!actor.sessionId) return null;
  return (await repo.lockingSession(db, actor.sessionId)) ?? null;
}

export async function startInPerson(
  trx: Trx,
  deps: InstancesDeps,
  host: Actor,
  input: { requestId: string; signerId: string; notify?: 'sms' | 'email' | 'none' | undefined },
) {
  if (!host.userId || !host.sessionId)
    throw new AppError('FORBIDDEN', 'In-person signing is hosted from a signed-in session (not an API key)');
  if (await hostLock(trx, host))
    throw domainError(instancesErrors.HOST_LOCKED, 'Unlock the current in-person session first');
  const bundle = await getBundle(trx, input.requestId);
  const signer = bundle.signers.find((s) => s.id === input.signerId);
  if (!signer) throw notFound('Signer');
  if (!['sent', 'partially_signed'].includes(bundle.request.status))
    throw domainError(signingErrors.REQUEST_NOT_OPEN, `The request is ${bundle.request.status}`);
  if (signer.user_id)
    throw domainError(signingErrors.SIGNER_NOT_LINKED_USER, 'Internal signers sign from their own account');
  if (!['sent', 'viewed'].includes(signer.status))
    throw domainError(signingErrors.SIGNER_DONE, `This signer has ${signer.status}`);
  if (!currentTurn(bundle.request.signature_order, bundle.signers).has(signer.id))
    throw domainError(signingErrors.NOT_YOUR_TURN, 'Earlier signers have not signed yet');
  const now = deps.clock.now();
  const cap = new Date(now.getTime() + KIOSK_HOURS * 3_600_000).toISOString();
  const expiresAt =
    bundle.request.expires_at && bundle.request.expires_at < cap ? bundle.request.expires_at : cap;
  const link = newLinkToken();
  const kiosk = newLinkToken();
  if (
    !(await requests.moveSigner(trx, signer.id, [signer.status], {
      token_hash: link.hash,
      token_expires_at: expiresAt,
      updated_at: now.toISOString(),
    }))
  )
    throw domainError(signingErrors.SIGNER_DONE, 'The signer changed meanwhile; reload');
  const notify = input.notify ?? (signer.signer_phone ? 'sms' : signer.signer_email ? 'email' : 'none');
  const session: repo.SessionRow = {
    id: newId(),
    request_id: bundle.request.id,
    signer_id: signer.id,
    host_user_id: host.userId,
    host_name: host.name,
    host_session_id: host.sessionId,
    locking_session_id: host.sessionId,
    kiosk_token_hash: kiosk.hash,
    signature_number: null,
    status: 'active',
    notify,
    ip_address: host.ip,
    user_agent: host.userAgent?.slice(0, 500) ?? null,
    started_at: now.toISOString(),
    ended_at: null,
    unlocked_at: null,
  };
  // The check above is the friendly answer; the UNIQUE index is the guarantee when two starts race.
  if (!(await repo.insertSession(trx, session)))
    throw domainError(instancesErrors.HOST_LOCKED, 'Unlock the current in-person session first');
  await record(trx, deps, host, session, 'started', `notify ${notify}; the e-mailed link was replaced`);
  return {
    session,
    signerName: signer.signer_name,
    token: link.token,
    kioskToken: kiosk.token,
    signingUrl: `${deps.publicUrl}/sign/${link.token}#kiosk=${session.id}.${kiosk.token}`,
  };
}

async function kioskSession(db: DbOrTrx, id: string, kioskToken: string): Promise<repo.SessionRow> {
  const session = await repo.findSession(db, id);
  if (!session || session.kiosk_token_hash !== hashToken(kioskToken))
    throw domainError(signingErrors.LINK_INVALID, 'This kiosk session is not valid');
  return session;
}

/** The signer finished on the device: recorded with the signature number; the verification link goes out. */
export async function finishInPerson(
  trx: Trx,
  deps: InstancesDeps,
  actor: Actor,
  id: string,
  kioskToken: string,
) {
  const session = await kioskSession(trx, id, kioskToken);
  if (session.status === 'finished') return session;
  if (session.status !== 'active') throw notActive(`The session is ${session.status}`);
  return completeSession(trx, deps, actor, session);
}

async function completeSession(trx: Trx, deps: InstancesDeps, actor: Actor, session: repo.SessionRow) {
  const signer = await requests.findSigner(trx, session.signer_id);
  if (signer?.status !== 'signed' || !signer.signature_id) throw notActive('The signer has not signed yet');
  const signature = await findSignature(trx, signer.signature_id);
  const number = signature?.signature_number ?? '';
  const at = deps.clock.now().toISOString();
  if (
    !(await repo.moveSession(trx, session.id, ['active'], {
      status: 'finished',
      ended_at: at,
      signature_number: number,
    }))
  )
    throw notActive('The session changed meanwhile');
  await record(trx, deps, actor, session, 'finished', number);
  const request = await requests.findRequest(trx, session.request_id);
  const address =
    session.notify === 'sms' ? signer.signer_phone : session.notify === 'email' ? signer.signer_email : null;
  if (address && request && (session.notify === 'sms' || session.notify === 'email')) {
    await sendVerificationLink(trx, deps.ctx, actor, {
      channel: session.notify,
      address,
      name: signer.signer_name,
      locale: request.language,
      params: {
        signerName: signer.signer_name,
        title: request.title,
        signatureNumber: number,
        link: `${deps.publicUrl}/verify/${encodeURIComponent(number)}`,
      },
    });
    await record(trx, deps, actor, session, 'verification_sent', session.notify);
  }
  return { ...session, status: 'finished' as const, ended_at: at, signature_number: number };
}

/** The signer handed the device back without signing: the device's link dies. */
export async function cancelInPerson(
  trx: Trx,
  deps: InstancesDeps,
  actor: Actor,
  id: string,
  kioskToken: string,
) {
  const session = await kioskSession(trx, id, kioskToken);
  return endUnsigned(trx, deps, actor, session, 'handed back without signing');
}

async function endUnsigned(
  trx: Trx,
  deps: InstancesDeps,
  actor: Actor,
  session: repo.SessionRow,
  why: string,
) {
  const at = deps.clock.now().toISOString();
  if (!(await repo.moveSession(trx, session.id, ['active'], { status: 'cancelled', ended_at: at })))
    throw notActive(`The session is ${session.status}`);
  const signer = await requests.findSigner(trx, session.signer_id);
  if (signer && ['sent', 'viewed'].includes(signer.status))
    await requests.moveSigner(trx, signer.id, [signer.status], { token_hash: null, updated_at: at });
  await record(trx, deps, actor, session, 'cancelled', why);
  return { ...session, status: 'cancelled' as const, ended_at: at };
}

/**
 * The host takes the device back: only their own login session, only with a fresh step-up
 * proof (re-authentication). A signer still at work is cut off; one who signed is finished.
 */
export async function unlockInPerson(
  trx: Trx,
  deps: InstancesDeps,
  host: Actor,
  id: string,
  proof: string | undefined,
) {
  const session = await repo.findSession(trx, id);
  if (!session || session.host_user_id !== host.userId || session.host_session_id !== host.sessionId)
    throw notFound('In-person session');
  // one fresh secret of the host's own session (password or second factor), single use
  await requireAdministrativeReauthentication(trx, deps.ctx, {
    proof,
    userId: host.userId,
    sessionId: host.sessionId,
  });
  let current: repo.SessionRow = session;
  if (session.status === 'active') {
    const signer = await requests.findSigner(trx, session.signer_id);
    current =
      signer?.status === 'signed'
        ? await completeSession(trx, deps, host, session)
        : await endUnsigned(trx, deps, host, session, 'unlocked by the host before the signer finished');
  }
  const at = deps.clock.now().toISOString();
  if (!(await repo.markUnlocked(trx, id, at))) throw notActive('The session is already unlocked');
  await record(trx, deps, host, session, 'unlocked', null);
  return { ...current, unlocked_at: at };
}

export async function sessionSignerName(db: DbOrTrx, session: repo.SessionRow): Promise<string> {
  return (await requests.findSigner(db, session.signer_id))?.signer_name ?? '';
}
