import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Db, Trx } from '../../../platform/db/schema.js';
import { inTransaction, withBeforeCommit } from '../../../platform/db/transaction.js';
import type { Logger } from '../../../platform/logger.js';
import { auditEvents } from '../audit.catalogue.js';
import { actorFromRequest } from './actor.js';
import { recordEvent } from './recorder.service.js';

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Requests whose event is already in the 'http' chain (recorded in their write's transaction). */
const recordedInTransaction = new WeakSet<FastifyRequest>();

/** Writes are always recorded; reads only when refused (403), so probing is visible too. */
function isRecorded(method: string, status: number): boolean {
  return mutating.has(method) || status === 403;
}

/**
 * Whether a response still needs its own audit write. A failure is recorded even when the
 * request was recorded in its transaction: that transaction may have rolled back, or the
 * request failed after its write committed.
 */
function needsRecordAfterResponse(request: FastifyRequest, status: number): boolean {
  if (!isRecorded(request.method, status)) return false;
  return !(recordedInTransaction.has(request) && status < 400);
}

/**
 * Records every mutating HTTP request, and every request answered 403 whatever its method
 * (who, what, status, duration) in the 'http' chain. A request that commits a write records
 * its event **in that write's transaction** (the last step before the commit), so an
 * acknowledged write always has its event, even if the process dies right after the commit;
 * the status is the one the route answers on success. Every other recorded request (failed,
 * refused, or one that wrote nothing) is recorded after the response in its own transaction:
 * best effort, lost if the process dies first, and none of those changed any data. Only the
 * path is kept (query strings may carry secrets). Pending writes are awaited on close;
 * `flush` lets tests wait for them.
 */
export function installRequestAudit(
  app: FastifyInstance,
  db: Db,
  logger: Logger,
): { flush(): Promise<void> } {
  const pending = new Set<Promise<void>>();
  app.addHook('onRoute', (route) => {
    if (![route.method].flat().some((m) => mutating.has(m))) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function auditedHandler(request, reply) {
      return withBeforeCommit(
        (trx) => recordCommittedRequest(trx, request, reply),
        () => handler.call(this, request, reply),
      );
    };
  });
  // A callback hook: the write runs on its own (tracked in `pending`), so a read, which
  // records nothing, costs no promise.
  app.addHook('onResponse', (request, reply, done) => {
    if (needsRecordAfterResponse(request, reply.statusCode)) recordAfterResponse(request, reply);
    done();
  });
  const recordAfterResponse = (request: FastifyRequest, reply: FastifyReply) => {
    const write = inTransaction(db, (trx) => recordRequest(trx, request, reply.statusCode, reply.elapsedTime))
      .catch((error: unknown) => logger.error({ err: error }, 'request audit failed'))
      .finally(() => pending.delete(write));
    pending.add(write);
  };
  const flush = async () => {
    await Promise.all([...pending]);
  };
  app.addHook('onClose', flush);
  return { flush };
}

/** The first committing transaction of a request records the request; later ones add nothing. */
async function recordCommittedRequest(trx: Trx, request: FastifyRequest, reply: FastifyReply) {
  if (recordedInTransaction.has(request)) return;
  await recordRequest(trx, request, successStatus(request, reply), reply.elapsedTime);
  recordedInTransaction.add(request);
}

/** The route's one documented 2xx status (201 for a creation), else what the reply holds now. */
function successStatus(request: FastifyRequest, reply: FastifyReply): number {
  const responses = Object.keys(request.routeOptions.schema?.response ?? {});
  const success = responses.map(Number).filter((status) => status >= 200 && status < 300);
  return success.length === 1 ? (success[0] as number) : reply.statusCode;
}

async function recordRequest(
  trx: Trx,
  request: FastifyRequest,
  status: number,
  elapsedMs: number,
): Promise<void> {
  const path = request.url.split('?')[0] ?? request.url;
  await recordEvent(
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
  );
}
