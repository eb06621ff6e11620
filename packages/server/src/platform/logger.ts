import pino, { type Bindings, type ChildLoggerOptions, type Logger, type LoggerOptions } from 'pino';

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
  // signing: the signer's own PKCS#12 and its password, the second factor's codes and proof
  'certificate_p12',
  'certificate_password',
  'access_code',
  'factor_proof',
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
  'req.headers["x-signing-factor"]',
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

const { chindingsSym } = pino.symbols;
/** Fastify's default request id label, the only binding it gives a request's logger. */
const requestIdBinding = 'reqId';

/**
 * Fastify's `childLoggerFactory`: the logger of one request. Its one binding, the request id
 * (a UUID, or a caller's id that passed the strict token pattern of request-id.ts), can hold
 * nothing to redact, yet pino would run it through every wildcard redaction path (`*.password`
 * and the like): about 5 µs on every request, whether it logs or not. So that binding is
 * appended already serialised (JSON, as pino writes bindings); every other child logger takes
 * pino's ordinary, redacting path.
 */
export function requestChildLogger(logger: Logger, bindings: Bindings, options: ChildLoggerOptions): Logger {
  const requestId = bindings[requestIdBinding];
  const onlyRequestId = Object.keys(bindings).length === 1 && typeof requestId === 'string';
  if (!onlyRequestId || Object.keys(options).length > 0) return logger.child(bindings, options);
  // What pino's child() does for empty bindings, minus copying the level methods onto every
  // request's logger (setLevel, about half of a child's cost): the request logger inherits the
  // parent's methods and level (its own `level =` still gives it its own, as pino's setter
  // does), and only its bindings differ, which is all pino's write reads from the instance.
  const child = Object.create(logger) as Record<symbol, string>;
  child[chindingsSym] =
    `${(logger as unknown as Record<symbol, string>)[chindingsSym]},"${requestIdBinding}":${JSON.stringify(requestId)}`;
  return child as unknown as Logger;
}

export function createLogger(level: string): Logger {
  return pino(loggerOptions(level));
}
