import {
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { newId } from '../../../platform/db/ids.js';
import { decodeJson, encodeJson } from '../../../platform/db/json-codec.js';
import type { Trx } from '../../../platform/db/schema.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError } from '../../../platform/errors.js';
import type { IdentityDeps } from '../identity.deps.js';
import { notifyAccountChange } from '../shared/account-notice.service.js';
import { type Actor, identityEvents, recordIdentity } from '../shared/identity-audit.js';
import { findUserById } from '../users/users.repository.js';
import {
  consumeChallenge,
  passkeyRefused,
  relyingParty,
  storeChallenge,
} from './passkey-challenges.service.js';
import { recordPasskeyFailure } from './passkey-failures.js';
import {
  activePasskeysOf,
  findPasskeyByCredentialId,
  insertPasskey,
  type PasskeyRow,
} from './passkeys.repository.js';

/** Most passkeys one user may hold (several devices, a spare security key). */
export const maxPasskeysPerUser = 20;

/**
 * Registration options for the signed-in user (the route has already consumed a step-up
 * proof): resident key preferred, user verification required, no attestation, the user's
 * passkeys excluded so one authenticator is not registered twice.
 */
export async function startPasskeyRegistration(
  trx: Trx,
  runtime: IdentityDeps,
  input: { userId: string; sessionId: string },
): Promise<{ challengeId: string; expiresAt: string; options: PublicKeyCredentialCreationOptionsJSON }> {
  const user = await findUserById(trx, input.userId);
  if (!user) throw passkeyRefused('Unknown user');
  const existing = await activePasskeysOf(trx, user.id);
  if (existing.length >= maxPasskeysPerUser)
    throw new AppError('CONFLICT', `You already have ${maxPasskeysPerUser} passkeys; remove one first`);
  const rp = relyingParty(runtime.ctx);
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpId,
    userName: user.username,
    userDisplayName: user.full_name,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({
      id: p.credential_id,
      transports: decodeJson(p.transports) ?? [],
    })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
    supportedAlgorithmIDs: [-7, -257],
  });
  const stored = await storeChallenge(trx, runtime.ctx, {
    ...input,
    purpose: 'registration',
    challenge: options.challenge,
  });
  return { challengeId: stored.id, expiresAt: stored.expiresAt, options };
}

/**
 * Checks the authenticator's answer to a registration challenge (origin and RP id from
 * PUBLIC_URL, user presence and verification, signature algorithm) and stores the passkey.
 * A refusal is audited in its own transaction, then thrown.
 */
export async function finishPasskeyRegistration(
  runtime: IdentityDeps,
  actor: Actor,
  input: {
    userId: string;
    sessionId: string;
    challengeId: string;
    name: string;
    response: RegistrationResponseJSON;
  },
): Promise<PasskeyRow> {
  const { ctx } = runtime;
  try {
    const challenge = await inTransaction(ctx.db, (trx) =>
      consumeChallenge(trx, ctx, {
        id: input.challengeId,
        userId: input.userId,
        sessionId: input.sessionId,
        purpose: 'registration',
      }),
    );
    const info = await verifiedRegistration(runtime, input.response, challenge);
    return await inTransaction(ctx.db, (trx) => storePasskey(trx, runtime, actor, { ...input, info }));
  } catch (error) {
    await recordPasskeyFailure(ctx, actor, { userId: input.userId, method: 'passkey_register', error });
    throw error;
  }
}

async function verifiedRegistration(
  runtime: IdentityDeps,
  response: RegistrationResponseJSON,
  challenge: string,
) {
  const rp = relyingParty(runtime.ctx);
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpId,
      requireUserVerification: true,
      supportedAlgorithmIDs: [-7, -257],
    });
    if (!result.verified || !result.registrationInfo)
      throw passkeyRefused('The passkey could not be verified');
    return result.registrationInfo;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw passkeyRefused(`The passkey was refused: ${(error as Error).message}`);
  }
}

type RegistrationInfo = Awaited<ReturnType<typeof verifiedRegistration>>;

async function storePasskey(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  input: { userId: string; name: string; response: RegistrationResponseJSON; info: RegistrationInfo },
): Promise<PasskeyRow> {
  const { credential } = input.info;
  if (await findPasskeyByCredentialId(trx, credential.id))
    throw new AppError('CONFLICT', 'This passkey is already registered');
  const row: PasskeyRow = {
    id: newId(),
    user_id: input.userId,
    credential_id: credential.id,
    public_key: isoBase64URL.fromBuffer(credential.publicKey),
    counter: credential.counter,
    transports: encodeJson(input.response.response.transports ?? []),
    name: input.name,
    aaguid: input.info.aaguid,
    device_type: input.info.credentialDeviceType,
    backed_up: input.info.credentialBackedUp ? 1 : 0,
    created_at: runtime.ctx.clock.now().toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await insertPasskey(trx, row);
  await recordIdentity(trx, actor, {
    action: identityEvents['passkey.registered'],
    entityType: 'user',
    entityId: input.userId,
    details: { passkey_id: row.id, name: row.name, aaguid: row.aaguid },
  });
  const user = await findUserById(trx, input.userId);
  if (user) await notifyAccountChange(trx, runtime, user, { change: 'passkey_added' });
  return row;
}
