import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../platform/app-context.js';
import { pageSchema } from '../../platform/db/pagination.js';
import { defineFileRoute, defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { describeAction, auditPermissions as permissions } from './audit.catalogue.js';
import type { AuditDeps } from './audit.deps.js';
import { auditErrors } from './audit.errors.js';
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
  signCheckpoints,
} from './audit.service.js';
import { actorFromRequest } from './chain/actor.js';
import type { AuditBundle } from './proofs/bundle.js';

const read = permissions.access('audit.event.read');
const exporting = permissions.access('audit.export');
const verifying = permissions.access('audit.verify');
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

/** The audit review API under /api/v1/audit: query, proofs, verification and checkpoints. */
export function auditRoutes(ctx: AppContext, deps: AuditDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/audit/events',
      access: read,
      summary: 'List audit events',
      querystring: eventQuerySchema,
      response: pageSchema(eventSchema),
      handler: async (request) => {
        const page = await queryEvents(deps, request.query);
        const describe = (action: string) => describeAction(ctx.catalogues.auditEvents, action);
        return { ...page, items: page.items.map((row) => presentEvent(row, describe(row.action))) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/audit/events/:id/proof',
      access: read,
      summary: 'Prove one event (evidence bundle over the latest signed checkpoint)',
      params: idParams,
      response: bundleSchema,
      errors: ['NOT_FOUND', auditErrors.AUDIT_LOG_BROKEN, auditErrors.AUDIT_LOG_EMPTY],
      handler: async (request) => bundleBody(await eventEvidence(deps, request.params.id)),
    }),
    defineRoute({
      method: 'POST',
      url: '/audit/verify',
      access: verifying,
      summary: 'Verify every chain and checkpoint (the run is audited)',
      response: verifyReportSchema,
      handler: async (request) => presentReport(await runVerification(deps, actorFromRequest(request))),
    }),
    defineRoute({
      method: 'POST',
      url: '/audit/checkpoints',
      access: verifying,
      summary: 'Sign a checkpoint of every chain with new events',
      response: Type.Array(checkpointSchema),
      errors: [auditErrors.AUDIT_LOG_BROKEN],
      handler: async () => signCheckpoints(deps),
    }),
    ...exportRoutes(deps),
  ];
}

/** CSV, PDF and evidence-bundle exports (permission audit.export); every export is itself audited. */
function exportRoutes(deps: AuditDeps): RouteDefinition[] {
  return [
    defineFileRoute({
      method: 'GET',
      url: '/audit/export.csv',
      access: exporting,
      summary: 'Export matching events as CSV',
      querystring: exportQuerySchema,
      file: csvSchema,
      handler: async (request, reply) => {
        const { limit, ...filter } = request.query;
        const csv = await exportCsv(deps, filter, limit, actorFromRequest(request));
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="signx-audit.csv"')
          .send(csv);
      },
    }),
    defineFileRoute({
      method: 'GET',
      url: '/audit/report.pdf',
      access: exporting,
      summary: 'Export a PDF compliance report of matching events',
      querystring: exportQuerySchema,
      file: pdfSchema,
      errors: [auditErrors.REPORT_FONTS_MISSING],
      handler: async (request, reply) => {
        const { limit, ...filter } = request.query;
        const pdf = await exportPdf(deps, filter, limit, actorFromRequest(request));
        return reply
          .type('application/pdf')
          .header('content-disposition', 'attachment; filename="signx-audit-report.pdf"')
          .send(Buffer.from(pdf));
      },
    }),
    defineFileRoute({
      method: 'GET',
      url: '/audit/bundle',
      access: exporting,
      summary: 'Export matching events as an evidence bundle',
      querystring: exportQuerySchema,
      file: bundleSchema,
      errors: [auditErrors.AUDIT_LOG_BROKEN, auditErrors.AUDIT_LOG_EMPTY],
      handler: async (request, reply) => {
        const { limit, ...filter } = request.query;
        const bundle = await exportBundle(deps, filter, limit, actorFromRequest(request));
        return reply
          .header('content-disposition', 'attachment; filename="signx-audit-bundle.json"')
          .send(bundleBody(bundle));
      },
    }),
  ];
}
