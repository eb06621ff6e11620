import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import { installRateLimit } from './rate-limit.js';

/**
 * CORS only for configured origins (the security headers are set with the request id, see
 * response-headers.ts), and a per-IP rate limit whose rejections use the API's 42901 (rate-limit.ts).
 */
export async function installSecurity(app: FastifyInstance, config: Config): Promise<void> {
  // Without allowed origins the CORS plugin answers nothing (no CORS header, preflights get
  // 404 either way), yet its hook would copy its options object on every request: register
  // it only when there is an origin to allow.
  if (config.http.corsOrigins.length > 0)
    await app.register(cors, {
      origin: [...config.http.corsOrigins],
      credentials: true,
      exposedHeaders: ['x-request-id', 'retry-after', 'content-disposition'],
    });
  installRateLimit(app, { max: config.http.rateLimit.max, windowMs: config.http.rateLimit.windowMs });
}
