import type { FastifyInstance, FastifyReply } from 'fastify';
import { securityHeaders } from './security-headers.js';

/**
 * `reply.headers(headers)`: the one way the platform adds a block of constant headers (the
 * rate limiter's three, the security block). Kept as a function so a cheaper store can replace
 * it in one place; writing into Fastify's private header object was measured and gained
 * nothing worth depending on its internals (docs/architecture.md, fourth pass).
 */
export function addReplyHeaders(reply: FastifyReply, headers: Readonly<Record<string, string>>): void {
  reply.headers(headers);
}

const apiPrefix = '/api/v1/';
/**
 * API answers carry tokens, proofs and personal data: no cache (browser, proxy or CDN) may keep
 * them. A route that serves something cacheable sets its own Cache-Control.
 */
const apiHeaders: Readonly<Record<string, string>> = Object.freeze({
  ...securityHeaders,
  'cache-control': 'no-store',
});

/**
 * The headers every answer carries, set in one step by the first root `onRequest` hook, so
 * every later refusal, 404, 401/403, 429 or error answer has them too (headers set on a reply
 * survive the error handler): the request id (traces join across services), the security
 * headers (security-headers.ts) and, on the API, `cache-control: no-store`. One callback hook
 * (no promise) in place of two, and no onSend hook, so Fastify skips its onSend stage on
 * routes that add none.
 */
export function installResponseHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    const constant = request.url.startsWith(apiPrefix) ? apiHeaders : securityHeaders;
    reply.header('x-request-id', request.id);
    reply.headers(constant);
    done();
  });
}
