import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { AppError } from '../errors.js';
import { addReplyHeaders } from './response-headers.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `false`: the route is not rate-limited (a constant answer, the web app's files). */
    rateLimit?: false;
  }
}

interface Window {
  count: number;
  startedAt: number;
}

export interface RateLimitOptions {
  /** Requests one client (IP) may make per window. */
  max: number;
  windowMs: number;
  /** Clients remembered at once; the least recently seen is forgotten first. */
  clients?: number;
}

/**
 * A per-IP fixed-window limit on every route that does not opt out (`config.rateLimit:
 * false`), with the headers and window rules of @fastify/rate-limit's in-memory store, which
 * it replaces: x-ratelimit-limit/-remaining/-reset on every answer, 42901 with Retry-After
 * once a client passes `max`. The counters live in this process's memory, so the check
 * answers synchronously: a callback hook, no promise per request (the plugin's async hook
 * cost several).
 */
export function installRateLimit(app: FastifyInstance, options: RateLimitOptions): void {
  const { max, windowMs, clients = 5000 } = options;
  const limit = String(max);
  // A Map keeps insertion order: re-inserting on every hit makes its first key the least
  // recently seen client, the one to forget when the map is full.
  const windows = new Map<string, Window>();
  const hit = (key: string, now: number): Window => {
    let window = windows.get(key);
    if (window) windows.delete(key);
    if (!window || window.startedAt + windowMs <= now) window = { count: 0, startedAt: now };
    window.count += 1;
    windows.set(key, window);
    if (windows.size > clients) windows.delete(windows.keys().next().value as string);
    return window;
  };
  const limitRequest: onRequestHookHandler = (request, reply, done) => {
    const now = Date.now();
    const window = hit(request.ip, now);
    const resetSeconds = String(Math.ceil((windowMs - (now - window.startedAt)) / 1000));
    if (window.count <= max) {
      addReplyHeaders(reply, {
        'x-ratelimit-limit': limit,
        'x-ratelimit-remaining': String(max - window.count),
        'x-ratelimit-reset': resetSeconds,
      });
      return done();
    }
    addReplyHeaders(reply, {
      'x-ratelimit-limit': limit,
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': resetSeconds,
      'retry-after': resetSeconds,
    });
    done(
      new AppError('RATE_LIMITED', 'Too many requests, slow down', {
        details: { retryAfterSeconds: Number(resetSeconds) },
      }),
    );
  };
  app.addHook('onRoute', (route) => {
    if (route.config?.rateLimit === false) return;
    route.onRequest = [...[route.onRequest ?? []].flat(), limitRequest];
  });
}
