import { isIP } from 'node:net';
import type { Dispatcher } from 'undici';
import { unbracketHost } from './ip-ranges.js';
import { createGuardedAgent } from './outbound-dispatcher.js';
import { limitResponse, startDeadline, unwrapAppError } from './outbound-limits.js';
import { createOutboundPolicy, type OutboundPolicy, refused } from './outbound-policy.js';

/** Limits of the outbound client; every field has a safe default. */
export interface OutboundClientOptions {
  /** CIDRs or host names (`*.corp.example` allowed) that may be private or loopback. */
  allowList?: string[];
  /** Total budget per request, redirects and body included. Default 10 s. */
  timeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Default 10 MiB. */
  maxResponseBytes?: number;
  userAgent?: string;
}

/** What `post` answers: the status and at most `maxBytes` of the body, as text. */
export interface PostResult {
  status: number;
  body: string;
}

/** The platform's only way out to the network. */
export interface OutboundClient {
  /** Drop-in for the global `fetch`, with the SSRF policy and limits applied. */
  fetch: typeof fetch;
  /**
   * A POST that follows no redirect (a 3xx is answered as it is), for high-volume senders
   * such as webhooks: the same guarded agent (keep-alive connections per origin, every new
   * socket checked against the policy on the address actually connected to) through
   * undici's request API, without fetch's Request/stream machinery. Reads at most
   * `maxBytes` of the answer and drops the rest; `signal` (or the client's timeout) bounds it.
   */
  post(
    url: string,
    init: { headers: Record<string, string>; body: string; maxBytes: number; signal?: AbortSignal },
  ): Promise<PostResult>;
  /** Closes pooled connections (at shutdown). */
  close(): Promise<void>;
}

interface Hop {
  url: URL;
  method: string;
  headers: Headers;
  body: ArrayBuffer | undefined;
}

/**
 * Builds the outbound HTTP client that webhooks, HTTP jobs, TSA/OCSP/CRL fetches and report
 * data sources share. It refuses non-HTTP schemes and private, loopback, link-local and
 * other special targets (checked on the address actually connected to, so DNS rebinding
 * does not help), follows redirects itself so each hop is re-checked, and bounds time and
 * response size.
 */
export function createOutboundClient(options: OutboundClientOptions = {}): OutboundClient {
  const policy = createOutboundPolicy(options.allowList);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const maxBytes = options.maxResponseBytes ?? 10 * 1024 * 1024;
  const agent = createGuardedAgent(policy, timeoutMs);

  const guardedFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const deadline = startDeadline(timeoutMs, request.signal);
    try {
      const headers = new Headers(request.headers);
      if (!headers.has('user-agent')) headers.set('user-agent', options.userAgent ?? 'SignX');
      const body = request.body ? await request.arrayBuffer() : undefined;
      const first: Hop = { url: new URL(request.url), method: request.method, headers, body };
      const send = (hop: Hop) => sendHop(hop, policy, agent, deadline.signal);
      const response = await followRedirects(first, send, request.redirect, maxRedirects);
      return limitResponse(response, maxBytes, deadline);
    } catch (error) {
      deadline.clear();
      throw unwrapAppError(error);
    }
  };
  const post: OutboundClient['post'] = async (url, init) => {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      throw refused(`only http and https URLs may be fetched, not ${target.protocol}`);
    }
    const host = unbracketHost(target.hostname);
    if (isIP(host)) policy.assertAddress(host, host);
    try {
      const response = await agent.request({
        origin: target.origin,
        path: `${target.pathname}${target.search}`,
        method: 'POST',
        headers: { 'user-agent': options.userAgent ?? 'SignX', ...init.headers },
        body: init.body,
        signal: init.signal ?? AbortSignal.timeout(timeoutMs),
      });
      return { status: response.statusCode, body: await readCapped(response.body, init.maxBytes) };
    } catch (error) {
      throw unwrapAppError(error);
    }
  };
  return { fetch: guardedFetch, post, close: () => agent.close() };
}

/** The first `maxBytes` of a body as text; past them the connection is dropped, not drained. */
async function readCapped(body: Dispatcher.ResponseData['body'], maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let seen = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    seen += chunk.length;
    if (seen >= maxBytes) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}

async function sendHop(hop: Hop, policy: OutboundPolicy, agent: Dispatcher, signal: AbortSignal) {
  if (hop.url.protocol !== 'http:' && hop.url.protocol !== 'https:') {
    throw refused(`only http and https URLs may be fetched, not ${hop.url.protocol}`);
  }
  const host = unbracketHost(hop.url.hostname);
  if (isIP(host)) policy.assertAddress(host, host); // literals never reach the DNS lookup
  const init = { method: hop.method, headers: hop.headers, body: hop.body, redirect: 'manual', signal };
  return fetch(hop.url, { ...init, dispatcher: agent } as RequestInit);
}

/**
 * Follows redirects the way fetch does (303, and 301/302 after POST, become GET; credentials
 * are dropped when the origin changes), but each hop goes back through the policy.
 */
async function followRedirects(
  first: Hop,
  send: (hop: Hop) => Promise<Response>,
  mode: Request['redirect'],
  maxRedirects: number,
): Promise<Response> {
  let hop = first;
  for (let count = 0; ; count++) {
    const response = await send(hop);
    const location = response.headers.get('location');
    if (![301, 302, 303, 307, 308].includes(response.status) || !location || mode === 'manual') {
      return response;
    }
    await response.body?.cancel();
    if (mode === 'error') throw refused('the server answered with a redirect');
    if (count >= maxRedirects) throw refused(`more than ${maxRedirects} redirects`);
    hop = nextHop(hop, response.status, new URL(location, hop.url));
  }
}

function nextHop(previous: Hop, status: number, url: URL): Hop {
  const headers = new Headers(previous.headers);
  let { method, body } = previous;
  if (status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST') {
    method = 'GET';
    body = undefined;
    for (const name of ['content-type', 'content-length', 'content-encoding']) headers.delete(name);
  }
  if (url.origin !== previous.url.origin) {
    for (const name of ['authorization', 'cookie', 'proxy-authorization']) headers.delete(name);
  }
  return { url, method, headers, body };
}
