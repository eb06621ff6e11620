import type { FastifyRequest } from 'fastify';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden } from '../../../platform/errors.js';
import { actorOf, principalOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { done, expiresAt } from '../auth/auth.schemas.js';
import type { IdentityDeps } from '../identity.deps.js';
import * as s from './mfa.schemas.js';
import {
  confirmOwnTotp,
  provenUser,
  regenerateOwnRecoveryCodes,
  removeOwnTotp,
  sendStepUpEmail,
} from './own-factors.service.js';
import { stepUp } from './step-up.service.js';
import { startTotpBinding } from './totp.service.js';

const signedIn = { authenticated: true } as const;
/** What a factor route may refuse beyond the derived 400/401: not a user session, a factor state. */
const factorErrors = ['FORBIDDEN', 'CONFLICT'] as const;

function sessionUser(request: FastifyRequest) {
  const principal = principalOf(request);
  if (principal.kind !== 'user' || !principal.userId || !principal.sessionId)
    throw forbidden('Only a signed-in user can manage their own factors');
  return { userId: principal.userId, sessionId: principal.sessionId };
}

/** /auth/mfa/* for the signed-in user, and /auth/step-up (re-authentication proofs). */
export function mfaRoutes(runtime: IdentityDeps): RouteDefinition[] {
  return [...factorRoutes(runtime), ...stepUpRoutes(runtime)];
}

function factorRoutes(runtime: IdentityDeps): RouteDefinition[] {
  const { db } = runtime.ctx;
  return [
    defineRoute({
      method: 'POST',
      url: '/auth/mfa/bind',
      access: signedIn,
      summary: 'Start binding an authenticator app (TOTP)',
      body: s.bindBody,
      response: s.bindResult,
      errors: factorErrors,
      handler: async (request) => {
        const { userId } = sessionUser(request);
        const user = await provenUser(runtime, actorOf(request), {
          userId,
          password: request.body.password,
          method: 'mfa_bind',
        });
        return inTransaction(db, (trx) => startTotpBinding(trx, runtime, user));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/mfa/bind/confirm',
      access: signedIn,
      summary: 'Confirm the authenticator with a code; returns recovery codes',
      body: s.confirmBody,
      response: s.recoveryCodes,
      errors: factorErrors,
      handler: async (request) => {
        const session = sessionUser(request);
        const codes = await inTransaction(db, (trx) =>
          confirmOwnTotp(trx, runtime, actorOf(request), { ...session, code: request.body.code }),
        );
        return { recovery_codes: codes };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/mfa/unbind',
      access: signedIn,
      summary: 'Remove the caller’s authenticator',
      body: s.unbindBody,
      response: done,
      errors: factorErrors,
      handler: async (request) => {
        const { userId } = sessionUser(request);
        const { password, code } = request.body;
        const actor = actorOf(request);
        const user = await provenUser(runtime, actor, { userId, password, code, method: 'mfa_unbind' });
        await inTransaction(db, (trx) => removeOwnTotp(trx, runtime, actor, user));
        return { done: true };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/mfa/recovery-codes',
      access: signedIn,
      summary: 'Replace the caller’s recovery codes',
      body: s.unbindBody,
      response: s.recoveryCodes,
      errors: factorErrors,
      handler: async (request) => {
        const { userId } = sessionUser(request);
        const { password, code } = request.body;
        const actor = actorOf(request);
        const user = await provenUser(runtime, actor, {
          userId,
          password,
          code,
          method: 'mfa_recovery_codes',
        });
        const codes = await inTransaction(db, (trx) => regenerateOwnRecoveryCodes(trx, runtime, actor, user));
        return { recovery_codes: codes };
      },
    }),
  ];
}

function stepUpRoutes(runtime: IdentityDeps): RouteDefinition[] {
  const { db } = runtime.ctx;
  return [
    defineRoute({
      method: 'POST',
      url: '/auth/step-up',
      access: signedIn,
      summary: 'Re-authenticate for a sensitive action; returns a single-use proof',
      body: s.stepUpBody,
      response: s.stepUpResult,
      errors: factorErrors,
      handler: async (request) => {
        const session = sessionUser(request);
        return stepUp(runtime, actorOf(request), { ...session, ...request.body });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/step-up/email',
      access: signedIn,
      summary: 'Mail a one-time code for re-authentication',
      response: expiresAt,
      errors: ['VALIDATION', ...factorErrors],
      handler: async (request) => {
        const session = sessionUser(request);
        return inTransaction(db, (trx) => sendStepUpEmail(trx, runtime, session));
      },
    }),
  ];
}
