import type { Actor } from '../../../platform/actor.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { domainError, invalid, notFound } from '../../../platform/errors.js';
import * as requests from '../requests.repository.js';
import type { SigningDeps } from '../signing.deps.js';
import { signingErrors } from '../signing.errors.js';
import { SIGNING_ROLES } from '../signing.policy.js';
import type { SignerAccess } from '../signing-link.service.js';
import * as repo from './access.repository.js';
import type { AccessFactor } from './access.tables.js';
import {
  accessCodeMatches,
  accessLimits,
  equalHex,
  hashAccessCode,
  hashCode,
  maskAddress,
  newCode,
  newProof,
  sha256,
} from './access-codes.js';
import { sendAccessCode } from './access-messages.js';

const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000).toISOString();

/** The request's second factor ('none' when the sender set none). */
export async function factorOf(db: DbOrTrx, requestId: string): Promise<repo.RequestAccessRow | undefined> {
  const row = await repo.findRequestAccess(db, requestId);
  return row && row.factor !== 'none' ? row : undefined;
}

/**
 * The sender sets (or clears) the request's second factor while it is open. Email and SMS
 * codes need every external signer to have that address; an access code is given here and
 * kept only as a salted scrypt hash (the sender tells the signers by another way).
 */
export async function setRequestFactor(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  requestId: string,
  input: { factor: AccessFactor; access_code?: string | undefined },
): Promise<{ factor: AccessFactor }> {
  const request = await requests.findRequest(trx, requestId);
  if (!request) throw notFound('Signature request');
  if (!['pending', 'sent', 'partially_signed'].includes(request.status))
    throw domainError(signingErrors.REQUEST_NOT_OPEN, `The request is ${request.status}`);
  const code = input.access_code?.normalize('NFC').trim() ?? '';
  if (input.factor === 'access_code' && (code.length < 6 || code.length > 64))
    throw invalid('access_code', 'An access code of 6–64 characters is required');
  const external = (await requests.signersOf(trx, [requestId])).filter(
    (s) => !s.user_id && SIGNING_ROLES.has(s.role),
  );
  const field =
    input.factor === 'email_code' ? 'signer_email' : input.factor === 'sms_code' ? 'signer_phone' : null;
  const missing = field ? external.filter((s) => !s[field]) : [];
  if (missing.length > 0)
    throw invalid('factor', `${missing.map((s) => s.signer_name).join(', ')}: no ${field} to send a code to`);
  const at = deps.clock.now().toISOString();
  await repo.upsertRequestAccess(trx, {
    request_id: requestId,
    factor: input.factor,
    access_code_hash: input.factor === 'access_code' ? hashAccessCode(code) : null,
    updated_at: at,
  });
  await deps.audit.record(trx, actor, {
    type: 'signing.request.factor_set',
    entityId: requestId,
    payload: {
      request_number: request.request_number,
      entity: `${request.entity_type}:${request.entity_id}`,
      detail: input.factor,
    },
  });
  return { factor: input.factor };
}

/** Where a code goes for this factor, or null (access code: the sender told the signer). */
function destinationOf(factor: AccessFactor, signer: requests.SignerRow) {
  if (factor === 'email_code' && signer.signer_email)
    return { channel: 'email' as const, address: signer.signer_email };
  const phone = signer.signer_phone?.replace(/[\s()-]/g, '');
  if (factor === 'sms_code' && phone) return { channel: 'sms' as const, address: phone };
  return null;
}

/** What the signer page needs before the factor passed: nothing of the document. */
export async function factorStatus(db: DbOrTrx, deps: SigningDeps, access: SignerAccess, proof?: string) {
  const setting = await factorOf(db, access.bundle.request.id);
  if (!setting)
    return { required: false, factor: 'none' as const, passed: true, destination: null, locked_until: null };
  const state = await repo.findSignerAccess(db, access.signer.id);
  const now = deps.clock.now().toISOString();
  const locked = state?.locked_until && state.locked_until > now ? state.locked_until : null;
  const to = destinationOf(setting.factor, access.signer);
  return {
    required: true,
    factor: setting.factor,
    passed: proofHolds(state, access, proof, now),
    destination: to ? maskAddress(to.address) : null,
    locked_until: locked,
  };
}

function proofHolds(
  state: repo.SignerAccessRow | undefined,
  access: SignerAccess,
  proof: string | undefined,
  now: string,
) {
  if (!proof || !state?.proof_hash || !state.proof_expires_at || state.proof_expires_at <= now) return false;
  return equalHex(state.proof_hash, sha256(proof)) && state.proof_link_hash === access.signer.token_hash;
}

/**
 * Refuses (40192) every link action that shows or changes the document until the factor
 * passed: the proof must be this signer's, earned with this link, and unexpired.
 */
export async function requireFactor(db: DbOrTrx, deps: SigningDeps, access: SignerAccess, proof?: string) {
  const setting = await factorOf(db, access.bundle.request.id);
  if (!setting) return;
  const state = await repo.findSignerAccess(db, access.signer.id);
  if (!proofHolds(state, access, proof, deps.clock.now().toISOString()))
    throw domainError(
      signingErrors.ACCESS_CODE_REQUIRED,
      'Verify the code first (POST …/factor/verify), then send its proof as X-Signing-Factor',
      { details: { factor: setting.factor } },
    );
}

/**
 * Sends a fresh one-time code (email or SMS, per the factor), at most once a minute, never
 * while locked. The previous code stops working. The code exists only in the message.
 */
