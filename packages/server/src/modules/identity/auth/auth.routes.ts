import type { FastifyInstance } from 'fastify';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden } from '../../../platform/errors.js';
import { actorOf, principalOf } from '../../../platform/http/access.js';
import { envelope, errorResponses, ok } from '../../../platform/http/envelope.js';
import { isInvalidUnicode } from '../../../platform/http/validation.js';
import type { IdentityDeps } from '../identity.deps.js';
import { changeOwnPassword } from '../passwords/password.service.js';
import { requestPasswordReset, resetWithToken } from '../passwords/password-reset.service.js';
import { endOwnSession, rotateRefreshToken } from '../sessions/session.service.js';
import { type TypedApp, typed } from '../shared/typed-app.js';
import * as s from './auth.schemas.js';
import { login, recordRefusedLogin } from './login.service.js';
import { completeChallenge, sendChallengeEmail } from './login-challenge.service.js';
import { verifiedUser } from './secret-verifier.service.js';

const open = (reason: string) => ({ access: { public: true as const, reason } });
const signedIn = { access: { authenticated: true as const } };

/** /auth/*: sign-in, MFA second step, refresh, logout, password change and reset. */
export async function authRoutes(api: FastifyInstance, runtime: IdentityDeps): Promise<void> {
  const app = typed(api);
  postAuthLoginRoute(app, runtime);
  postAuthMfaVerifyRoute(app, runtime);
  postAuthMfaEmailRoute(app, runtime);
  postAuthRefreshRoute(app, runtime);
  postAuthLogoutRoute(app, runtime);
  await passwordRoutes(api, runtime);
}

/** POST /auth/login */
function postAuthLoginRoute(app: TypedApp, runtime: IdentityDeps): void {
  app.post(
    '/auth/login',
    {
      config: open('sign-in'),
      onError: async (request, _reply, error) => {
        if (isInvalidUnicode(error)) await recordRefusedLogin(runtime, actorOf(request), request.body);
      },
      schema: {
        tags: ['auth'],
        body: s.loginBody,
        response: { 200: envelope(s.loginResult), ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => {
      const result = await login(runtime, actorOf(request), request.body);
      if (result.kind === 'mfa') return ok({ status: 'mfa_required' as const, ...result.challenge });
      return ok({
        status: 'authenticated' as const,
        tokens: result.tokens,
        must_change_password: result.mustChangePassword,
        mfa_enrolment_required: result.mfaEnrolmentRequired,
      });
    },
  );
}

/** POST /auth/mfa/verify */
function postAuthMfaVerifyRoute(app: TypedApp, runtime: IdentityDeps): void {
  app.post(
    '/auth/mfa/verify',
    {
      config: open('second step of sign-in'),
      schema: {
        tags: ['auth'],
        body: s.mfaVerifyBody,
        response: { 200: envelope(s.tokenPair), ...errorResponses(400, 401) },
      },
    },
    async (request) => ok(await completeChallenge(runtime, actorOf(request), request.body)),
  );
}

/** POST /auth/mfa/email */
function postAuthMfaEmailRoute(app: TypedApp, runtime: IdentityDeps): void {
  app.post(
    '/auth/mfa/email',
    {
      config: open('mail a sign-in code'),
      schema: {
        tags: ['auth'],
        body: s.challengeBody,
        response: { 200: envelope(s.expiresAt), ...errorResponses(400, 401) },
      },
    },
    async (request) => ok(await sendChallengeEmail(runtime, request.body.challenge_token)),
  );
}

/** POST /auth/refresh */
function postAuthRefreshRoute(app: TypedApp, runtime: IdentityDeps): void {
  app.post(
    '/auth/refresh',
    {
      config: open('token refresh'),
      schema: {
        tags: ['auth'],
        body: s.refreshBody,
        response: { 200: envelope(s.tokenPair), ...errorResponses(400, 401) },
      },
    },
    async (request) => ok(await rotateRefreshToken(runtime, request.body.refresh_token, actorOf(request))),
  );
}

/** POST /auth/logout */
function postAuthLogoutRoute(app: TypedApp, runtime: IdentityDeps): void {
  const { db } = runtime.ctx;
  app.post(
    '/auth/logout',
    {
      config: signedIn,
      schema: { tags: ['auth'], response: { 200: envelope(s.done), ...errorResponses(401) } },
    },
    async (request) => {
      const principal = principalOf(request);
      await inTransaction(db, (trx) => endOwnSession(trx, runtime, actorOf(request), principal.sessionId));
      return ok({ done: true });
    },
  );
}

async function passwordRoutes(api: FastifyInstance, runtime: IdentityDeps): Promise<void> {
  const app = typed(api);
  postAuthPasswordChangeRoute(app, runtime);
  postAuthPasswordResetRequestRoute(app, runtime);
  postAuthPasswordResetRoute(app, runtime);
}

/** POST /auth/password/change */
function postAuthPasswordChangeRoute(app: TypedApp, runtime: IdentityDeps): void {
  const { db } = runtime.ctx;
  app.post(
    '/auth/password/change',
    {
      config: signedIn,
      schema: {
        tags: ['auth'],
        body: s.passwordChangeBody,
        response: { 200: envelope(s.done), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      if (!principal.userId || principal.kind !== 'user')
        throw forbidden('Only a signed-in user can change a password');
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
      return ok({ done: true });
    },
  );
}

/** POST /auth/password/reset/request */
function postAuthPasswordResetRequestRoute(app: TypedApp, runtime: IdentityDeps): void {
  const { db } = runtime.ctx;
  app.post(
    '/auth/password/reset/request',
    {
      config: open('forgotten password'),
      schema: {
        tags: ['auth'],
        body: s.resetRequestBody,
        response: { 202: envelope(s.accepted), ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      await inTransaction(db, (trx) =>
        requestPasswordReset(trx, runtime, actorOf(request), request.body.username),
      );
      return reply.status(202).send(ok({ accepted: true }));
    },
  );
}

/** POST /auth/password/reset */
function postAuthPasswordResetRoute(app: TypedApp, runtime: IdentityDeps): void {
  const { db } = runtime.ctx;
  app.post(
    '/auth/password/reset',
    {
      config: open('password reset by emailed link'),
      schema: {
        tags: ['auth'],
        body: s.resetBody,
        response: { 200: envelope(s.done), ...errorResponses(400) },
      },
    },
    async (request) => {
      await inTransaction(db, (trx) =>
        resetWithToken(trx, runtime, actorOf(request), {
          token: request.body.token,
          password: request.body.new_password,
        }),
      );
      return ok({ done: true });
    },
  );
}
