import { Type } from '@sinclair/typebox';
import { inTransaction } from '../../../platform/db/transaction.js';
import { domainError } from '../../../platform/errors.js';
import { actorOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { readScopeOf, requireRequestInScope } from '../request-scope.js';
import { signingPermissions as permissions } from '../signing.catalogue.js';
import type { SigningDeps } from '../signing.deps.js';
import { signingErrors } from '../signing.errors.js';
import { idParams } from '../signing.schemas.js';
import { signerByToken } from '../signing-link.service.js';
import * as s from './access.schemas.js';
import {
  factorOf,
  factorStatus,
  sendFactorCode,
  setRequestFactor,
  verifyFactorCode,
} from './access.service.js';

const BASE = '/digital-signature';
const link = {
  public: true,
  reason: 'external signers hold a signing-link token instead of an account',
} as const;
const tokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 200 }) });
const linkErrors = [signingErrors.LINK_INVALID, signingErrors.REQUEST_NOT_OPEN, signingErrors.SIGNER_DONE];

/** The X-Signing-Factor proof of a request, when sent. */
export function factorProofOf(headers: Record<string, unknown>): string | undefined {
  const value = headers['x-signing-factor'];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Second factor per request: the sender's setting and the signer's code step (signing/access). */
export function accessRoutes(deps: SigningDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'PUT',
      url: `${BASE}/requests/:id/second-factor`,
      access: permissions.access('signing.request.create'),
      summary: 'Set the request’s second factor (email code, SMS code, access code, or none)',
      params: idParams,
      body: s.setFactorBody,
      response: s.factorView,
      errors: ['NOT_FOUND', signingErrors.REQUEST_NOT_OPEN],
      handler: async (request) =>
        inTransaction(deps.db, async (trx) => {
          await requireRequestInScope(trx, readScopeOf(request), request.params.id);
          return setRequestFactor(trx, deps, actorOf(request), request.params.id, request.body);
        }),
    }),
    defineRoute({
      method: 'GET',
      url: `${BASE}/requests/:id/second-factor`,
      access: permissions.access('signing.request.read'),
      summary: 'The request’s second factor as the sender set it (none by default)',
      description: 'Within the data scope; an access code itself is never shown (only its hash is kept).',
      params: idParams,
      response: s.factorView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        await requireRequestInScope(deps.db, readScopeOf(request), request.params.id);
        return { factor: (await factorOf(deps.db, request.params.id))?.factor ?? 'none' };
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${BASE}/signing-page/:token/factor`,
      access: link,
      summary: 'Whether the link needs a second factor, and whether the proof sent holds',
      description: 'Shows nothing of the document: the signer page asks this before anything else.',
      params: tokenParams,
      response: s.factorStatusView,
      errors: linkErrors,
      handler: async (request) => {
        const access = await signerByToken(deps.db, deps, request.params.token);
        return factorStatus(deps.db, deps, access, factorProofOf(request.headers));
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${BASE}/signing-page/:token/factor/send`,
      access: link,
      summary: 'Send a one-time code to the signer’s e-mail or phone',
      description: 'At most once a minute (42993); the previous code dies. Not while locked (42992).',
      params: tokenParams,
      response: s.codeSentView,
      errors: [...linkErrors, signingErrors.ACCESS_CODE_LOCKED, signingErrors.ACCESS_CODE_RESEND_TOO_SOON],
      handler: async (request) => {
        const access = await signerByToken(deps.db, deps, request.params.token);
        return inTransaction(deps.db, (trx) => sendFactorCode(trx, deps, actorOf(request), access));
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${BASE}/signing-page/:token/factor/verify`,
      access: link,
      summary: 'Check the code; answers the proof to send as X-Signing-Factor',
      description:
        'Codes expire after 10 minutes and work once. Five wrong codes lock the link for 15 minutes (42992);' +
        ' a wrong code answers 40193 with attempts_left.',
      params: tokenParams,
      body: s.verifyCodeBody,
      response: s.proofView,
      errors: [...linkErrors, signingErrors.ACCESS_CODE_WRONG, signingErrors.ACCESS_CODE_LOCKED],
      handler: async (request) => {
        const access = await signerByToken(deps.db, deps, request.params.token);
        const outcome = await inTransaction(deps.db, (trx) =>
          verifyFactorCode(trx, deps, actorOf(request), access, request.body.code),
        );
        if (outcome.ok) return { factor_proof: outcome.proof, expires_at: outcome.expires_at };
        if (outcome.locked_until)
          throw domainError(signingErrors.ACCESS_CODE_LOCKED, 'Too many wrong codes; try again later', {
            details: { locked_until: outcome.locked_until },
          });
        throw domainError(signingErrors.ACCESS_CODE_WRONG, 'The code is wrong or expired', {
          details: { attempts_left: outcome.attempts_left },
        });
      },
    }),
  ];
}
