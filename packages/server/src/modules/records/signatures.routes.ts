import { Type } from '@sinclair/typebox';
import { pageSchema } from '../../platform/db/pagination.js';
import { actorOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import type { RecordsDeps } from './records.deps.js';
import { recordsErrors as e } from './records.errors.js';
import { authenticate, terminateSession, verifySession } from './sessions.service.js';
import { presentAttempt, presentSignature, presentVerification } from './signatures.presenter.js';
import {
  authenticateBody,
  createdView,
  createSignatureBody,
  detailsView,
  historyQuery,
  sessionBody,
  sessionView,
  signatureParams,
  signatureView,
  verificationView,
  verifyBody,
} from './signatures.schemas.js';
import { createSignature } from './signatures.service.js';
import { signatureDetails, signatureHistory, verifySignature } from './verification.service.js';

/**
 * Seed 002 §8.1: /signature/create|verify|history|details/{id} and
 * /authentication/authenticate|verify-session|terminate-session. Every signed-in person
 * signs for themselves; the ceremony runs outside a transaction (the secret verifier needs
 * it), the service commits the signature with its evidence.
 */
const ceremonyErrors = [
  e.CEREMONY_FAILED,
  e.COMPONENT_UNAVAILABLE,
  e.NOT_OWN_SIGNATURE,
  e.SESSION_NOT_USABLE,
];

export function signatureRoutes(deps: RecordsDeps): RouteDefinition[] {
  const signedIn = { authenticated: true } as const;
  return [
    defineRoute({
      method: 'POST',
      url: '/signature/create',
      access: signedIn,
      summary: 'Sign a record (the ceremony, then the signature)',
      description:
        'First signature of a signing session: password plus the components the policy requires (or a session just opened by /authentication/authenticate). Later ones in the same session: one private component (PIN, TOTP, passkey).',
      body: createSignatureBody,
      response: createdView,
      status: 201,
      errors: [
        ...ceremonyErrors,
        e.MEANING_NOT_ALLOWED,
        e.REASON_REQUIRED,
        e.NO_POLICY,
        e.UNKNOWN_OPERATION,
        e.COOLING_PERIOD,
        e.RECORD_CHANGED,
        'CONFLICT',
      ],
      handler: async (request) => {
        const { credentials, authenticationMethod: _informational, ...rest } = request.body;
        const signed = await createSignature(deps, actorOf(request), {
          ...rest,
          credentials: credentials ?? {},
        });
        return {
          signature: presentSignature(signed.row),
          sessionId: signed.sessionId,
          fullCeremony: signed.isFullCeremony,
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/signature/verify',
      access: signedIn,
      summary: 'Verify a signature: sealed value, record binding, audit inclusion',
      body: verifyBody,
      response: verificationView,
      errors: ['NOT_FOUND'],
      handler: async (request) =>
        presentVerification(await verifySignature(deps, actorOf(request), request.body)),
    }),
    defineRoute({
      method: 'GET',
      url: '/signature/verify',
      access: signedIn,
      summary: 'Verify a signature (same checks as POST; a read, so no request audit event)',
      querystring: verifyBody,
      response: verificationView,
      errors: ['NOT_FOUND'],
      handler: async (request) =>
        presentVerification(await verifySignature(deps, actorOf(request), request.query)),
    }),
    defineRoute({
      method: 'GET',
      url: '/signature/history',
      access: signedIn,
      summary: 'Signature history (own; everyone’s with records.signature.read)',
      querystring: historyQuery,
      response: pageSchema(signatureView),
      handler: async (request) => {
        const page = await signatureHistory(deps.db, actorOf(request), request.query);
        return { ...page, items: page.items.map(presentSignature) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/signature/details/:signatureId',
      access: signedIn,
      summary: 'A signature with its authentication log',
      params: signatureParams,
      response: detailsView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const { row, attempts } = await signatureDetails(
          deps.db,
          actorOf(request),
          request.params.signatureId,
        );
        return { ...presentSignature(row), authentication_log: attempts.map(presentAttempt) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/authentication/authenticate',
      access: signedIn,
      summary: 'Run the full signing ceremony and open a signing session',
      body: authenticateBody,
      response: sessionView,
      errors: [...ceremonyErrors, e.NO_POLICY, e.UNKNOWN_OPERATION],
      handler: async (request) => {
        const { session } = await authenticate(deps, actorOf(request), request.body);
        return presentSession(session, { isActive: true, endedBecause: null });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/authentication/verify-session',
      access: signedIn,
      summary: 'Whether a signing session can still carry signatures',
      body: sessionBody,
      response: sessionView,
      errors: ['NOT_FOUND', e.SESSION_NOT_USABLE],
      handler: async (request) => {
        const state = await verifySession(deps, actorOf(request), request.body.sessionId);
        return presentSession(state.session, state);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/authentication/terminate-session',
      access: signedIn,
      summary: 'End a signing session (the next signature needs the full ceremony)',
      body: sessionBody,
      response: Type.Object({ terminated: Type.Boolean({ description: 'False when it had ended already' }) }),
      errors: ['NOT_FOUND', e.SESSION_NOT_USABLE],
      handler: async (request) => ({
        terminated: await terminateSession(deps, actorOf(request), request.body.sessionId),
      }),
    }),
  ];
}

function presentSession(
  session: Awaited<ReturnType<typeof verifySession>>['session'],
  state: { isActive: boolean; endedBecause: string | null },
) {
  return {
    sessionId: session.id,
    active: state.isActive,
    ended_because: state.endedBecause,
    factors: JSON.parse(session.factors) as string[],
    signatures: session.signatures,
    created_at: session.created_at,
    last_used_at: session.last_used_at,
  };
}
