import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { defineRoute, mountRoutes } from '../../platform/http/route.js';
import { pdfReport } from './public.schemas.js';
import { signingTag } from './signing.catalogue.js';
import type { SigningDeps } from './signing.deps.js';
import { verifyUploadedPdf } from './verify-pdf.service.js';

const MAX_PDF = 25 * 1024 * 1024;

/** POST /digital-signature/verify-pdf: anyone uploads a PDF (body application/pdf) and gets the PAdES report. */
export async function mountVerifyPdf(api: FastifyInstance, deps: SigningDeps): Promise<void> {
  await api.register(async (scope) => {
    scope.addContentTypeParser(
      'application/pdf',
      { parseAs: 'buffer', bodyLimit: MAX_PDF },
      (_r, body, done) => done(null, body),
    );
    mountRoutes(scope, signingTag, [
      defineRoute({
        method: 'POST',
        url: '/digital-signature/verify-pdf',
        access: {
          public: true,
          reason: 'anyone holding a signed PDF may check it (issue 15: verification by upload)',
        },
        summary: 'Verify an uploaded PDF (body: the PDF, Content-Type application/pdf)',
        description:
          'The full PAdES report (each signature and document time-stamp, level, chain to the platform root,' +
          ' embedded revocation data, changes after signing) and, when SignX produced exactly this file, the live' +
          ' status of its signatures. Nothing is stored.',
        bodyLimit: MAX_PDF,
        response: pdfReport,
        handler: async (request) => {
          if (!Buffer.isBuffer(request.body) || request.body.length === 0)
            throw new AppError('VALIDATION', 'Send the PDF as the body with Content-Type: application/pdf');
          return verifyUploadedPdf(deps.db, deps, request.body);
        },
      }),
    ]);
  });
}
