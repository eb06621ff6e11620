import type { TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden, invalid } from '../../../platform/errors.js';
import { actorOf, principalOf } from '../../../platform/http/access.js';
import { envelope, errorResponses, ok } from '../../../platform/http/envelope.js';
import { done, expiresAt } from '../auth/auth.schemas.js';
import { verifiedUser, verifySecret } from '../auth/secret-verifier.service.js';
import type { IdentityDeps } from '../identity.deps.js';
import { markMfaVerified } from '../sessions/session.service.js';
import { notifyAccountChange } from '../shared/account-notice.service.js';
import { identityEvents, recordIdentity } from '../shared/identity-audit.js';
import { type TypedApp, typed } from '../shared/typed-app.js';
import { findUserById, type UserRow } from '../users/users.service.js';
import { issueEmailCode } from './email-code.service.js';
import * as s from './mfa.schemas.js';
import { stepUp } from './step-up.service.js';
import { confirmTotpBinding, removeTotp, replaceRecoveryCodes, startTotpBinding } from './totp.service.js';

const signedIn = { access: { authenticated: true as const } };

function schema<B extends TSchema, D extends TSchema>(body: B, data: D) {
  return { tags: ['auth'], body, response: { 200: envelope(data), ...errorResponses(400, 401, 409) } };
}

function sessionUser(request: FastifyRequest) {
  const principal = principalOf(request);
  if (principal.kind !== 'user' || !principal.userId || !principal.sessionId)
    throw forbidden('Only a signed-in user can manage their own factors');
  return { userId: principal.userId, sessionId: principal.sessionId };
}

/** The caller's password, then (when given) a current TOTP code, through the secret verifier. */
async function provenUser(
  runtime: IdentityDeps,
  request: FastifyRequest,
  input: { userId: string; password: string; code?: string; method: string },
): Promise<UserRow> {
  const user = await verifiedUser(runtime, actorOf(request), { ...input, field: 'password' });
  if (input.code === undefined) return user;
  const verdict = await verifySecret(runtime, actorOf(request), {
    user,
    kind: 'totp',
    secret: input.code,
    method: input.method,
  });
  if (!verdict.ok) throw invalid('code', 'The code is not valid');
  return user;
}

/** /auth/mfa/* for the signed-in user, and /auth/step-up (re-authentication proofs). */
export async function mfaRoutes(api: FastifyInstance, runtime: IdentityDeps): Promise<void> {
  const app = typed(api);
  postAuthMfaBindRoute(app, runtime);
  postAuthMfaBindConfirmRoute(app, runtime);
  postAuthMfaUnbindRoute(app, runtime);
  postAuthMfaRecoveryCodesRoute(app, runtime);
  postAuthStepUpRoute(app, runtime);
  postAuthStepUpEmailRoute(app, runtime);
}

/** POST /auth/mfa/bind */
function postAuthMfaBindRoute(app: TypedApp, runtime: IdentityDeps): void {
  const { db } = runtime.ctx;
  app.post(
    '/auth/mfa/bind',
    { config: signedIn, schema: schema(s.bindBody, s.bindResult) },
    async (request) => {
      const { userId } = sessionUser(request);
      const user = await provenUser(runtime, request, {
        userId,
        password: request.body.password,
        method: 'mfa_bind',
      });
      return ok(await inTransaction(db, (trx) => startTotpBinding(trx, runtime, user)));
    },
  );
}

/** POST /auth/mfa/bind/confirm */
function postAuthMfaBindConfirmRoute(app: TypedApp, runtime: IdentityDeps): void {
  const { db } = runtime.ctx;
  app.post(
    '/auth/mfa/bind/confirm',
    { config: signedIn, schema: schema(s.confirmBody, s.recoveryCodes) },
    async (request) => {
      const { userId, sessionId } = sessionUser(request);
      const body = request.body;
      const codes = await inTransaction(db, async (trx) => {
        const recovery = await confirmTotpBinding(trx, runtime, userId, body.code);
        // The code just proved the new factor: a session restricted to enrolment becomes a full one.
        await markMfaVerified(trx, runtime, sessionId);
        await recordIdentity(trx, actorOf(request), {
          action: identityEvents['mfa.bound'],
          entityType: 'user',
          entityId: userId,
        });
        const user = await findUserById(trx, userId);
        if (user) await notifyAccountChange(trx, runtime, user, { change: 'mfa_bound' });
        return recovery;
      });
      return ok({ recovery_codes: codes });
    },
  );
}

/** POST /auth/mfa/unbind */
function postAuthMfaUnbindRoute(app: TypedApp, runtime: IdentityDeps): void {
  const { db } = runtime.ctx;
  app.post('/auth/mfa/unbind', { config: signedIn, schema: schema(s.unbindBody, done) }, async (request) => {
    const { userId } = sessionUser(request);
    const { password, code } = request.body;
    const user = await provenUser(runtime, request, { userId, password, code, method: 'mfa_unbind' });
    await inTransaction(db, async (trx) => {
      await removeTotp(trx, userId);
      await notifyAccountChange(trx, runtime, user, { change: 'mfa_removed' });
      await recordIdentity(trx, actorOf(request), {
        action: identityEvents['mfa.unbound'],
        entityType: 'user',
        entityId: userId,
      });
    });
    return ok({ done: true });
  });
}

/** POST /auth/mfa/recovery-codes */
function postAuthMfaRecoveryCodesRoute(app: TypedApp, runtime: IdentityDeps): void {
  const { db } = runtime.ctx;
  const now = () => runtime.ctx.clock.now().toISOString();
  app.post(
    '/auth/mfa/recovery-codes',
    { config: signedIn, schema: schema(s.unbindBody, s.recoveryCodes) },
    async (request) => {
      const { userId } = sessionUser(request);
      const { password, code } = request.body;
      const user = await provenUser(runtime, request, {
        userId,
        password,
        code,
        method: 'mfa_recovery_codes',
      });
      const codes = await inTransaction(db, async (trx) => {
        const fresh = await replaceRecoveryCodes(trx, userId, now());
        await notifyAccountChange(trx, runtime, user, { change: 'recovery_codes_regenerated' });
        await recordIdentity(trx, actorOf(request), {
          action: identityEvents['mfa.recovery_codes_regenerated'],
          entityType: 'user',
          entityId: userId,
        });
        return fresh;
      });
      return ok({ recovery_codes: codes });
    },
  );
}

/** POST /auth/step-up */
function postAuthStepUpRoute(app: TypedApp, runtime: IdentityDeps): void {
  app.post(
    '/auth/step-up',
    { config: signedIn, schema: schema(s.stepUpBody, s.stepUpResult) },
    async (request) => {
      const session = sessionUser(request);
      return ok(await stepUp(runtime, actorOf(request), { ...session, ...request.body }));
    },
  );
}

/** POST /auth/step-up/email */
function postAuthStepUpEmailRoute(app: TypedApp, runtime: IdentityDeps): void {
  const { db } = runtime.ctx;
  app.post(
    '/auth/step-up/email',
    {
      config: signedIn,
      schema: { tags: ['auth'], response: { 200: envelope(expiresAt), ...errorResponses(401, 409) } },
    },
    async (request) => {
      const { userId, sessionId } = sessionUser(request);
      return ok(
        await inTransaction(db, async (trx) => {
          const user = await findUserById(trx, userId);
          if (!user?.email) throw invalid('email', 'Your account has no email address');
          return issueEmailCode(trx, runtime, {
            userId,
            email: user.email,
            purpose: 'step_up',
            subject: sessionId,
          });
        }),
      );
    },
  );
}
