import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import type { Logger } from '../../platform/logger.js';
import { auditEvents } from './audit.catalogue.js';
import { actorFromRequest } from './audit-actor.js';
import { recordEvent } from './audit-recorder.js';

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Writes are always recorded; reads only when refused (403), so probing is visible too. */
function isRecorded(method: string, status: number): boolean {
  return mutating.has(method) || status === 403;
}

/**
 * Records every mutating HTTP request, and every request answered 403 whatever its method
 * (who, what, status, duration) in the 'http' chain,
 * after the response, in its own transaction: a failed or refused request is recorded
 * too. Only the path is kept (query strings may carry secrets). Pending writes are
 * awaited on close; `flush` lets tests wait for them.
 */
export function installRequestAudit(
  app: FastifyInstance,
  db: Db,
  logger: Logger,
): { flush(): Promise<void> } {
  const pending = new Set<Promise<void>>();
  app.addHook('onResponse', async (request, reply) => {
    if (!isRecorded(request.method, reply.statusCode)) return;
    const write = recordRequest(db, request, reply.statusCode, reply.elapsedTime)
      .catch((error: unknown) => logger.error({ err: error }, 'request audit failed'))
      .finally(() => pending.delete(write));
    pending.add(write);
  });
  const flush = async () => {
    await Promise.all([...pending]);
  };
  app.addHook('onClose', flush);
  return { flush };
}

async function recordRequest(
  db: Db,
  request: FastifyRequest,
  status: number,
  elapsedMs: number,
): Promise<void> {
  const path = request.url.split('?')[0] ?? request.url;
  await inTransaction(db, (trx) =>
    recordEvent(
      trx,
      {
        action: auditEvents['http.request'],
        actor: actorFromRequest(request),
        entityType: 'http_request',
        entityId: `${request.method} ${request.routeOptions.url ?? path}`.slice(0, 200),
        result: status < 400 ? 'success' : 'failure',
        details: {
          method: request.method,
          path: path.slice(0, 500),
          status,
          duration_ms: Math.round(elapsedMs * 100) / 100,
        },
      },
      'http',
    ),
  );
}
