import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const acceptable = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * Keeps a caller's X-Request-Id when it is a sane token, so traces join across services;
 * otherwise a random UUID. Not a row id (no time order needed): node's randomUUID draws from
 * a cached entropy buffer, about a fifth of the CPU of a UUIDv7, on every request. Every answer
 * echoes it (response-headers.ts).
 */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && acceptable.test(incoming) ? incoming : randomUUID();
}
