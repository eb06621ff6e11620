import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { nowIso } from '../db/clock.js';
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

/**
 * Routes with `config.idempotent` accept an `Idempotency-Key` header: the first response
 * (2xx–4xx) is stored for 24 hours and replayed for a retry with the same key and body; the
 * same key with a different body, or while the first request is still running, is a 409.
 */
export function installIdempotency(app: FastifyInstance, db: Db): void {
  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config.idempotent) return;
    const key = request.headers['idempotency-key'];
    if (key === undefined) return;
    if (typeof key !== 'string' || !keyPattern.test(key)) {
      throw new AppError('VALIDATION', 'Invalid Idempotency-Key', {
        fieldErrors: [{ field: 'Idempotency-Key', message: 'must be 1–200 visible ASCII characters' }],
      });
    }
    const replay = await claimOrReplay(db, request, key);
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

async function claimOrReplay(db: Db, request: FastifyRequest, key: string) {
  const scope = `${request.principal?.id ?? request.ip}:${request.method}:${request.routeOptions.url}`;
  const hash = createHash('sha256')
    .update(JSON.stringify([request.params, request.body ?? null]))
    .digest('hex');
  const now = nowIso();
  await db
    .deleteFrom('idempotency_keys')
    .where('scope', '=', scope)
    .where('idempotency_key', '=', key)
    .where('expires_at', '<', now)
    .execute();
  const existing = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', scope)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  if (existing) {
    if (existing.request_hash !== hash)
      throw new AppError('CONFLICT', 'This Idempotency-Key was used with a different request');
    if (existing.status_code === null)
      throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still in progress');
    return { status: existing.status_code, body: existing.response_body ?? '' };
  }
  const id = newId();
  const expiresAt = new Date(Date.now() + lifetimeMs).toISOString();
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({
      id,
      scope,
      idempotency_key: key,
      request_hash: hash,
      status_code: null,
      response_body: null,
      created_at: now,
      expires_at: expiresAt,
    })
    .onConflict((oc) => oc.columns(['scope', 'idempotency_key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still in progress');
  }
  request.idempotencyRecordId = id;
  return null;
}
