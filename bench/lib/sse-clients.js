// SSE clients for the notification benchmark, and the bare baseline: a node:http server
// that writes one event to one of N connected clients.
import { Agent, createServer, request } from 'node:http';

/** A module that authenticates `x-bench-user` (the bench's stand-in for identity). */
export const headerAuth = {
  name: 'bench-header-auth',
  install: async (app) => {
    app.setAuthenticator(async (req) => {
      const user = req.headers['x-bench-user'];
      if (typeof user !== 'string') return null;
      return {
        kind: 'user',
        id: user,
        userId: user,
        username: user,
        permissions: new Set(),
        sessionId: null,
        authMethod: 'password',
      };
    });
  },
};

/** Opens one stream per user; `next(i)` resolves when client i receives its next message. */
export async function connectClients(port, userIds) {
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const waiters = new Map();
  const requests = [];
  await Promise.all(
    userIds.map(
      (user, index) =>
        new Promise((resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port,
              path: '/api/v1/notifications/inbox/stream',
              agent,
              headers: { 'x-bench-user': user },
            },
            (res) => {
              res.setEncoding('utf8');
              res.on('data', (chunk) => {
                if (chunk.includes('event: unread')) resolve();
                if (chunk.includes('event: message')) waiters.get(index)?.();
              });
            },
          );
          req.on('error', reject);
          req.end();
          requests.push(req);
        }),
    ),
  );
  return {
    next: (index) => new Promise((resolve) => waiters.set(index, resolve)),
    close: () => {
      for (const req of requests) req.destroy();
      agent.destroy();
    },
  };
}

export async function bareSseLatencies(clients, messages) {
  const responses = [];
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(': open\n\n');
    responses[Number(new URL(req.url ?? '/', 'http://x').searchParams.get('i'))] = res;
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const waiters = new Map();
  await Promise.all(
    Array.from(
      { length: clients },
      (_, index) =>
        new Promise((resolve) => {
          request({ host: '127.0.0.1', port, path: `/?i=${index}`, agent }, (res) => {
            res.setEncoding('utf8');
            res.on('data', (chunk) => {
              if (chunk.includes(': open')) resolve();
              if (chunk.includes('event: message')) waiters.get(index)?.();
            });
          }).end();
        }),
    ),
  );
  const latencies = [];
  for (let i = 0; i < messages; i += 1) {
    const index = (i * 7919) % clients;
    const arrived = new Promise((resolve) => waiters.set(index, resolve));
    const start = performance.now();
    responses[index]?.write(`event: message\ndata: ${JSON.stringify({ id: i, title: '新任务' })}\n\n`);
    await arrived;
    latencies.push(performance.now() - start);
  }
  for (const res of responses) res.destroy();
  agent.destroy();
  await new Promise((r) => server.close(r));
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length / 2)], p99: sorted[Math.floor(sorted.length * 0.99)] };
}
