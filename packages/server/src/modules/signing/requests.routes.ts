import { inTransaction } from '../../platform/db/transaction.js';
import { platformErrors } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { documents } from '../documents/index.js';
import { fieldErrors } from './fields.errors.js';
import { reassignSigner } from './lifecycle.service.js';
import { requestSummaryPdf } from './pdf-signing.js';
import { maskFor, readScopeOf, requireRequestInScope, requireVisible } from './request-scope.js';
import { createRequest, getBundle, listRequests, loadBundles, type NewRequest } from './requests.service.js';
import { cancelRequest, sendRequest } from './send.service.js';
import { addSigners } from './signers.service.js';
import { signingPermissions as permissions } from './signing.catalogue.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import { presentRequest } from './signing.presenter.js';
import * as s from './signing.schemas.js';
import { checkEntityType } from './templates.service.js';

const BASE = '/digital-signature';

/** The staged one-page PDF a request without documents carries (built before the transaction). */
export async function summaryFor(deps: SigningDeps, input: NewRequest) {
  if ((input.document_ids ?? []).length > 0) return undefined;
  const pdf = await requestSummaryPdf({
    requestNumber: 'Signature request',
    entityType: input.entity_type,
    entityId: String(input.entity_id),
    title: input.title,
    description: input.description ?? null,
    createdAt: deps.clock.now().toISOString(),
  });
  return documents.stage(deps.ctx, pdf, 'signature-request.pdf');
}

/** Creates a request and presents it, in one transaction (shared by /requests and /entity/{type}/{id}/request). */
export async function createAndPresent(
  deps: SigningDeps,
  actor: ReturnType<typeof actorOf>,
  input: NewRequest,
) {
  checkEntityType(deps, input.entity_type);
  const summary = await summaryFor(deps, input);
  return inTransaction(deps.db, async (trx) => {
    const row = await createRequest(trx, deps, actor, input, summary);
    return presentRequest(await getBundle(trx, row.id), deps.clock.now());
  });
}

export const createErrors = [
  'NOT_FOUND' as const,
  signingErrors.UNKNOWN_ENTITY_TYPE,
  signingErrors.DOCUMENT_NOT_PDF,
  fieldErrors.FIELD_PLACEMENT_INVALID,
  fieldErrors.PARTIES_INVALID,
];

