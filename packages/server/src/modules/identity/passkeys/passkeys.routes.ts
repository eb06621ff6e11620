import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyRequest } from 'fastify';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden } from '../../../platform/errors.js';
import { actorOf, principalOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { tokenPair } from '../auth/auth.schemas.js';
import type { IdentityDeps } from '../identity.deps.js';
import { identityErrors } from '../identity.errors.js';
import { requireStepUpProof, stepUpProofHeader } from '../mfa/step-up-proof.service.js';
import { stepUpHeaders } from '../users/users.schemas.js';
import { createPasskeyAssertionOptions } from './passkey-assertion.service.js';
import { completePasskeyLogin, startPasskeyLogin } from './passkey-login.service.js';
import { finishPasskeyRegistration, startPasskeyRegistration } from './passkey-registration.service.js';
import { presentPasskey } from './passkeys.presenter.js';
import * as s from './passkeys.schemas.js';
import {
  listOwnPasskeys,
  renameOwnPasskey,
  revokeOwnPasskey,
  stepUpWithPasskey,
} from './passkeys.service.js';

const signedIn = { authenticated: true } as const;
const passkeyErrors = [
  'FORBIDDEN',
  identityErrors.PASSKEY_REFUSED,
  identityErrors.PASSKEY_USER_VERIFICATION_REQUIRED,
  identityErrors.PASSKEY_COUNTER_REGRESSION,
  identityErrors.PASSKEY_ACCOUNT_LOCKED,
] as const;

function sessionUser(request: FastifyRequest) {
  const principal = principalOf(request);
  if (principal.kind !== 'user' || !principal.userId || !principal.sessionId)
    throw forbidden('Only a signed-in user can manage their own passkeys');
  return { userId: principal.userId, sessionId: principal.sessionId };
}

/** Registration (needs a step-up proof), the caller's passkey list, rename and revoke, and step-up with a passkey. */
export function passkeyRoutes(runtime: IdentityDeps): RouteDefinition[] {
  return [
    ...registrationRoutes(runtime),
    ...ownPasskeyRoutes(runtime),
    ...stepUpRoutes(runtime),
    ...loginRoutes(runtime),
  ];
}

function registrationRoutes(runtime: IdentityDeps): RouteDefinition[] {
  const { db } = runtime.ctx;
  return [
    defineRoute({
      method: 'POST',
      url: '/auth/passkeys/registration/options',
      access: signedIn,
      summary: 'Start registering a passkey (needs a step-up proof)',
      description:
        'Consumes the X-Step-Up-Proof of the caller’s session (POST /auth/step-up) and returns WebAuthn creation options with a single-use challenge valid 5 minutes, bound to this session.',
      headers: stepUpHeaders,
      response: s.ceremonyOptions,
      errors: [...passkeyErrors, identityErrors.REAUTHENTICATION_REQUIRED, 'CONFLICT'],
      handler: async (request) => {
        const session = sessionUser(request);
        const started = await inTransaction(db, async (trx) => {
          await requireStepUpProof(
            trx,
            runtime.ctx,
            principalOf(request),
            stepUpProofHeader(request.headers),
          );
          return startPasskeyRegistration(trx, runtime, session);
        });
        return {
          challenge_id: started.challengeId,
          expires_at: started.expiresAt,
          options: { ...started.options },
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/passkeys/registration',
      access: signedIn,
      summary: 'Finish registering a passkey with the authenticator’s response',
      body: s.registerBody,
      response: s.passkeyView,
      status: 201,
      idempotent: true,
      errors: [...passkeyErrors, 'CONFLICT'],
      handler: async (request) => {
        const session = sessionUser(request);
        const { challenge_id, name, response } = request.body;
        const row = await finishPasskeyRegistration(runtime, actorOf(request), {
          ...session,
          challengeId: challenge_id,
          name,
          response: response as RegistrationResponseJSON,
        });
        return presentPasskey(row);
      },
    }),
  ];
}

function ownPasskeyRoutes(runtime: IdentityDeps): RouteDefinition[] {
  const { db } = runtime.ctx;
  return [
    defineRoute({
      method: 'GET',
      url: '/me/passkeys',
      access: signedIn,
      summary: 'The caller’s passkeys (not revoked)',
      response: s.passkeyList,
      errors: ['FORBIDDEN'],
      handler: async (request) => {
        const { userId } = sessionUser(request);
        const rows = await inTransaction(db, (trx) => listOwnPasskeys(trx, userId));
        return { items: rows.map(presentPasskey) };
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/me/passkeys/:id',
      access: signedIn,
      summary: 'Rename one of the caller’s passkeys',
      params: s.passkeyParams,
      body: s.renameBody,
      response: s.passkeyView,
      errors: ['FORBIDDEN', 'NOT_FOUND'],
      handler: async (request) => {
        const { userId } = sessionUser(request);
        const input = { userId, id: request.params.id, name: request.body.name };
        return presentPasskey(
          await inTransaction(db, (trx) => renameOwnPasskey(trx, actorOf(request), input)),
        );
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/me/passkeys/:id',
      access: signedIn,
      summary: 'Revoke one of the caller’s passkeys (refused at once in every session)',
      params: s.passkeyParams,
      response: s.passkeyView,
      errors: ['FORBIDDEN', 'NOT_FOUND'],
      handler: async (request) => {
        const { userId } = sessionUser(request);
        const input = { userId, id: request.params.id };
        return presentPasskey(
          await inTransaction(db, (trx) => revokeOwnPasskey(trx, runtime, actorOf(request), input)),
        );
      },
    }),
  ];
}

function stepUpRoutes(runtime: IdentityDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/auth/step-up/passkey/options',
      access: signedIn,
      summary: 'WebAuthn assertion options to re-authenticate with a passkey',
      response: s.ceremonyOptions,
      errors: passkeyErrors,
      handler: async (request) => {
        const session = sessionUser(request);
        const started = await createPasskeyAssertionOptions(runtime.ctx, session);
        return {
          challenge_id: started.challengeId,
          expires_at: started.expiresAt,
          options: { ...started.options },
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/step-up/passkey',
      access: signedIn,
      summary: 'Re-authenticate with a passkey (user verification required); returns a single-use proof',
      body: s.passkeyStepUpBody,
      response: s.stepUpResult,
      errors: passkeyErrors,
      handler: async (request) => {
        const session = sessionUser(request);
        const { challenge_id, response, password } = request.body;
        return stepUpWithPasskey(runtime, actorOf(request), {
          ...session,
          challengeId: challenge_id,
          response: response as AuthenticationResponseJSON,
          password,
        });
      },
    }),
  ];
}

const secondStep = { public: true as const, reason: 'second step of sign-in (with a passkey)' };

function loginRoutes(runtime: IdentityDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/auth/mfa/passkey/options',
      access: secondStep,
      summary: 'WebAuthn assertion options to complete a sign-in challenge with a passkey',
      description: 'Offered when the sign-in answer lists `passkey` among its methods.',
      body: s.loginOptionsBody,
      response: s.ceremonyOptions,
      errors: ['UNAUTHENTICATED', identityErrors.PASSKEY_REFUSED],
      handler: async (request) => {
        const started = await startPasskeyLogin(runtime, request.body.challenge_token);
        return {
          challenge_id: started.challengeId,
          expires_at: started.expiresAt,
          options: { ...started.options },
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/mfa/passkey',
      access: secondStep,
      summary: 'Complete a sign-in challenge with a passkey (user verification required)',
      body: s.loginBody,
      response: tokenPair,
      errors: ['UNAUTHENTICATED', ...passkeyErrors],
      handler: async (request) => {
        const { challenge_token, challenge_id, response } = request.body;
        return completePasskeyLogin(runtime, actorOf(request), {
          challengeToken: challenge_token,
          challengeId: challenge_id,
          response: response as AuthenticationResponseJSON,
        });
      },
    }),
  ];
}
