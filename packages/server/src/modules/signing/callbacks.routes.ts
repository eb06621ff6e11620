import { Type } from '@sinclair/typebox';
import { inTransaction } from '../../platform/db/transaction.js';
import { platformErrors } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { createErrors, summaryFor } from './requests.routes.js';
import { createRequest, getBundle } from './requests.service.js';
import { sendRequest } from './send.service.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import { presentRequest } from './signing.presenter.js';
import * as s from './signing.schemas.js';
import { checkEntityType } from './templates.service.js';

const callbackBody = Type.Object(
  {
    ...s.newRequest.properties,
    send: Type.Optional(
      Type.Boolean({ description: 'Send at once, issuing the signing links (default true)' }),
    ),
  },
  { additionalProperties: false },
);

/**
 * Inbound callbacks of the signing module: another system (an ERP) starts a signing request
 * with an HMAC-signed call instead of a token (docs/integration.md, "Inbound callbacks").
 * The same services as POST /digital-signature/requests and /send, so the same audit
 * events and webhooks follow.
 */
export function callbackRoutes(deps: SigningDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/callbacks/signing-requests',
      access: { callback: 'signing.request.create' },
      summary: 'Start a signing request from another system (signed callback)',
      description:
        'Body: as POST /digital-signature/requests (template_id or template_code, document_ids, signers) plus' +
        ' `send` (default true). Signed with an inbound credential: SignX-Key-Id, SignX-Request-Id,' +
        ' SignX-Timestamp, SignX-Signature (docs/integration.md). Retries use an Idempotency-Key.',
      body: callbackBody,
      response: s.sentRequest,
      status: 201,
      idempotent: true,
      bodyLimit: 256 * 1024,
      errors: [...createErrors, platformErrors.STATE_TRANSITION_NOT_ALLOWED, signingErrors.NO_SIGNERS],
      handler: async (request) => {
        const { send, ...input } = request.body;
        const actor = actorOf(request);
        checkEntityType(deps, input.entity_type);
        const summary = await summaryFor(deps, input);
        return inTransaction(deps.db, async (trx) => {
          const row = await createRequest(trx, deps, actor, input, summary);
          const links = send === false ? [] : (await sendRequest(trx, deps, actor, row.id)).links;
          return { request: presentRequest(await getBundle(trx, row.id), deps.clock.now()), links };
        });
      },
    }),
  ];
}