export async function sendFactorCode(trx: Trx, deps: SigningDeps, actor: Actor, access: SignerAccess) {
  const setting = await factorOf(trx, access.bundle.request.id);
  const to = setting ? destinationOf(setting.factor, access.signer) : null;
  if (!setting || !to)
    throw invalid(
      'factor',
      'This link has no code to send (no second factor, or an access code from the sender)',
    );
  const now = deps.clock.now();
  const state = await repo.ensureSignerAccess(trx, access.signer.id, now.toISOString());
  if (state.locked_until && state.locked_until > now.toISOString())
    throw domainError(signingErrors.ACCESS_CODE_LOCKED, 'Too many wrong codes; try again later', {
      details: { locked_until: state.locked_until },
    });
  const resendAfter = state.last_sent_at
    ? new Date(new Date(state.last_sent_at).getTime() + accessLimits.resendSeconds * 1000).toISOString()
    : null;
  if (resendAfter && resendAfter > now.toISOString())
    throw domainError(signingErrors.ACCESS_CODE_RESEND_TOO_SOON, 'A code was sent moments ago', {
      details: { resend_after: resendAfter },
    });
  const code = newCode();
  const expiresAt = minutes(now, accessLimits.codeMinutes);
  await repo.updateSignerAccess(trx, access.signer.id, {
    code_hash: hashCode(access.signer.id, code),
    code_expires_at: expiresAt,
    last_sent_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
  await sendAccessCode(trx, deps.ctx, actor, {
    request: access.bundle.request,
    signer: access.signer,
    ...to,
    code,
    minutes: accessLimits.codeMinutes,
  });
  await recordSigner(trx, deps, actor, access, 'signing.request.factor_sent', to.channel);
  return {
    channel: to.channel,
    destination: maskAddress(to.address),
    expires_at: expiresAt,
    resend_after: new Date(now.getTime() + accessLimits.resendSeconds * 1000).toISOString(),
  };
}

export type VerifyOutcome =
  | { ok: true; proof: string; expires_at: string }
  | { ok: false; locked_until: string | null; attempts_left: number };

/**
 * Checks a code. Every guess is counted before the comparison (atomic increment), so
 * parallel guesses cannot exceed the limit; the fifth wrong one locks the link for a while
 * and kills the code. Returns the outcome instead of throwing so the count commits; the
 * route answers 40193/42992 after the transaction.
 */
export async function verifyFactorCode(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  access: SignerAccess,
  code: string,
): Promise<VerifyOutcome> {
  const setting = await factorOf(trx, access.bundle.request.id);
  if (!setting) throw invalid('code', 'This request has no second factor');
  const now = deps.clock.now();
  const at = now.toISOString();
  const state = await repo.ensureSignerAccess(trx, access.signer.id, at);
  if (state.locked_until && state.locked_until > at)
    return { ok: false, locked_until: state.locked_until, attempts_left: 0 };
  const attempts = await repo.countAttempt(trx, access.signer.id, at);
  const matches =
    setting.factor === 'access_code'
      ? !!setting.access_code_hash && accessCodeMatches(setting.access_code_hash, code)
      : !!state.code_hash &&
        !!state.code_expires_at &&
        state.code_expires_at > at &&
        equalHex(state.code_hash, hashCode(access.signer.id, code));
  if (matches && attempts <= accessLimits.maxAttempts) return pass(trx, deps, actor, access, now);
  if (attempts < accessLimits.maxAttempts)
    return { ok: false, locked_until: null, attempts_left: accessLimits.maxAttempts - attempts };
  const lockedUntil = minutes(now, accessLimits.lockMinutes);
  await repo.updateSignerAccess(trx, access.signer.id, {
    locked_until: lockedUntil,
    failed_attempts: 0,
    code_hash: null,
    code_expires_at: null,
    updated_at: at,
  });
  await recordSigner(trx, deps, actor, access, 'signing.request.factor_locked', `until ${lockedUntil}`);
  return { ok: false, locked_until: lockedUntil, attempts_left: 0 };
}

async function pass(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  access: SignerAccess,
  now: Date,
): Promise<VerifyOutcome> {
  const { proof, hash } = newProof();
  const linkEnd = access.signer.token_expires_at ?? minutes(now, 60 * accessLimits.proofHours);
  const proofEnd = minutes(now, 60 * accessLimits.proofHours);
  const [expiresAt = proofEnd] = [linkEnd, proofEnd].sort(); // the earlier of the two (ISO strings)
  await repo.updateSignerAccess(trx, access.signer.id, {
    code_hash: null, // single use
    code_expires_at: null,
    failed_attempts: 0,
    proof_hash: hash,
    proof_link_hash: access.signer.token_hash,
    proof_expires_at: expiresAt,
    updated_at: now.toISOString(),
  });
  await recordSigner(trx, deps, actor, access, 'signing.request.factor_passed', null);
  return { ok: true, proof, expires_at: expiresAt };
}

async function recordSigner(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  access: SignerAccess,
  type: 'signing.request.factor_sent' | 'signing.request.factor_passed' | 'signing.request.factor_locked',
  detail: string | null,
) {
  await deps.audit.record(trx, actor, {
    type,
    entityId: access.bundle.request.id,
    payload: {
      request_number: access.bundle.request.request_number,
      signer_id: access.signer.id,
      signer_name: access.signer.signer_name,
      detail,
    },
  });
}
