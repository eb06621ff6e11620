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
 * decrement runs after the other onResponse hooks.
 */
export function trackInFlight(app: FastifyInstance) {
  let count = 0;
  const finish = async (request: { isCounted?: boolean }) => {
    if (!request.isCounted) return;
    request.isCounted = false;
    count -= 1;
  };
  app.addHook('onRequest', async (request) => {
    request.isCounted = true;
    count += 1;
  });
  app.addHook('onResponse', finish);
  app.addHook('onRequestAbort', finish);
  return {
    /** Resolves when no request is in flight, or after `limitMs`. */
    drained: async (limitMs: number) => {
      const until = Date.now() + limitMs;
      while (count > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
    },
  };
}
