import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../db/clock.js';
import { newId } from '../db/ids.js';
import type { Db } from '../db/schema.js';
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
    idempotencyRecordId?: string;
  }
}

const keyPattern = /^[\x21-\x7e]{1,200}$/;
const lifetimeMs = 24 * 60 * 60 * 1000;
/** A claim without a response after this long belongs to a request that died; a retry may take it over. */
const staleClaimMs = 60 * 1000;

/**
 * Routes with `config.idempotent` accept an `Idempotency-Key` header: the first response
 * (2xx–4xx) is stored for 24 hours and replayed for a retry with the same key and request;
 * the same key with a different request, or while the first is still running, is a 409
 * (a claim older than a minute without a response is taken over: its request died).
 */
export function installIdempotency(app: FastifyInstance, db: Db, clock: Clock): void {
  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config.idempotent) return;
    const key = request.headers['idempotency-key'];
    if (key === undefined) return;
    if (typeof key !== 'string' || !keyPattern.test(key)) {
      throw new AppError('VALIDATION', 'Invalid Idempotency-Key', {
        fieldErrors: [{ field: 'Idempotency-Key', message: 'must be 1–200 visible ASCII characters' }],
      });
    }
    const replay = await claimOrReplay(db, clock, request, key);
    if (replay) {
      reply.header('idempotent-replayed', 'true').type('application/json; charset=utf-8');
      return reply.status(replay.status).send(replay.body);
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const id = request.idempotencyRecordId;
    if (!id) return payload;
    if (reply.statusCode >= 500) {
      await db.deleteFrom('idempotency_keys').where('id', '=', id).execute();
    } else {
      const body = typeof payload === 'string' ? payload : null;
      await db
        .updateTable('idempotency_keys')
        .set({ status_code: reply.statusCode, response_body: body })
        .where('id', '=', id)
        .execute();
    }
    return payload;
  });
}

async function claimOrReplay(db: Db, clock: Clock, request: FastifyRequest, key: string) {
  const scope = `${request.principal?.id ?? request.ip}:${request.method}:${request.routeOptions.url}`;
  const hash = createHash('sha256')
    .update(JSON.stringify([request.params, request.query ?? null, request.body ?? null]))
    .digest('hex');
  const now = clock.now();
  const existing = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', scope)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  if (existing && existing.expires_at >= now.toISOString()) {
    if (existing.request_hash !== hash)
      throw new AppError('CONFLICT', 'This Idempotency-Key was used with a different request');
    if (existing.status_code !== null)
      return { status: existing.status_code, body: existing.response_body ?? '' };
    const isStale = existing.created_at < new Date(now.getTime() - staleClaimMs).toISOString();
    if (!isStale) throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still in progress');
  }
  if (existing) await db.deleteFrom('idempotency_keys').where('id', '=', existing.id).execute();
  const id = newId();
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({
      id,
      scope,
      idempotency_key: key,
      request_hash: hash,
      status_code: null,
      response_body: null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + lifetimeMs).toISOString(),
    })
    .onConflict((oc) => oc.columns(['scope', 'idempotency_key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still in progress');
  }
  request.idempotencyRecordId = id;
  if (Math.random() < 0.01) await purgeExpired(db, now);
  return null;
}

/** Expired records go now and then, by an indexed range delete, so the table stays small. */
async function purgeExpired(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('expires_at', '<', now.toISOString()).execute();
}
