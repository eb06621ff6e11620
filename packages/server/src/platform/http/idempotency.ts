import { createHash } from 'node:crypto';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  preHandlerAsyncHookHandler,
  RouteHandlerMethod,
} from 'fastify';
import type { Clock } from '../db/clock.js';
import { newId } from '../db/ids.js';
import type { Db, Trx } from '../db/schema.js';
import { HeldTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';

declare module '../db/schema.js' {
  interface Tables {
    idempotency_keys: {
      id: string;
      scope: string;
      idempotency_key: string;
      request_hash: string;
      status_code: number | null;
      response_body: string | null;
      created_at: string;
      expires_at: string;
    };
  }
}
declare module 'fastify' {
  interface FastifyRequest {
    /** Set for a request to an idempotent route that carries a valid, unused Idempotency-Key. */
    idempotency?: IdempotencyClaim;
  }
}

interface IdempotencyClaim {
  scope: string;
  key: string;
  hash: string;
}

const keyPattern = /^[\x21-\x7e]{1,200}$/;
const lifetimeMs = 24 * 60 * 60 * 1000;

/**
 * Routes with `config.idempotent` (defineRoute's `idempotent: true`) accept an
 * `Idempotency-Key` header. The successful reply is stored **in the transaction of the
 * business write**: the handler runs inside a held transaction (see HeldTransaction), its
 * reply is serialized, stored with the key, and only then does the transaction commit. So a
 * write is never committed without its reply: a client that lost the answer (timeout, crash,
 * dropped connection) and retries gets the stored reply, never a second write or a 409 from
 * its own first attempt. Replies are kept for 24 hours; the same key with a different request
 * is a 409. A failed request stores nothing (it changed nothing), so its retry runs afresh; a
 * retry racing the first attempt waits for it (the key is unique) and replays its reply.
 */
export function installIdempotency(app: FastifyInstance, db: Db, clock: Clock): void {
  const claimKey: preHandlerAsyncHookHandler = async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (key === undefined) return;
    if (typeof key !== 'string' || !keyPattern.test(key)) {
      throw new AppError('VALIDATION', 'Invalid Idempotency-Key', {
        fieldErrors: [{ field: 'Idempotency-Key', message: 'must be 1–200 visible ASCII characters' }],
      });
    }
    const claim = claimFor(request, key);
    const stored = await storedReply(db, clock, claim);
    if (stored) return replay(reply, stored);
    request.idempotency = claim;
    if (Math.random() < 0.01) await purgeExpired(db, clock.now());
  };
  app.addHook('onRoute', (route) => {
    if (!route.config?.idempotent) return;
    // Only idempotent routes look for a key, before their own preHandlers; others pay nothing.
    route.preHandler = [claimKey, ...[route.preHandler ?? []].flat()];
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function idempotentHandler(request, reply) {
      const claim = request.idempotency;
      if (!claim) return handler.call(this, request, reply);
      return runStoringReply(db, clock, claim, reply, () => handler.call(this, request, reply));
    };
  });
}

async function runStoringReply(
  db: Db,
  clock: Clock,
  claim: IdempotencyClaim,
  reply: FastifyReply,
  handler: () => unknown,
) {
  const held = new HeldTransaction(db);
  try {
    const payload = await held.scope(async () => handler());
    if (reply.sent) throw new Error('An idempotent route handler must return its payload, not send it');
    const body = reply.serialize(payload);
    if (typeof body !== 'string') throw new Error('An idempotent route must answer JSON');
    await held.commit((trx) => storeReply(trx, clock, claim, reply.statusCode, body));
    return reply.type('application/json; charset=utf-8').send(body);
  } catch (error) {
    await held.rollback();
    // A retry that raced the first attempt lost to it (unique key, or its own business
    // conflict): the first attempt's reply is the answer to both.
    const stored = await storedReply(db, clock, claim).catch(() => null);
    if (stored) return replay(reply, stored);
    throw error;
  }
}

function claimFor(request: FastifyRequest, key: string): IdempotencyClaim {
  const scope = `${request.principal?.id ?? request.ip}:${request.method}:${request.routeOptions.url}`;
  const hash = createHash('sha256')
    .update(JSON.stringify([request.params, request.query ?? null, request.body ?? null]))
    .digest('hex');
  return { scope, key, hash };
}

async function storedReply(db: Db, clock: Clock, claim: IdempotencyClaim) {
  const row = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', claim.scope)
    .where('idempotency_key', '=', claim.key)
    .executeTakeFirst();
  if (!row || row.expires_at < clock.now().toISOString() || row.status_code === null) return null;
  if (row.request_hash !== claim.hash)
    throw new AppError('CONFLICT', 'This Idempotency-Key was used with a different request');
  return { status: row.status_code, body: row.response_body ?? '' };
}

function replay(reply: FastifyReply, stored: { status: number; body: string }) {
  reply.header('idempotent-replayed', 'true').type('application/json; charset=utf-8');
  return reply.status(stored.status).send(stored.body);
}

async function storeReply(trx: Trx, clock: Clock, claim: IdempotencyClaim, status: number, body: string) {
  const now = clock.now();
  // An expired record of the same key would block the insert; it is history now.
  await trx
    .deleteFrom('idempotency_keys')
    .where('scope', '=', claim.scope)
    .where('idempotency_key', '=', claim.key)
    .where('expires_at', '<', now.toISOString())
    .execute();
  await trx
    .insertInto('idempotency_keys')
    .values({
      id: newId(),
      scope: claim.scope,
      idempotency_key: claim.key,
      request_hash: claim.hash,
      status_code: status,
      response_body: body,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + lifetimeMs).toISOString(),
    })
    .execute();
}

/** Expired records go now and then, by an indexed range delete, so the table stays small. */
async function purgeExpired(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('expires_at', '<', now.toISOString()).execute();
}
