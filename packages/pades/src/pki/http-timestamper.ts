import { randomBytes } from 'node:crypto';
import { parseSignedData } from '../cms/signed-data.parser.js';
import { parseTstInfo } from '../cms/tst-info.parser.js';
import { PadesError } from '../errors.js';
import { describeError, fetchBytes } from './http-fetch.js';
import type { Timestamper } from './pki.types.js';
import type { HashName } from './signer.js';
import { buildTimestampRequest, parseTimestampResponse } from './timestamp-request.js';

/**
 * An RFC 3161 client over HTTP with per-TSA timeouts and failover. If no TSA answers with a
 * usable token it throws TSA_UNAVAILABLE: a requested B-T must never silently become B-B.
 */
export interface HttpTimestamperOptions {
  /** TSA URLs, tried in order. */
  urls: readonly string[];
  fetch: typeof fetch;
  /** Per-TSA timeout; default 10 s. */
  timeoutMs?: number;
  username?: string;
  password?: string;
  policyOid?: string;
  /** Response size cap; default 256 KiB. */
  maxBytes?: number;
}

async function askOne(
  o: HttpTimestamperOptions,
  url: string,
  imprint: Uint8Array,
  hash: HashName,
): Promise<Uint8Array> {
  const nonce = randomBytes(8);
  nonce[0] = ((nonce[0] as number) & 0x7f) | 0x01;
  const headers: Record<string, string> = {
    'content-type': 'application/timestamp-query',
    accept: 'application/timestamp-reply',
  };
  if (o.username !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${o.username}:${o.password ?? ''}`).toString('base64')}`;
  }
  const body = buildTimestampRequest(imprint, hash, { nonce, certReq: true, policyOid: o.policyOid });
  const der = await fetchBytes({
    fetch: o.fetch,
    url,
    method: 'POST',
    body,
    headers,
    timeoutMs: o.timeoutMs ?? 10_000,
    maxBytes: o.maxBytes ?? 256 << 10,
  });
  const resp = parseTimestampResponse(der);
  if (resp.status > 1 || !resp.token)
    throw new Error(`refused (status ${resp.status}${resp.statusText ? `: ${resp.statusText}` : ''})`);
  const signed = parseSignedData(resp.token);
  if (!signed.content) throw new Error('token without TSTInfo');
  const tst = parseTstInfo(signed.content);
  if (Buffer.compare(tst.hashedMessage, imprint) !== 0) throw new Error('token is over another imprint');
  if (tst.nonce !== nonce.toString('hex')) throw new Error('nonce mismatch');
  return resp.token;
}

/** A Timestamper that asks `urls` in order and returns the first valid token. */
export function httpTimestamper(o: HttpTimestamperOptions): Timestamper {
  if (o.urls.length === 0) throw new PadesError('INVALID_ARGUMENT', 'httpTimestamper needs at least one URL');
  return {
    async timestamp(imprint, hash) {
      const failures: string[] = [];
      for (const url of o.urls) {
        try {
          return await askOne(o, url, imprint, hash);
        } catch (err) {
          failures.push(`${url}: ${describeError(err)}`);
        }
      }
      throw new PadesError('TSA_UNAVAILABLE', `no time-stamp authority answered (${failures.join('; ')})`);
    },
  };
}
