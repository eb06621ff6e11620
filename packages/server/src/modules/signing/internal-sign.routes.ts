import { Type } from '@sinclair/typebox';
import { inTransaction } from '../../platform/db/transaction.js';
import { actorOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { part11CeremonyErrors } from '../records/index.js';
import { signerForUser, stepUpCheck } from './internal-signer.service.js';
import { part11Policy, part11Signature, requireCeremony } from './part11-signing.js';
import { signErrors } from './public.routes.js';
import * as s from './public.schemas.js';
import { commitSignature, prepareSignature } from './sign.service.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import { presentRequest, presentSignature } from './signing.presenter.js';
import { emittedOrRead } from './signing-events.js';

/** Internal signers sign from their account with a step-up proof (no link is issued to them). */
export function internalSignRoutes(deps: SigningDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/digital-signature/requests/:id/signers/:signer_id/sign',
      access: { authenticated: true },
      summary: 'Sign as an internal signer, from your own account',
      description:
        'For signers created with user_id: the same body as POST /sign without a token, plus the' +
        ' X-Step-Up-Proof header (POST /auth/step-up). Order is enforced as for links.',
      params: Type.Object({ id: Type.String({ maxLength: 64 }), signer_id: Type.String({ maxLength: 64 }) }),
      headers: Type.Object({ 'x-step-up-proof': Type.Optional(Type.String({ maxLength: 200 })) }),
      body: s.internalSignBody,
      response: s.signResult,
      status: 201,
      bodyLimit: 2 * 1024 * 1024,
      errors: [
        ...signErrors,
        signingErrors.SIGNER_NOT_LINKED_USER,
        signingErrors.PART11_CEREMONY_REQUIRED,
        ...part11CeremonyErrors,
      ],
      handler: async (request) => {
        const actor = actorOf(request);
        const access = await signerForUser(deps.db, deps, actor, request.params.id, request.params.signer_id);
        const { part11, ...body } = request.body;
        const ceremony = (await part11Policy(deps.db)) ? requireCeremony(part11) : undefined;
        const prepared = await prepareSignature(deps, access, body, { isPart11Ceremony: !!ceremony });
        const header = request.headers['x-step-up-proof'];
        const proof = typeof header === 'string' ? header : undefined;
        // Under a Part 11 policy the ceremony is the re-authentication; otherwise the step-up proof.
        const beforeRecording = ceremony
          ? await part11Signature(deps, actor, prepared, ceremony)
          : stepUpCheck(deps, actor, proof);
        // The answer presents the request as the signature's own transaction left it (no re-read).
        const { row, bundle } = await inTransaction(deps.db, async (trx) => {
          const row = await commitSignature(trx, deps, actor, prepared, body, beforeRecording);
          return { row, bundle: await emittedOrRead(trx, deps.emittedBundles, row.request_id) };
        });
        return { signature: presentSignature(row), request: presentRequest(bundle, deps.clock.now()) };
      },
    }),
  ];
}
