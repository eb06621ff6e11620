import { Type } from '@sinclair/typebox';
import { inTransaction } from '../../platform/db/transaction.js';
import { actorOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { canSee, filterInScope, maskFor, readScopeOf, signatureInScope } from './request-scope.js';
import { createAndPresent, createErrors } from './requests.routes.js';
import { requestsOnEntity } from './requests.service.js';
import { revokeSignature, signaturesOnEntity } from './signatures.service.js';
import { signingPermissions as permissions } from './signing.catalogue.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import { presentRequest, presentSignature } from './signing.presenter.js';
import * as s from './signing.schemas.js';

/** Signatures (show, revoke) and the polymorphic entity routes of seed 004. */
export function signatureRoutes(deps: SigningDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/digital-signature/signatures/:id',
      access: permissions.access('signing.request.read'),
      summary: 'Show a signature (record hash re-checked on read: hash_valid)',
      description: 'Within the data scope of its request; outside it the signature is absent (404).',
      params: s.idParams,
      response: s.signatureView,
      errors: ['NOT_FOUND'],
      handler: async (request) =>
        presentSignature(await signatureInScope(deps.db, readScopeOf(request), request.params.id)),
    }),
    defineRoute({
      method: 'POST',
      url: '/digital-signature/signatures/:id/revoke',
      access: permissions.access('signing.signature.revoke'),
      summary: 'Revoke a signature',
      description:
        'Marks it revoked and revokes its per-signer certificate in the platform CRL and OCSP; public verification reports it.',
      params: s.idParams,
      body: s.revokeBody,
      response: s.signatureView,
      errors: ['NOT_FOUND', signingErrors.SIGNER_DONE],
      handler: async (request) =>
        presentSignature(
          await inTransaction(deps.db, async (trx) => {
            await signatureInScope(trx, readScopeOf(request), request.params.id);
            return revokeSignature(
              trx,
              deps,
              actorOf(request),
              request.params.id,
              request.body.reason ?? null,
            );
          }),
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/digital-signature/entity/:type/:id/signatures',
      access: permissions.access('signing.request.read'),
      summary: 'All signatures on one record',
      description: 'Only those of requests within the data scope.',
      params: s.entityParams,
      response: Type.Array(s.signatureView),
      handler: async (request) => {
        const rows = await signaturesOnEntity(deps.db, request.params.type, request.params.id);
        return (await filterInScope(deps.db, readScopeOf(request), rows)).map(presentSignature);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/digital-signature/entity/:type/:id/requests',
      access: permissions.access('signing.request.read'),
      summary: 'All signature requests on one record',
      params: s.entityParams,
      response: Type.Array(s.requestView),
      handler: async (request) => {
        const scope = readScopeOf(request);
        const bundles = await requestsOnEntity(deps.db, request.params.type, request.params.id);
        return bundles
          .filter((b) => canSee(scope, b))
          .map((b) => maskFor(scope, presentRequest(b, deps.clock.now())));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/digital-signature/entity/:type/:id/request',
      access: permissions.access('signing.request.create'),
      summary: 'Create a signature request on this record',
      description: 'The body of POST /requests without entity_type and entity_id (taken from the path).',
      params: s.entityParams,
      body: s.entityRequest,
      response: s.requestView,
      status: 201,
      idempotent: true,
      bodyLimit: 256 * 1024,
      errors: createErrors,
      handler: async (request) =>
        createAndPresent(deps, actorOf(request), {
          ...request.body,
          entity_type: request.params.type,
          entity_id: request.params.id,
        }),
    }),
  ];
}
