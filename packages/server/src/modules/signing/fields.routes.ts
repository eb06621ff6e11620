import { Type } from '@sinclair/typebox';
import { inTransaction } from '../../platform/db/transaction.js';
import { domainError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { fieldErrors } from './fields.errors.js';
import { fieldView, fillBody } from './fields.schemas.js';
import { requestFields, signerFields } from './fields.service.js';
import { fillAsAssistant } from './fill.service.js';
import { readScopeOf, requireVisible } from './request-scope.js';
import { getBundle } from './requests.service.js';
import { signingPermissions as permissions } from './signing.catalogue.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import { idParams } from './signing.schemas.js';
import { signerByToken } from './signing-link.service.js';

const link = {
  public: true,
  reason: 'assistants hold a signing-link token instead of an account',
} as const;

/** Placed fields: the assistant's fill by link, and the sender's view of every field's value. */
export function fieldRoutes(deps: SigningDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/digital-signature/fill',
      access: link,
      summary: 'An assistant fills the fields of the signer it assists (then that signer’s turn comes)',
      description:
        'Body: token (or X-Signing-Token) and fields [{id, value}] of the assisted signer (not signature or' +
        ' initials). Only in the assistant’s turn; the signer sees the values pre-filled and may change them.',
      body: fillBody,
      response: Type.Array(fieldView),
      errors: [
        signingErrors.LINK_INVALID,
        signingErrors.NOT_YOUR_TURN,
        signingErrors.REQUEST_NOT_OPEN,
        signingErrors.SIGNER_DONE,
        fieldErrors.FIELD_VALUE_INVALID,
        fieldErrors.WRONG_ACTION,
      ],
      handler: async (request) => {
        const header = request.headers['x-signing-token'];
        const token = request.body.token ?? (typeof header === 'string' ? header : undefined);
        if (!token) throw domainError(signingErrors.LINK_INVALID, 'Send the signing-link token');
        const access = await signerByToken(deps.db, deps, token);
        await inTransaction(deps.db, (trx) =>
          fillAsAssistant(trx, deps, actorOf(request), access.signer.id, request.body.fields),
        );
        return signerFields(deps.db, access.bundle.request.id, access.signer.assists_signer_id);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/digital-signature/requests/:id/fields',
      access: permissions.access('signing.request.read'),
      summary: 'The fields placed on a request, per signer, with the values filled',
      params: idParams,
      response: Type.Array(fieldView),
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const bundle = requireVisible(readScopeOf(request), await getBundle(deps.db, request.params.id));
        return requestFields(deps.db, bundle.request.id);
      },
    }),
  ];
}
