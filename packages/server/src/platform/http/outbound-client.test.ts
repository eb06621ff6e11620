import type { LookupOptions } from 'node:dns';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, useOutboundClients } from '../../../test/outbound-kit.js';
import { AppError } from '../errors.js';
import { guardedLookup } from './outbound-dispatcher.js';
import { createOutboundPolicy } from './outbound-policy.js';

let server: Server;
let port: number;
const hits: string[] = [];

/** A small loopback server: each path is one behaviour the client must cope with. */
function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  hits.push(url.pathname);
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const size = Number(url.searchParams.get('n') ?? '0');
    switch (url.pathname) {
      case '/ok':
        return res.end(`hello ${req.headers['user-agent']}`);
      case '/echo': {
        const body = Buffer.concat(chunks).toString();
        return res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization ?? null, body }));
      }
      case '/redirect':
        res.writeHead(Number(url.searchParams.get('status') ?? '302'), {
          location: url.searchParams.get('to') ?? '/',
        });
        return res.end();
      case '/loop':
        res.writeHead(302, { location: '/loop' });
        return res.end();
      case '/hang':
        return; // never answers
      case '/stall-body':
        res.writeHead(200);
        return res.write('first bytes, then silence');
      case '/declared':
        res.writeHead(200, { 'content-length': size });
        return res.end(Buffer.alloc(size, 'x'));
      case '/chunked':
        res.writeHead(200);
        for (let sent = 0; sent < size; sent += 500) res.write(Buffer.alloc(Math.min(500, size - sent), 'y'));
        return res.end();
      default:
        res.writeHead(404).end();
    }
  });
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = useOutboundClients();

describe('outbound client', () => {
  it('refuses schemes other than http and https', async () => {
    const { fetch } = client();
    for (const url of [
      'file:///etc/passwd',
      'ftp://example.com/',
      'data:text/plain,hi',
      'gopher://example.com/',
    ]) {
      expect(await failure(fetch(url))).toMatch(/^OUTBOUND_REFUSED: .*only http and https/);
    }
  });

  it('does not reach a loopback server unless allow-listed, however the address is spelled', async () => {
    const { fetch } = client();
    const spellings = ['127.0.0.1', '2130706433', '0x7f.1', '017700000001', '127.1', '[::ffff:127.0.0.1]'];
    const more = ['[::ffff:7f00:1]', '[::1]', '0', 'localhost', 'LocalHost'];
    hits.length = 0;
    for (const host of [...spellings, ...more]) {
      expect(await failure(fetch(`http://${host}:${port}/ok`))).toMatch(/^OUTBOUND_REFUSED/);
    }
    expect(hits).toEqual([]);
  });

  it('reaches the same server once the allow-list names it', async () => {
    const { fetch } = client({ allowList: ['127.0.0.1/32'], userAgent: 'SignX-test' });
    const response = await fetch(`http://127.0.0.1:${port}/ok`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello SignX-test');
  });

  it('refuses a redirect from an allow-listed server to a refused target', async () => {
    const { fetch } = client({ allowList: ['localhost'] });
    hits.length = 0;
    const targets = [
      `http://127.0.0.1:${port}/ok`,
      'http://169.254.169.254/latest/meta-data/',
      'file:///etc/passwd',
    ];
    for (const to of targets) {
      const url = `http://localhost:${port}/redirect?to=${encodeURIComponent(to)}`;
      expect(await failure(fetch(url))).toMatch(/^OUTBOUND_REFUSED/);
    }
    expect(hits).toEqual(['/redirect', '/redirect', '/redirect']);
  });

  it('follows allowed redirects like fetch, dropping credentials across origins', async () => {
    const { fetch } = client({ allowList: ['localhost', '127.0.0.1'] });
    const post = { method: 'POST', body: 'payload', headers: { authorization: 'Bearer secret' } };
    const crossOrigin = encodeURIComponent(`http://localhost:${port}/echo`);
    const seeOther = await fetch(`http://127.0.0.1:${port}/redirect?status=303&to=${crossOrigin}`, post);
    expect(await seeOther.json()).toEqual({ method: 'GET', auth: null, body: '' });
    expect(seeOther.url).toBe(`http://localhost:${port}/echo`);
    const temporary = await fetch(`http://127.0.0.1:${port}/redirect?status=307&to=/echo`, post);
    expect(await temporary.json()).toEqual({ method: 'POST', auth: 'Bearer secret', body: 'payload' });
  });

  it('bounds the number of redirects and honours redirect: manual', async () => {
    const { fetch } = client({ allowList: ['127.0.0.1'], maxRedirects: 2 });
    const loop = `http://127.0.0.1:${port}/loop`;
    hits.length = 0;
    expect(await failure(fetch(loop))).toMatch(/more than 2 redirects/);
    expect(hits).toEqual(['/loop', '/loop', '/loop']);
    const manual = await fetch(loop, { redirect: 'manual' });
    expect(manual.status).toBe(302);
    expect(await failure(fetch(loop, { redirect: 'error' }))).toMatch(/^OUTBOUND_REFUSED/);
  });

  it('enforces the total timeout while waiting for headers and while reading the body', async () => {
    const { fetch } = client({ allowList: ['127.0.0.1'], timeoutMs: 300 });
    expect(await failure(fetch(`http://127.0.0.1:${port}/hang`))).toMatch(/^UNAVAILABLE: .*within 300 ms/);
    // Headers arrive at once, the body never ends: the same budget still runs out.
    const stalled = fetch(`http://127.0.0.1:${port}/stall-body`).then((response) => response.text());
    expect(await failure(stalled)).toMatch(/^UNAVAILABLE/);
  });

  it('caps the response size, declared or streamed', async () => {
    const { fetch } = client({ allowList: ['127.0.0.1'], maxResponseBytes: 1000 });
    const base = `http://127.0.0.1:${port}`;
    expect(await failure(fetch(`${base}/declared?n=1001`))).toMatch(/^OUTBOUND_REFUSED: .*larger than 1000/);
    const streamed = await fetch(`${base}/chunked?n=5000`);
    expect(await failure(streamed.text())).toMatch(/^OUTBOUND_REFUSED: .*larger than 1000/);
    expect((await (await fetch(`${base}/chunked?n=1000`)).text()).length).toBe(1000);
  });

  it('can stand in wherever the global fetch is expected', async () => {
    const callThrough = async (f: typeof fetch) => (await f(`http://127.0.0.1:${port}/ok`)).status;
    expect(await callThrough(client({ allowList: ['127.0.0.1'] }).fetch)).toBe(200);
  });
});

describe('guarded DNS lookup', () => {
  const resolve = (lookup: ReturnType<typeof guardedLookup>, options: LookupOptions) =>
    new Promise<unknown>((done) => {
      lookup('localhost', options, (error, address) => done(error ?? address));
    });

  it('refuses a name when any address it resolves to is refused', async () => {
    const result = await resolve(guardedLookup(createOutboundPolicy()), { all: true });
    expect(result).toBeInstanceOf(AppError);
    expect((result as AppError).code).toBe('OUTBOUND_REFUSED');
  });

  it('answers in the shape the caller asked for when allowed', async () => {
    const lookup = guardedLookup(createOutboundPolicy(['127.0.0.0/8', '::1']));
    expect(await resolve(lookup, { family: 4 })).toBe('127.0.0.1');
    expect(await resolve(lookup, { all: true, family: 4 })).toEqual([{ address: '127.0.0.1', family: 4 }]);
  });
});
