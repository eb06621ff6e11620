import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/actor.js';
import { pageSchema } from '../../platform/db/pagination.js';
import type { Trx } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, principalOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { dataScopeOf } from '../identity/index.js';
import { profilesErrors } from '../profiles/index.js';
import {
  grantAuthorisation,
  listAuthorisations,
  listUses,
  revokeAuthorisation,
} from './authorisations.service.js';
import { prepareSeal, recordSealUse } from './seal-apply.service.js';
import { listedUseRequestView, useRequestListQuery } from './seal-requests.schemas.js';
import { approvalCheck, requestSealUse } from './seal-requests.service.js';
import { placementLabel } from './seal-sign.js';
import { sealsPermissions as permissions } from './seals.catalogue.js';
import type { SealsDeps } from './seals.deps.js';
import { sealsErrors } from './seals.errors.js';
import { presentAuthorisation, presentListedRequest, presentUsable, presentUse } from './seals.presenter.js';
import {
  applyBody,
  authorisationView,
  idParams,
  listBySeal,
  newAuthorisation,
  newUseRequest,
  usableQuery,
  usableView,
  useRequestView,
  useView,
} from './seals.schemas.js';
import { usableSeals } from './usable-seals.service.js';
import { listUseRequests } from './use-request-list.service.js';

