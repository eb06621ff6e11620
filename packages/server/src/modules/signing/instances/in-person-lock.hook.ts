import type { FastifyInstance, FastifyRequest, preValidationHookHandler } from 'fastify';
import type { AppContext } from '../../../platform/app-context.js';
import { domainError } from '../../../platform/errors.js';
import { lockingSession } from './in-person.repository.js';
import { instancesErrors } from './instances.errors.js';

/**
 * What a host's login session may still call while its in-person session is open: the
 * kiosk routes (lock state, finish, hand back, unlock), the step-up that unlocking needs,
 * who is signed in (the unlock page shows it) and signing out. Everything else answers 409
 * HOST_LOCKED, whatever the client: the lock is not the admin app's courtesy.
 */
export const allowedWhileLocked: ReadonlySet<string> = new Set([
  'GET /api/v1/digital-signature/in-person/lock',
  'POST /api/v1/digital-signature/in-person/:session_id/unlock',
  'POST /api/v1/digital-signature/in-person/:session_id/finish',
  'POST /api/v1/digital-signature/in-person/:session_id/cancel',
  'POST /api/v1/auth/step-up',
  'POST /api/v1/auth/step-up/email',
  'GET /api/v1/me',
  'POST /api/v1/auth/logout',
]);

function routeKey(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? ''}`;
}

/**
 * Installs the lock on every route that can have a principal (a root onRoute hook; it runs
 * after authentication: preParsing sets the principal, this runs in preValidation). Only
 * login sessions can host, so public routes (never a principal) get no hook at all and
 * Fastify skips their preValidation stage; API keys (no session) answer at once without a
 * promise; a signed-in call pays one unique-index lookup of `locking_session_id`.
 */
export function installHostLock(app: FastifyInstance, ctx: AppContext): void {
  const refuseWhileLocked = (sessionId: string) =>
    lockingSession(ctx.db, sessionId).then((session) => {
      if (session)
        throw domainError(
          instancesErrors.HOST_LOCKED,
          'This session hosts an in-person signing: unlock it first',
          {
            details: { session_id: session.id },
          },
        );
    });
  const hostLock: preValidationHookHandler = (request, _reply, done) => {
    const sessionId = request.principal?.sessionId;
    if (!sessionId || allowedWhileLocked.has(routeKey(request))) return done();
    refuseWhileLocked(sessionId).then(() => done(), done);
  };
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access || 'public' in access) return;
    route.preValidation = [hostLock, ...[route.preValidation ?? []].flat()];
  });
}
