import { pageSchema } from '../../platform/db/pagination.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { platformErrors } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { sealsPermissions as permissions } from './seals.catalogue.js';
import type { SealsDeps } from './seals.deps.js';
import { sealsErrors } from './seals.errors.js';
import { presentSeal } from './seals.presenter.js';
import {
  idParams,
  newSeal,
  previewBody,
  previewView,
  sealCommand,
  sealImageBody,
  sealListQuery,
  sealView,
} from './seals.schemas.js';
import {
  changeSealStatus,
  createSeal,
  getSeal,
  listSeals,
  previewSvg,
  replaceSealImage,
} from './seals.service.js';

/** The seal registry: list, show, register, generate a preview, replace the image, change status. */
export function sealRoutes(deps: SealsDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/seals',
      access: permissions.access('seals.seal.read'),
      summary: 'List seals',
      querystring: sealListQuery,
      response: pageSchema(sealView),
      handler: async (request) => {
        const page = await listSeals(deps.db, request.query);
        return { ...page, items: page.items.map(presentSeal) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/seals/:id',
      access: permissions.access('seals.seal.read'),
      summary: 'Show a seal',
      params: idParams,
      response: sealView,
      errors: ['NOT_FOUND'],
      handler: async (request) => presentSeal(await getSeal(deps.db, request.params.id)),
    }),
    defineRoute({
      method: 'POST',
      url: '/seals',
      access: permissions.access('seals.seal.manage'),
      summary: 'Register a seal (generated from a design, or an uploaded PNG scan)',
      description: 'Without design or image the type’s default design is generated.',
      body: newSeal,
      response: sealView,
      status: 201,
      idempotent: true,
      errors: [
        sealsErrors.SEAL_NAME_TAKEN,
        sealsErrors.SEAL_IMAGE_INVALID,
        sealsErrors.SEAL_CERTIFICATE_NOT_ACTIVE,
      ],
      handler: async (request) => {
        const actor = actorOf(request);
        return presentSeal(await inTransaction(deps.db, (trx) => createSeal(trx, deps, actor, request.body)));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/seals/preview',
      access: permissions.access('seals.seal.read'),
      summary: 'Draw a seal design as SVG (the generator preview)',
      body: previewBody,
      response: previewView,
      errors: [sealsErrors.SEAL_IMAGE_INVALID],
      handler: async (request) => ({ svg: previewSvg(request.body.design) }),
    }),
    defineRoute({
      method: 'PUT',
      url: '/seals/:id/image',
      access: permissions.access('seals.seal.manage'),
      summary: 'Replace the design or the uploaded image of a seal',
      params: idParams,
      body: sealImageBody,
      response: sealView,
      errors: ['NOT_FOUND', sealsErrors.SEAL_IMAGE_INVALID, sealsErrors.SEAL_NOT_ACTIVE],
      handler: async (request) => {
        const actor = actorOf(request);
        const input = { id: request.params.id, ...request.body };
        return presentSeal(await inTransaction(deps.db, (trx) => replaceSealImage(trx, deps, actor, input)));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/seals/:id/events',
      access: permissions.access('seals.seal.manage'),
      summary: 'Suspend, reactivate or retire a seal',
      params: idParams,
      body: sealCommand,
      response: sealView,
      errors: ['NOT_FOUND', platformErrors.STATE_TRANSITION_NOT_ALLOWED],
      handler: async (request) => {
        const actor = actorOf(request);
        const command = { id: request.params.id, ...request.body };
        return presentSeal(
          await inTransaction(deps.db, (trx) => changeSealStatus(trx, deps, actor, command)),
        );
      },
    }),
  ];
}
