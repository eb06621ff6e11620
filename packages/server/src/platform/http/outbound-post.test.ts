import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, useOutboundClients } from '../../../test/outbound-kit.js';
import type { OutboundClient } from './outbound-client.js';

/**
 * `outbound.post()`: the webhooks dispatcher's POST over undici's request API on the guarded
 * agent. It must keep every protection `fetch` has (SSRF policy on the address connected to,
 * time and size caps) while following no redirect and reusing kept-alive connections.
 */
let server: Server;
let port: number;
const hits: string[] = [];
const sockets = new Set<Socket>();

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  hits.push(url.pathname);
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    switch (url.pathname) {
      case '/echo':
        return res.end(
          JSON.stringify({
            method: req.method,
            signature: req.headers['webhook-signature'] ?? null,
            agent: req.headers['user-agent'] ?? null,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      case '/redirect':
        res.writeHead(307, { location: '/echo' });
        return res.end();
      case '/hang':
        return;
      case '/stall-body':
        res.writeHead(200);
        return res.write('first bytes, then silence');
      case '/big':
        res.writeHead(200);
        for (let i = 0; i < 20; i++) res.write(Buffer.alloc(500, 'y'));
        return res.end();
      default:
        res.writeHead(404).end();
    }
  });
}

beforeAll(async () => {
  server = createServer(handle);
  server.on('connection', (socket: Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = useOutboundClients();
const init = (extra: Partial<Parameters<OutboundClient['post']>[1]> = {}) => ({
  headers: { 'content-type': 'application/json', 'webhook-signature': 'v1,abc' },
  body: '{"n":1}',
  maxBytes: 4096,
  ...extra,
});

describe('outbound.post', () => {
  it('refuses loopback and private targets unless the allow-list names them, before sending', async () => {
    const { post } = client();
    hits.length = 0;
    for (const host of ['127.0.0.1', 'localhost', '[::ffff:127.0.0.1]', '2130706433']) {
      expect(await failure(post(`http://${host}:${port}/echo`, init()))).toMatch(/^OUTBOUND_REFUSED/);
    }
    expect(await failure(post('http://10.1.2.3/echo', init()))).toMatch(/^OUTBOUND_REFUSED/);
    expect(await failure(post('http://169.254.169.254/latest/meta-data', init()))).toMatch(
      /^OUTBOUND_REFUSED/,
    );
    expect(await failure(post(`file:///etc/passwd`, init()))).toMatch(
      /^OUTBOUND_REFUSED: .*only http and https/,
    );
    expect(hits).toEqual([]);
  });

  it('sends the body and headers once the allow-list names the address (by CIDR or by name)', async () => {
    for (const allowList of [['127.0.0.0/8'], ['localhost', '127.0.0.1']]) {
      const { post } = client({ allowList, userAgent: 'SignX-Webhooks' });
      const answer = await post(`http://localhost:${port}/echo`, init());
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({
        method: 'POST',
        signature: 'v1,abc',
        agent: 'SignX-Webhooks',
        body: '{"n":1}',
      });
    }
  });

  it('never follows a redirect: the 3xx is the answer and the target is not requested', async () => {
    const { post } = client({ allowList: ['127.0.0.1'] });
    hits.length = 0;
    const answer = await post(`http://127.0.0.1:${port}/redirect`, init());
    expect(answer.status).toBe(307);
    expect(hits).toEqual(['/redirect']);
  });

  it('times out while waiting for headers and while reading the body, by the client default or the signal', async () => {
    const { post } = client({ allowList: ['127.0.0.1'], timeoutMs: 300 });
    const started = Date.now();
    expect(await failure(post(`http://127.0.0.1:${port}/hang`, init()))).not.toBe('resolved');
    expect(Date.now() - started).toBeLessThan(4000);
    const signal = AbortSignal.timeout(200);
    expect(await failure(post(`http://127.0.0.1:${port}/stall-body`, init({ signal })))).not.toBe('resolved');
    expect(signal.aborted).toBe(true);
  });

  it('reads at most maxBytes of the answer and drops the rest', async () => {
    const { post } = client({ allowList: ['127.0.0.1'] });
    const answer = await post(`http://127.0.0.1:${port}/big`, init({ maxBytes: 1000 }));
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('y'.repeat(1000));
    // a later call on the same client still works (the dropped connection is not reused)
    expect((await post(`http://127.0.0.1:${port}/echo`, init())).status).toBe(200);
  });

  it('reuses kept-alive connections for sequential posts to an origin', async () => {
    const { post } = client({ allowList: ['127.0.0.1'] });
    const before = sockets.size;
    for (let i = 0; i < 10; i++)
      expect((await post(`http://127.0.0.1:${port}/echo`, init())).status).toBe(200);
    // undici may open a second socket while the first is being released; never one per post
    expect(sockets.size - before).toBeGreaterThanOrEqual(1);
    expect(sockets.size - before).toBeLessThanOrEqual(2);
    // after a burst in parallel, later posts reuse the burst's connections
    await Promise.all(Array.from({ length: 8 }, () => post(`http://127.0.0.1:${port}/echo`, init())));
    const afterBurst = sockets.size;
    for (let i = 0; i < 10; i++) await post(`http://127.0.0.1:${port}/echo`, init());
    expect(sockets.size).toBe(afterBurst);
  });
});
