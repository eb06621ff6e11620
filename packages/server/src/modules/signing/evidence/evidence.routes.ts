import { Type } from '@sinclair/typebox';
import { actorOf } from '../../../platform/http/access.js';
import { defineFileRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { readScopeOf, requireRequestInScope } from '../request-scope.js';
import { signingPermissions as permissions } from '../signing.catalogue.js';
import type { SigningDeps } from '../signing.deps.js';
import { verificationErrors } from '../verification/verification.errors.js';
import { storedOrFresh } from './stored-evidence.service.js';

const params = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** The sender's downloads of a completed request: certificate of completion (PDF) and evidence (JSON). */
export function evidenceRoutes(deps: SigningDeps): RouteDefinition[] {
  return [
    defineFileRoute({
      method: 'GET',
      url: '/digital-signature/requests/:id/certificate',
      access: permissions.access('signing.request.read'),
      summary: 'Certificate of completion (PDF in the request’s language, sealed by the platform, PAdES)',
      params,
      file: Type.String({ format: 'binary' }),
      errors: ['NOT_FOUND', verificationErrors.REQUEST_NOT_COMPLETED],
      handler: async (request, reply) => {
        await requireRequestInScope(deps.db, readScopeOf(request), request.params.id);
        const got = await storedOrFresh(deps, actorOf(request), request.params.id, 'certificate');
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${got.requestNumber}-certificate.pdf"`)
          .header('cache-control', 'private, no-store')
          .send(got.bytes);
      },
    }),
    defineFileRoute({
      method: 'GET',
      url: '/digital-signature/requests/:id/evidence',
      access: permissions.access('signing.request.read'),
      summary:
        'Evidence file (JSON): events with audit inclusion proofs, document hashes, IP, user agent, consent',
      description:
        '`{statement, seal, audit}`: the statement is sealed (Ed25519, the audit checkpoint key) and `audit` is a' +
        ' signx-audit-bundle/2 of every event on the request; verify offline with `signx audit verify-bundle`.',
      params,
      file: Type.Object({}, { additionalProperties: true }),
      errors: ['NOT_FOUND', verificationErrors.REQUEST_NOT_COMPLETED],
      handler: async (request, reply) => {
        await requireRequestInScope(deps.db, readScopeOf(request), request.params.id);
        const got = await storedOrFresh(deps, actorOf(request), request.params.id, 'evidence');
        return reply
          .type('application/json')
          .header('content-disposition', `attachment; filename="${got.requestNumber}-evidence.json"`)
          .header('cache-control', 'private, no-store')
          .send(got.bytes);
      },
    }),
  ];
}
