import { Type } from '@sinclair/typebox';
import { actorOf } from '../../platform/http/access.js';
import { defineFileRoute, type RouteDefinition } from '../../platform/http/route.js';
import { printoutPdf } from './printout.pdf.js';
import { signaturePrintout } from './printout.service.js';
import type { RecordsDeps } from './records.deps.js';
import { signatureParams } from './signatures.schemas.js';

const printoutQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Union([Type.Literal('pdf'), Type.Literal('json')], { description: 'pdf (default) or json' }),
    ),
    language: Type.Optional(
      Type.Union([Type.Literal('en'), Type.Literal('zh-CN'), Type.Literal('he')], {
        description: 'Language of the captions and the meaning label; default en',
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * Annex 11 §8.1/§8.2 printout of a signature: the manifestation (name, time with zone,
 * meaning, reason), the record and its hash, the verification run now, and the fields changed
 * since first entry with their original values. A read: only a verification that finds
 * tampering records its status change, as `GET /signature/verify` does.
 */
export function printoutRoutes(deps: RecordsDeps): RouteDefinition[] {
  return [
    defineFileRoute({
      method: 'GET',
      url: '/signature/details/:signatureId/printout',
      access: { authenticated: true },
      summary: 'Printable copy of a signature’s manifestation, with fields changed since first entry',
      description:
        '`format=pdf` (A4, CJK and Hebrew) or `format=json`; visible as `GET /signature/details/{id}`.',
      params: signatureParams,
      querystring: printoutQuery,
      file: Type.String({ format: 'binary' }),
      errors: ['NOT_FOUND'],
      handler: async (request, reply) => {
        const language = request.query.language ?? 'en';
        const printout = await signaturePrintout(deps, actorOf(request), {
          signatureId: request.params.signatureId,
          language,
        });
        const name = `signature-${printout.signature_id}`;
        reply.header('cache-control', 'private, no-store');
        if (request.query.format === 'json')
          return reply
            .type('application/json')
            .header('content-disposition', `attachment; filename="${name}.json"`)
            .send(JSON.stringify(printout, null, 2));
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`)
          .send(Buffer.from(await printoutPdf(printout)));
      },
    }),
  ];
}