/** Authorisations, applying a seal, and the seal-use log. */
export function sealUseRoutes(deps: SealsDeps): RouteDefinition[] {
  /** Grants or revokes in one transaction, as the caller; answers the authorisation as presented. */
  const changeAuthorisation = async <I>(
    request: FastifyRequest,
    change: (
      trx: Trx,
      deps: SealsDeps,
      actor: Actor,
      input: I,
    ) => Promise<Parameters<typeof presentAuthorisation>[0]>,
    input: I,
  ) => {
    const actor = actorOf(request);
    return presentAuthorisation(await inTransaction(deps.db, (trx) => change(trx, deps, actor, input)));
  };
  return [
    defineRoute({
      method: 'GET',
      url: '/seals/authorisations',
      access: permissions.access('seals.seal.read'),
      summary: 'List seal authorisations',
      querystring: listBySeal,
      response: pageSchema(authorisationView),
      handler: async (request) => {
        const page = await listAuthorisations(deps.db, request.query);
        return { ...page, items: page.items.map(presentAuthorisation) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/seals/:id/authorisations',
      access: permissions.access('seals.authorisation.manage'),
      summary: 'Authorise a user, role or department to use a seal',
      params: idParams,
      body: newAuthorisation,
      response: authorisationView,
      status: 201,
      idempotent: true,
      errors: ['NOT_FOUND'],
      handler: (request) =>
        changeAuthorisation(request, grantAuthorisation, { ...request.body, seal_id: request.params.id }),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/seals/authorisations/:id',
      access: permissions.access('seals.authorisation.manage'),
      summary: 'Revoke a seal authorisation',
      params: idParams,
      response: authorisationView,
      errors: ['NOT_FOUND'],
      handler: (request) => changeAuthorisation(request, revokeAuthorisation, request.params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/seals/:id/apply',
      access: permissions.access('seals.seal.use'),
      summary: 'Seal a document: a PAdES B-T signature of the organisation showing the seal',
      description:
        'Places the seal by coordinates, over a keyword of the text layer (every occurrence or the last), ' +
        'or as a cross-page seal (骑缝章) along the right edge; files the sealed PDF as a new version and logs the use.',
      params: idParams,
      body: applyBody,
      response: useView,
      status: 201,
      idempotent: true,
      errors: [
        'NOT_FOUND',
        sealsErrors.SEAL_NOT_ACTIVE,
        sealsErrors.SEAL_NOT_AUTHORISED,
        sealsErrors.SEAL_APPROVAL_REQUIRED,
        sealsErrors.SEAL_APPROVAL_NOT_GRANTED,
        sealsErrors.SEAL_APPROVAL_USED,
        sealsErrors.SEAL_KEYWORD_NOT_FOUND,
        sealsErrors.SEAL_PLACEMENT_INVALID,
        profilesErrors.PROFILE_CERTIFICATE_REJECTED,
        profilesErrors.PROFILE_MEANING_REFUSED,
        profilesErrors.PROFILE_SEAL_MISMATCH,
        profilesErrors.PROFILE_CERTIFICATE_UNUSABLE,
        'UNAVAILABLE',
      ],
      handler: async (request) => {
        const actor = actorOf(request);
        const scope = dataScopeOf(principalOf(request));
        const { document_id, placement, approval_id, meaning } = request.body;
        const input = {
          sealId: request.params.id,
          documentId: document_id,
          placement,
          approvalId: approval_id,
          ...(meaning === undefined ? {} : { meaning }),
          scope,
        };
        const prepared = await prepareSeal(deps, actor, input, approvalCheck(deps.db, actor, approval_id));
        const row = await inTransaction(deps.db, (trx) =>
          recordSealUse(trx, deps, actor, prepared, placementLabel(placement)),
        );
        return presentUse(row);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/seals/:id/use-requests',
      access: permissions.access('seals.seal.use'),
      summary: 'Request the use of a seal (用印审批): starts the authorisation’s approval workflow',
      description:
        'For the current version of the document (document_id), or of several (document_ids: batch sealing, ' +
        'one approval for the set). Once the approval is approved, apply the seal with its approval_id, once per ' +
        'document; a rejected or withdrawn approval is refused, as is a newer document version.',
      params: idParams,
      body: newUseRequest,
      response: useRequestView,
      status: 201,
      idempotent: true,
      errors: [
        'NOT_FOUND',
        sealsErrors.SEAL_NOT_ACTIVE,
        sealsErrors.SEAL_NOT_AUTHORISED,
        sealsErrors.SEAL_USE_REQUEST_INVALID,
        sealsErrors.SEAL_BATCH_INVALID,
        'VALIDATION',
      ],
      handler: async (request) => {
        const actor = actorOf(request);
        const { document_id, document_ids } = request.body;
        if ((document_id === undefined) === (document_ids === undefined))
          throw new AppError('VALIDATION', 'Name the document: document_id, or document_ids for a batch.', {
            fieldErrors: [{ field: 'document_ids', message: 'give document_id or document_ids, not both' }],
          });
        const input = {
          sealId: request.params.id,
          documentIds: document_ids ?? [document_id as string],
          scope: dataScopeOf(principalOf(request)),
        };
        return inTransaction(deps.db, (trx) => requestSealUse(trx, deps, actor, input));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/seals/use-requests',
      access: { authenticated: true },
      summary: 'List seal-use requests (用印审批) with their approval outcome and use',
      description:
        'Seal managers (seals.seal.manage) see every request; seal users (seals.seal.use) their own; anyone else 403.',
      querystring: useRequestListQuery,
      response: pageSchema(listedUseRequestView),
      errors: ['FORBIDDEN'],
      handler: async (request) => {
        const page = await listUseRequests(deps.db, actorOf(request), request.query);
        return { ...page, items: page.items.map(presentListedRequest) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/seals/usable',
      access: permissions.access('seals.seal.use'),
      summary: 'The active seals the caller may use now (the sender’s seal choice)',
      description:
        'Authorised directly, by role or by department, inside the validity window, for the category when given.',
      querystring: usableQuery,
      response: usableView,
      handler: async (request) => {
        const usable = await usableSeals(deps.db, deps, actorOf(request), request.query.category);
        return { items: usable.map(presentUsable) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/seals/uses',
      access: permissions.access('seals.log.read'),
      summary: 'The seal-use log: who used which seal on which document version, where and when',
      querystring: listBySeal,
      response: pageSchema(useView),
      handler: async (request) => {
        const page = await listUses(deps.db, request.query);
        return { ...page, items: page.items.map(presentUse) };
      },
    }),
  ];
}
