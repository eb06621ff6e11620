import pino, { type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

const secretFields = [
  'password',
  'newPassword',
  'currentPassword',
  'new_password',
  'current_password',
  'token',
  'accessToken',
  'refreshToken',
  'access_token',
  'refresh_token',
  'secret',
  'apiKey',
  'api_key',
  'otp',
  'totp_code',
  'recovery_code',
  'verification_code',
];

/**
 * Everything that may carry a secret is redacted before a log line is written: auth
 * headers, cookies, API keys, and fields named like passwords, tokens or one-time codes,
 * at the top level and up to two levels deep.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  ...secretFields,
  ...secretFields.map((f) => `*.${f}`),
  ...secretFields.map((f) => `*.*.${f}`),
];

const sensitiveQuery =
  /^(token|key|code|secret|password|sig|signature|otp|api_key|access_token|refresh_token)$/i;

/** Drops the values of query parameters that carry secrets (signing links, reset tokens). */
export function redactUrl(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const params = new URLSearchParams(url.slice(question + 1));
  for (const name of [...params.keys()]) if (sensitiveQuery.test(name)) params.set(name, '[redacted]');
  return `${url.slice(0, question)}?${params.toString()}`;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    base: { service: 'signx' },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: {
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: typeof request.url === 'string' ? redactUrl(request.url) : undefined,
        ip: request.ip,
      }),
      err: pino.stdSerializers.err,
    },
  };
}

export function createLogger(level: string): Logger {
  return pino(loggerOptions(level));
}
