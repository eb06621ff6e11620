import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden } from '../../../platform/errors.js';
import { actorOf, principalOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { isInvalidUnicode } from '../../../platform/http/validation.js';
import type { IdentityDeps } from '../identity.deps.js';
import { changeOwnPassword } from '../passwords/password.service.js';
import { requestPasswordReset, resetWithToken } from '../passwords/password-reset.service.js';
import { endAllSessions, endOwnSession, rotateRefreshToken } from '../sessions/session.service.js';
import * as s from './auth.schemas.js';
import { login, recordRefusedLogin } from './login.service.js';
import { completeChallenge, sendChallengeEmail } from './login-challenge.service.js';
import { verifiedUser } from './secret-verifier.service.js';

const open = (reason: string) => ({ public: true as const, reason });
const signedIn = { authenticated: true } as const;

/** /auth/*: sign-in, MFA second step, refresh, logout (this device or all), password change and reset. */
export function authRoutes(runtime: IdentityDeps): RouteDefinition[] {
  return [...signInRoutes(runtime), ...signOutRoutes(runtime), ...passwordRoutes(runtime)];
}

function signInRoutes(runtime: IdentityDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/auth/login',
      access: open('sign-in'),
      summary: 'Sign in with a username and password',
      description: 'Answers with tokens, or with a challenge when a second factor is required.',
      body: s.loginBody,
      response: s.loginResult,
      errors: ['UNAUTHENTICATED', 'RATE_LIMITED'],
      // A body that is not valid Unicode never reaches the handler, but is still an attempt.
      onError: async (request, error) => {
        if (isInvalidUnicode(error)) await recordRefusedLogin(runtime, actorOf(request), request.body);
      },
      handler: async (request) => {
        const result = await login(runtime, actorOf(request), request.body);
        if (result.kind === 'mfa') return { status: 'mfa_required' as const, ...result.challenge };
        return {
          status: 'authenticated' as const,
          tokens: result.tokens,
          must_change_password: result.mustChangePassword,
          mfa_enrolment_required: result.mfaEnrolmentRequired,
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/mfa/verify',
      access: open('second step of sign-in'),
      summary: 'Complete a sign-in challenge with a second factor',
      body: s.mfaVerifyBody,
      response: s.tokenPair,
      errors: ['UNAUTHENTICATED'],
      handler: async (request) => completeChallenge(runtime, actorOf(request), request.body),
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/mfa/email',
      access: open('mail a sign-in code'),
      summary: 'Mail a one-time code for a sign-in challenge',
      body: s.challengeBody,
      response: s.expiresAt,
      errors: ['UNAUTHENTICATED'],
      handler: async (request) => sendChallengeEmail(runtime, request.body.challenge_token),
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/refresh',
      access: open('token refresh'),
      summary: 'Exchange a refresh token for a new token pair',
      body: s.refreshBody,
      response: s.tokenPair,
      errors: ['UNAUTHENTICATED'],
      handler: async (request) => rotateRefreshToken(runtime, request.body.refresh_token, actorOf(request)),
    }),
  ];
}

function signOutRoutes(runtime: IdentityDeps): RouteDefinition[] {
  const { db } = runtime.ctx;
  return [
    defineRoute({
      method: 'POST',
      url: '/auth/logout',
      access: signedIn,
      summary: 'Sign out: end the caller’s session',
      response: s.done,
      handler: async (request) => {
        const principal = principalOf(request);
        await inTransaction(db, (trx) => endOwnSession(trx, runtime, actorOf(request), principal.sessionId));
        return { done: true };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/logout/all',
      access: signedIn,
      summary: 'Sign out everywhere',
      description: 'Signs the caller out on every device: all of their sessions end.',
      response: s.done,
      errors: ['FORBIDDEN'],
      handler: async (request) => {
        const principal = principalOf(request);
        const userId = principal.userId;
        if (principal.kind !== 'user' || !userId) throw forbidden('Only a signed-in user can sign out');
        await inTransaction(db, (trx) => endAllSessions(trx, runtime, actorOf(request), userId));
        return { done: true };
      },
    }),
  ];
}

function passwordRoutes(runtime: IdentityDeps): RouteDefinition[] {
  const { db } = runtime.ctx;
  return [
    defineRoute({
      method: 'POST',
      url: '/auth/password/change',
      access: signedIn,
      summary: 'Change the caller’s own password',
      body: s.passwordChangeBody,
      response: s.done,
      errors: ['FORBIDDEN'],
      handler: async (request) => {
        const principal = principalOf(request);
        if (!principal.userId || principal.kind !== 'user')
          throw forbidden('Only a signed-in user can change a password');
        // The password is checked before the transaction: a wrong one must count even though the change fails.
        const user = await verifiedUser(runtime, actorOf(request), {
          userId: principal.userId,
          password: request.body.current_password,
          method: 'password_change',
          field: 'current_password',
        });
        await inTransaction(db, (trx) =>
          changeOwnPassword(trx, runtime, actorOf(request), {
            user,
            sessionId: principal.sessionId,
            current: request.body.current_password,
            next: request.body.new_password,
          }),
        );
        return { done: true };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/password/reset/request',
      access: open('forgotten password'),
      summary: 'Ask for a password reset link by mail',
      description: 'Always accepted, whether or not the account exists.',
      body: s.resetRequestBody,
      response: s.accepted,
      status: 202,
      handler: async (request) => {
        await inTransaction(db, (trx) =>
          requestPasswordReset(trx, runtime, actorOf(request), request.body.username),
        );
        return { accepted: true };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/password/reset',
      access: open('password reset by emailed link'),
      summary: 'Set a new password with the mailed reset token',
      body: s.resetBody,
      response: s.done,
      handler: async (request) => {
        await inTransaction(db, (trx) =>
          resetWithToken(trx, runtime, actorOf(request), {
            token: request.body.token,
            password: request.body.new_password,
          }),
        );
        return { done: true };
      },
    }),
  ];
}