/** Requests: list, create, show, add signers, send, cancel (seed 004 paths). */
export function requestRoutes(deps: SigningDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: `${BASE}/requests`,
      access: permissions.access('signing.request.read'),
      summary: 'List signature requests',
      description:
        'Filters: entity_type, entity_id, status, customer_id, priority, search (number or title).',
      querystring: s.requestListQuery,
      response: s.requestPage,
      handler: async (request) => {
        const q = request.query;
        const scope = readScopeOf(request);
        const page = await listRequests(deps.db, q, scope);
        const bundles = await loadBundles(deps.db, page.items);
        return { ...page, items: bundles.map((b) => maskFor(scope, presentRequest(b, deps.clock.now()))) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${BASE}/requests`,
      access: permissions.access('signing.request.create'),
      summary: 'Create a signature request on any record',
      description:
        'Seed 004 body (entity_type, entity_id, title, description, template_id, priority, signers[]) plus' +
        ' document_ids (PDFs filed on the same record). Without documents a one-page summary PDF is filed' +
        ' on the record, so every signature is a real PAdES signature. Status: pending until sent.',
      body: s.newRequest,
      response: s.requestView,
      status: 201,
      idempotent: true,
      bodyLimit: 256 * 1024,
      errors: createErrors,
      handler: async (request) => createAndPresent(deps, actorOf(request), request.body),
    }),
    defineRoute({
      method: 'GET',
      url: `${BASE}/requests/:id`,
      access: permissions.access('signing.request.read'),
      summary: 'Show a signature request with its documents, signers and signatures',
      description:
        'Within the data scope (own or party to, unless read_all); others’ phone and email masked.',
      params: s.idParams,
      response: s.requestView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const scope = readScopeOf(request);
        const bundle = requireVisible(scope, await getBundle(deps.db, request.params.id));
        return maskFor(scope, presentRequest(bundle, deps.clock.now()));
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${BASE}/requests/:id/signers`,
      access: permissions.access('signing.request.create'),
      summary: 'Add signers to a pending request',
      description:
        'One signer object, or {signers:[…]}. Roles: signer, approver, viewer, cc, witness, assistant.',
      params: s.idParams,
      body: s.addSignersBody,
      response: s.requestView,
      status: 201,
      idempotent: true,
      errors: ['NOT_FOUND', signingErrors.REQUEST_NOT_OPEN, fieldErrors.PARTIES_INVALID],
      handler: async (request) => {
        const body = request.body;
        const list = 'signers' in body ? body.signers : [body];
        return inTransaction(deps.db, async (trx) => {
          await requireRequestInScope(trx, readScopeOf(request), request.params.id);
          await addSigners(trx, deps, actorOf(request), request.params.id, list);
          return presentRequest(await getBundle(trx, request.params.id), deps.clock.now());
        });
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${BASE}/requests/:id/send`,
      access: permissions.access('signing.request.create'),
      summary: 'Send a request: issue each signer’s signing link',
      description:
        'Answers the links once (tokens are stored only as hashes). Sending again re-issues the links of' +
        ' signers who have not signed; their earlier links stop working. Order is enforced when a link is used.',
      params: s.idParams,
      response: s.sentRequest,
      errors: ['NOT_FOUND', platformErrors.STATE_TRANSITION_NOT_ALLOWED, signingErrors.NO_SIGNERS],
      handler: async (request) =>
        inTransaction(deps.db, async (trx) => {
          await requireRequestInScope(trx, readScopeOf(request), request.params.id);
          const { links } = await sendRequest(trx, deps, actorOf(request), request.params.id);
          return {
            request: presentRequest(await getBundle(trx, request.params.id), deps.clock.now()),
            links,
          };
        }),
    }),
    defineRoute({
      method: 'POST',
      url: `${BASE}/requests/:id/signers/:signer_id/reassign`,
      access: permissions.access('signing.request.create'),
      summary: 'Give an unsigned signer’s place to someone else (delegate)',
      description: 'Same order and role; a new link (answered once) and the old one dies at once. Audited.',
      params: s.reassignParams,
      body: s.reassignBody,
      response: s.reassignResult,
      errors: ['NOT_FOUND', signingErrors.REQUEST_NOT_OPEN, signingErrors.SIGNER_DONE],
      handler: async (request) =>
        inTransaction(deps.db, async (trx) => {
          const { id, signer_id } = request.params;
          await requireRequestInScope(trx, readScopeOf(request), id);
          const link = await reassignSigner(trx, deps, actorOf(request), {
            requestId: id,
            signerId: signer_id,
            to: request.body,
          });
          return { request: presentRequest(await getBundle(trx, id), deps.clock.now()), link };
        }),
    }),
    defineRoute({
      method: 'POST',
      url: `${BASE}/requests/:id/cancel`,
      access: permissions.access('signing.request.cancel'),
      summary: 'Cancel a signature request',
      params: s.idParams,
      body: s.cancelBody,
      response: s.requestView,
      errors: ['NOT_FOUND', platformErrors.STATE_TRANSITION_NOT_ALLOWED],
      handler: async (request) =>
        inTransaction(deps.db, async (trx) => {
          await requireRequestInScope(trx, readScopeOf(request), request.params.id);
          await cancelRequest(trx, deps, actorOf(request), request.params.id, request.body?.reason ?? null);
          return presentRequest(await getBundle(trx, request.params.id), deps.clock.now());
        }),
    }),
  ];
}
