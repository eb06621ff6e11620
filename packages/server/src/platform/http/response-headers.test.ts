import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { addReplyHeaders, installResponseHeaders } from './response-headers.js';
import { securityHeaders } from './security-headers.js';

async function app() {
  const fastify = Fastify({ genReqId: () => 'req-0001' });
  installResponseHeaders(fastify);
  fastify.get('/api/v1/thing', async (_request, reply) => {
    addReplyHeaders(reply, { 'x-extra': 'one', 'x-ratelimit-limit': '10' });
    return { csp: reply.getHeader('content-security-policy'), extra: reply.getHeader('x-extra') };
  });
  fastify.get('/api/v1/cacheable', async (_request, reply) => {
    reply.header('Cache-Control', 'public, max-age=60');
    return {};
  });
  fastify.get('/api/v1/fails', async () => {
    throw new Error('boom');
  });
  fastify.get('/page', async () => 'html');
  await fastify.ready();
  return fastify;
}

describe('response headers set in one step', () => {
  it('every answer carries the request id and the security headers; the API also no-store', async () => {
    const fastify = await app();
    for (const url of ['/api/v1/thing', '/api/v1/fails', '/api/v1/missing', '/page']) {
      const res = await fastify.inject(url);
      expect(res.headers['x-request-id'], url).toBe('req-0001');
      for (const [name, value] of Object.entries(securityHeaders))
        expect(res.headers[name], `${url} ${name}`).toBe(value);
      expect(res.headers['cache-control'], url).toBe(url.startsWith('/api/v1/') ? 'no-store' : undefined);
    }
    const ok = await fastify.inject('/api/v1/thing');
    expect(ok.json()).toEqual({ csp: securityHeaders['content-security-policy'], extra: 'one' });
    expect(ok.headers['x-extra']).toBe('one');
    expect(ok.headers['x-ratelimit-limit']).toBe('10');
    expect((await fastify.inject('/api/v1/fails')).statusCode).toBe(500);
    await fastify.close();
  });

  it("a route's own header still overrides one set in the first hook", async () => {
    const fastify = await app();
    expect((await fastify.inject('/api/v1/cacheable')).headers['cache-control']).toBe('public, max-age=60');
    await fastify.close();
  });
});
