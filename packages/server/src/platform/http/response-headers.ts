import type { FastifyInstance, FastifyReply } from 'fastify';
import { securityHeaders } from './security-headers.js';

type HeaderStore = Record<string, string | number | string[] | undefined>;

/**
 * Fastify keeps a reply's headers in a plain object under a private symbol until it writes
 * them, filled one `reply.header()` call at a time (a lower-casing and a keyed store per
 * header; about 5% of a small route's CPU for the dozen constant headers every answer
 * carries). The symbol is found once, on the first reply, by its description; if a Fastify
 * version stores headers otherwise, `null` and callers use `reply.headers()`.
 * `response-headers.test.ts` checks that what is stored here is what the reply answers.
 */
let headerSymbol: symbol | null | undefined;
function headerStoreOf(reply: FastifyReply): HeaderStore | null {
  if (headerSymbol === undefined) {
    headerSymbol =
      Object.getOwnPropertySymbols(reply).find((s) => s.description === 'fastify.reply.headers') ?? null;
  }
  if (headerSymbol === null) return null;
  const store = (reply as unknown as Record<symbol, unknown>)[headerSymbol];
  return store !== null && typeof store === 'object' ? (store as HeaderStore) : null;
}

/**
 * `reply.headers(headers)` in one step: `headers` must be lower-case names with string values
 * and no `set-cookie` (which `reply.header` merges; use it for that).
 */
export function addReplyHeaders(reply: FastifyReply, headers: Readonly<Record<string, string>>): void {
  const store = headerStoreOf(reply);
  if (store) Object.assign(store, headers);
  else reply.headers(headers);
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
    const store = headerStoreOf(reply);
    if (store) {
      store['x-request-id'] = request.id;
      Object.assign(store, constant);
    } else {
      reply.header('x-request-id', request.id);
      reply.headers(constant);
    }
    done();
  });
}
