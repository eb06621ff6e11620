import { inTransaction } from '../../../platform/db/transaction.js';
import { domainError } from '../../../platform/errors.js';
import { actorOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { documents } from '../../documents/index.js';
import { signingPermissions as permissions } from '../signing.catalogue.js';
import { signingErrors } from '../signing.errors.js';
import { VERIFY_MAX_PDF_BYTES } from '../verification/document-verification.service.js';
import { issueDirectLink, setDirectLinkEnabled } from './direct-links.service.js';
import type { InstancesDeps } from './instances.deps.js';
import { instancesErrors } from './instances.errors.js';
import { presentDirectLink, presentSetup } from './instances.presenter.js';
import * as s from './instances.schemas.js';
import { addTemplateDocument, removeTemplateDocument, setRoles, setupOf } from './template-setup.service.js';

const BASE = '/digital-signature/templates/:id';
const manage = permissions.access('signing.template.manage');

/** What a template needs to make new requests: its PDFs, role placeholders, direct link (JSON routes). */
export function templateSetupRoutes(deps: InstancesDeps): RouteDefinition[] {
  const present = async (db: typeof deps.db, id: string) => presentSetup(id, await setupOf(db, id));
  return [
    defineRoute({
      method: 'GET',
      url: `${BASE}/setup`,
      access: permissions.access('signing.template.read'),
      summary: 'A template’s stored PDFs, role placeholders, direct-link state and bulk columns',
      params: s.templateIdParams,
      response: s.setupView,
      errors: ['NOT_FOUND'],
      handler: async (request) => present(deps.db, request.params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: `${BASE}/roles`,
      access: manage,
      summary: 'Replace a template’s role placeholders',
      description:
        'A role with signer_name is a fixed person (e.g. the company signer); the others are filled per instance' +
        ' (direct-link visitor, bulk row columns `<role_key>.name/.email/.phone`).',
      params: s.templateIdParams,
      body: s.rolesBody,
      response: s.setupView,
      errors: ['NOT_FOUND', instancesErrors.TEMPLATE_ROLES_INVALID],
      handler: async (request) =>
        inTransaction(deps.db, async (trx) => {
          await setRoles(trx, deps, actorOf(request), request.params.id, request.body.roles);
          return present(trx, request.params.id);
        }),
    }),
    defineRoute({
      method: 'DELETE',
      url: `${BASE}/documents/:document_id`,
      access: manage,
      summary: 'Remove a stored PDF from a template (requests made earlier keep theirs)',
      params: s.templateDocumentParams,
      response: s.setupView,
      errors: ['NOT_FOUND'],
      handler: async (request) =>
        inTransaction(deps.db, async (trx) => {
          const { id, document_id } = request.params;
          await removeTemplateDocument(trx, deps, actorOf(request), id, document_id);
          return present(trx, id);
        }),
    }),
    defineRoute({
      method: 'POST',
      url: `${BASE}/direct-link`,
      access: manage,
      summary: 'Publish or rotate the template’s direct link (the secret is answered once)',
      description:
        'Anyone with the link enters a name and email and signs a new request made from the template. Rotating' +
        ' kills the previous secret at once. Every role but the visitor’s must have a fixed person.',
      params: s.templateIdParams,
      body: s.issueLinkBody,
      response: s.issuedLink,
      status: 201,
      errors: ['NOT_FOUND', instancesErrors.TEMPLATE_ROLES_INVALID],
      handler: async (request) =>
        inTransaction(deps.db, async (trx) => {
          const issued = await issueDirectLink(
            trx,
            deps,
            actorOf(request),
            request.params.id,
            request.body.role_key,
          );
          return { direct_link: presentDirectLink(issued.link), token: issued.token, url: issued.url };
        }),
    }),
    defineRoute({
      method: 'PATCH',
      url: `${BASE}/direct-link`,
      access: manage,
      summary: 'Disable or enable the template’s direct link',
      params: s.templateIdParams,
      body: s.enableLinkBody,
      response: s.directLinkView,
      errors: ['NOT_FOUND'],
      handler: async (request) =>
        presentDirectLink(
          await inTransaction(deps.db, (trx) =>
            setDirectLinkEnabled(trx, deps, actorOf(request), request.params.id, request.body.is_enabled),
          ),
        ),
    }),
  ];
}

/** The PDF upload of a template (mounted in the scope that parses application/pdf bodies). */
export function templatePdfRoutes(deps: InstancesDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: `${BASE}/documents`,
      access: manage,
      summary: 'Store a PDF on a template (body: the PDF; ?file_name=)',
      description:
        'Content-Type application/pdf, at most 25 MiB; the content is sniffed. Each new request made from the' +
        ' template (direct link, bulk send) carries a copy filed on its own record.',
      params: s.templateIdParams,
      querystring: s.documentUploadQuery,
      bodyLimit: VERIFY_MAX_PDF_BYTES,
      response: s.setupView,
      status: 201,
      idempotent: true,
      errors: ['NOT_FOUND', 'TOO_LARGE', 'UNSUPPORTED_MEDIA', signingErrors.DOCUMENT_NOT_PDF],
      handler: async (request) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const name = request.query.file_name.replace(/\.pdf$/i, '');
        const staged = await documents.stage(deps.ctx, body, `${name}.pdf`);
        if (staged.mediaType !== 'application/pdf')
          throw domainError(signingErrors.DOCUMENT_NOT_PDF, 'The body is not a PDF (checked by content)');
        return inTransaction(deps.db, async (trx) => {
          await addTemplateDocument(trx, deps, actorOf(request), request.params.id, staged, staged.fileName);
          return presentSetup(request.params.id, await setupOf(trx, request.params.id));
        });
      },
    }),
  ];
}
