import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import { AppError } from '../errors.js';
import { installSecurityHeaders } from './security-headers.js';

/**
 * Security headers (precomputed, see security-headers.ts), CORS only
 * for configured origins, and a per-IP rate limit whose rejections use the API's 42901.
 */
export async function installSecurity(app: FastifyInstance, config: Config): Promise<void> {
  installSecurityHeaders(app);
  // Without allowed origins the CORS plugin answers nothing (no CORS header, preflights get
  // 404 either way), yet its hook would copy its options object on every request: register
  // it only when there is an origin to allow.
  if (config.http.corsOrigins.length > 0)
    await app.register(cors, {
      origin: [...config.http.corsOrigins],
      credentials: true,
      exposedHeaders: ['x-request-id', 'retry-after', 'content-disposition'],
    });
  await app.register(rateLimit, {
    global: true,
    max: config.http.rateLimit.max,
    timeWindow: config.http.rateLimit.windowMs,
    keyGenerator: (request) => request.ip,
    errorResponseBuilder: (_request, context) => {
      return new AppError('RATE_LIMITED', 'Too many requests, slow down', {
        details: { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
      });
    },
  });
}
