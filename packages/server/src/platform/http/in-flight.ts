import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    isCounted?: boolean;
  }
}

/**
 * Counts requests from arrival until their last onResponse hook has run. The HTTP server
 * closes once sockets end, but onResponse work (the request audit log, metrics) still runs
 * after that; closing the database must wait for it. Install after every other hook, so the
 * decrement runs after the other onResponse hooks. Callback hooks (they never wait), so
 * counting costs no promise per request.
 */
export function trackInFlight(app: FastifyInstance) {
  let count = 0;
  const finish = (request: { isCounted?: boolean }) => {
    if (!request.isCounted) return;
    request.isCounted = false;
    count -= 1;
  };
  app.addHook('onRequest', (request, _reply, done) => {
    request.isCounted = true;
    count += 1;
    done();
  });
  app.addHook('onResponse', (request, _reply, done) => {
    finish(request);
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    finish(request);
    done();
  });
  return {
    /** Resolves when no request is in flight, or after `limitMs`. */
    drained: async (limitMs: number) => {
      const until = Date.now() + limitMs;
      while (count > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
    },
  };
}
