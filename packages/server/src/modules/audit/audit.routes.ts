import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.js';
import { pageSchema } from '../../platform/db/pagination.js';
import { envelope, errorResponses, ok } from '../../platform/http/envelope.js';
import { type AuditDeps, auditDeps } from './audit.deps.js';
import { presentEvent, presentReport } from './audit.presenter.js';
import {
  checkpointSchema,
  eventQuerySchema,
  eventSchema,
  exportQuerySchema,
  idParams,
  verifyReportSchema,
} from './audit.schemas.js';
import {
  eventEvidence,
  exportBundle,
  exportCsv,
  exportPdf,
  queryEvents,
  runVerification,
} from './audit.service.js';
import { actorFromRequest } from './chain/actor.js';
import { AUDIT_CHAINS, auditPermissions } from './chain/chain.types.js';
import { checkpointAll } from './checkpoints/checkpoints.service.js';
import type { AuditBundle } from './proofs/bundle.js';

const read = { access: { permission: auditPermissions.read } };
const exporting = { access: { permission: auditPermissions.export } };
const verifying = { access: { permission: auditPermissions.verify } };
const bundleSchema = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'Evidence bundle (format signx-audit-bundle/2): events, inclusion proofs, checkpoints, public key, signed selection',
});

const csvSchema = Type.String({ description: 'CSV (RFC 4180, UTF-8 with BOM), one row per event' });
const pdfSchema = Type.Unsafe<Buffer>({
  type: 'string',
  format: 'binary',
  description: 'PDF compliance report',
});

/** Bundles are plain JSON documents; the route schema keeps all of their fields. */
function bundleBody(bundle: AuditBundle): Record<string, unknown> {
  return bundle as unknown as Record<string, unknown>;
}

/** The audit review API under /api/v1/audit: query, verify, checkpoints and exports. */
export async function auditRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<TypeBoxTypeProvider>();
  const deps = auditDeps(ctx);
  app.get(
    '/audit/events',
    {
      config: read,
      schema: {
        tags: ['audit'],
        querystring: eventQuerySchema,
        response: { 200: envelope(pageSchema(eventSchema)), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await queryEvents(deps, request.query);
      return ok({ ...page, items: page.items.map(presentEvent) });
    },
  );
  app.get(
    '/audit/events/:id/proof',
    {
      config: read,
      schema: {
        tags: ['audit'],
        params: idParams,
        response: { 200: envelope(bundleSchema), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ok(bundleBody(await eventEvidence(deps, request.params.id))),
  );
  app.post(
    '/audit/verify',
    {
      config: verifying,
      schema: {
        tags: ['audit'],
        response: { 200: envelope(verifyReportSchema), ...errorResponses(401, 403) },
      },
    },
    async (request) => ok(presentReport(await runVerification(deps, actorFromRequest(request)))),
  );
  app.post(
    '/audit/checkpoints',
    {
      config: verifying,
      schema: {
        tags: ['audit'],
        response: { 200: envelope(Type.Array(checkpointSchema)), ...errorResponses(401, 403) },
      },
    },
    async () => ok(await checkpointAll(deps, AUDIT_CHAINS)),
  );
  exportRoutes(api, deps);
}

/** CSV, PDF and evidence-bundle exports (permission audit.export); every export is itself audited. */
function exportRoutes(api: FastifyInstance, deps: AuditDeps): void {
  const app = api.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/audit/export.csv',
    {
      config: exporting,
      schema: {
        tags: ['audit'],
        querystring: exportQuerySchema,
        response: { 200: csvSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { limit, ...filter } = request.query;
      const csv = await exportCsv(deps, filter, limit, actorFromRequest(request));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="signx-audit.csv"')
        .send(csv);
    },
  );
  app.get(
    '/audit/report.pdf',
    {
      config: exporting,
      schema: {
        tags: ['audit'],
        querystring: exportQuerySchema,
        response: { 200: pdfSchema, ...errorResponses(400, 401, 403, 503) },
      },
    },
    async (request, reply) => {
      const { limit, ...filter } = request.query;
      const pdf = await exportPdf(deps, filter, limit, actorFromRequest(request));
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="signx-audit-report.pdf"')
        .send(Buffer.from(pdf));
    },
  );
  app.get(
    '/audit/bundle',
    {
      config: exporting,
      schema: {
        tags: ['audit'],
        querystring: exportQuerySchema,
        response: { 200: bundleSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { limit, ...filter } = request.query;
      const bundle = await exportBundle(deps, filter, limit, actorFromRequest(request));
      return reply
        .header('content-disposition', 'attachment; filename="signx-audit-bundle.json"')
        .send(bundleBody(bundle));
    },
  );
}
