import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import type { SigningDeps } from '../signing.deps.js';
import { VERIFY_MAX_PDF_BYTES, verifyDocument } from './document-verification.service.js';
import { verificationErrors } from './verification.errors.js';
import { documentVerification } from './verification.schemas.js';

/**
 * The raw PDF bodies of public verification: only this scope parses application/pdf (and
 * application/octet-stream), up to VERIFY_MAX_PDF_BYTES; the content is sniffed, not trusted.
 */
export function acceptPdfBodies(scope: FastifyInstance): void {
  scope.addContentTypeParser(
    ['application/pdf', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: VERIFY_MAX_PDF_BYTES },
    (_request, body, done) => done(null, body),
  );
}

/** Public verification of an uploaded PDF (issue 15, behaviour 8). */
export function verificationRoutes(deps: SigningDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/digital-signature/verify-document',
      access: {
        public: true,
        reason: 'issue 15: anyone holding a signed PDF may check it without an account',
      },
      summary: 'Verify an uploaded PDF: the full PAdES report against the platform root (public)',
      description:
        'Body: the PDF itself (Content-Type application/pdf), at most 25 MiB. Each signature: the signer from' +
        ' its certificate (the /Name only as `declared_name_claim`), level, chain to the platform root,' +
        ' revocation (the file’s data and the platform CA’s live status), time-stamp, what changed after it,' +
        ' and its SignX signature_number when the file is a SignX version. Nothing of the content is returned.' +
        ' Rate-limited per IP like every route.',
      bodyLimit: VERIFY_MAX_PDF_BYTES,
      response: documentVerification,
      errors: [
        verificationErrors.NOT_A_PDF,
        verificationErrors.PDF_UNREADABLE,
        'TOO_LARGE',
        'UNSUPPORTED_MEDIA',
        'RATE_LIMITED',
      ],
      handler: async (request) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return verifyDocument(deps, body);
      },
    }),
  ];
}
