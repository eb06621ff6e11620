import { Type } from '@sinclair/typebox';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { readScopeOf, requireRequestInScope } from '../request-scope.js';
import { signingPermissions as permissions } from '../signing.catalogue.js';
import { signingErrors } from '../signing.errors.js';
import {
  cancelInPerson,
  finishInPerson,
  hostLock,
  sessionSignerName,
  startInPerson,
  unlockInPerson,
} from './in-person.service.js';
import type { InstancesDeps } from './instances.deps.js';
import { instancesErrors } from './instances.errors.js';
import { presentSession } from './instances.presenter.js';
import * as s from './instances.schemas.js';
import type { InPersonSessionsTable } from './instances.tables.js';

const kiosk = {
  public: true,
  reason: 'the kiosk page on the host’s device holds the session’s own secret, not the host’s login',
} as const;

/** In-person (kiosk) signing: start on the host's device, finish or cancel from it, unlock with step-up. */
export function inPersonRoutes(deps: InstancesDeps): RouteDefinition[] {
  const present = async (db: typeof deps.db, row: InPersonSessionsTable) =>
    presentSession(row, await sessionSignerName(db, row));
  /** What the kiosk page itself reports (finish, cancel), proven by the session's kiosk token. */
  const kioskRoute = (action: 'finish' | 'cancel', summary: string, act: typeof finishInPerson) =>
    defineRoute({
      method: 'POST',
      url: `/digital-signature/in-person/:session_id/${action}`,
      access: kiosk,
      summary,
      params: s.sessionParams,
      body: s.kioskBody,
      response: s.sessionView,
      errors: [signingErrors.LINK_INVALID, instancesErrors.IN_PERSON_NOT_ACTIVE],
      handler: async (request) =>
        inTransaction(deps.db, async (trx) =>
          present(
            trx,
            await act(trx, deps, actorOf(request), request.params.session_id, request.body.kiosk_token),
          ),
        ),
    });
  return [
    defineRoute({
      method: 'POST',
      url: '/digital-signature/requests/:id/signers/:signer_id/in-person',
      access: permissions.access('signing.request.create'),
      summary:
        'Start an in-person session: the signer signs on this device (kiosk); this login session locks',
      description:
        'The signer’s e-mailed link is replaced by one for this device (answered once, at most 2 hours). The host’s' +
        ' login session stays locked (GET /in-person/lock) until unlocked with a step-up proof. Afterwards the' +
        ' verification link goes to the signer by `notify` (sms, email, none).',
      params: s.inPersonParams,
      body: s.inPersonBody,
      response: s.startedSession,
      status: 201,
      errors: [
        'NOT_FOUND',
        instancesErrors.HOST_LOCKED,
        signingErrors.REQUEST_NOT_OPEN,
        signingErrors.SIGNER_DONE,
        signingErrors.NOT_YOUR_TURN,
        signingErrors.SIGNER_NOT_LINKED_USER,
      ],
      handler: async (request) =>
        inTransaction(deps.db, async (trx) => {
          await requireRequestInScope(trx, readScopeOf(request), request.params.id);
          const started = await startInPerson(trx, deps, actorOf(request), {
            requestId: request.params.id,
            signerId: request.params.signer_id,
            notify: request.body?.notify,
          });
          return {
            session: presentSession(started.session, started.signerName),
            token: started.token,
            kiosk_token: started.kioskToken,
            signing_url: started.signingUrl,
          };
        }),
    }),
    defineRoute({
      method: 'GET',
      url: '/digital-signature/in-person/lock',
      access: { authenticated: true },
      summary: 'Whether this login session is locked by an in-person session it hosts',
      response: s.hostLock,
      handler: async (request) => {
        const session = await hostLock(deps.db, actorOf(request));
        return { locked: session !== null, session: session ? await present(deps.db, session) : null };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/digital-signature/in-person/:session_id/unlock',
      access: { authenticated: true },
      summary: 'The host takes the device back: re-authenticate (X-Step-Up-Proof) to unlock',
      description:
        'Only the hosting login session. A signer still signing is cut off (their device link dies); one who signed' +
        ' is finished and sent the verification link.',
      params: s.sessionParams,
      headers: Type.Object({ 'x-step-up-proof': Type.Optional(Type.String({ maxLength: 200 })) }),
      response: s.sessionView,
      errors: ['NOT_FOUND', signingErrors.LINK_INVALID, instancesErrors.IN_PERSON_NOT_ACTIVE],
      handler: async (request) => {
        const header = request.headers['x-step-up-proof'];
        const proof = typeof header === 'string' ? header : undefined;
        return inTransaction(deps.db, async (trx) =>
          present(trx, await unlockInPerson(trx, deps, actorOf(request), request.params.session_id, proof)),
        );
      },
    }),
    kioskRoute(
      'finish',
      'The kiosk page reports the signer finished: recorded, verification link sent',
      finishInPerson,
    ),
    kioskRoute(
      'cancel',
      'The signer hands the device back without signing: the device link dies',
      cancelInPerson,
    ),
  ];
}
