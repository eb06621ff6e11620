import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../db/database-availability.js';
import { databaseErrorToAppError } from '../db/database-errors.js';
import { AppError, type ErrorCode, errorCodes, isAppError } from '../errors.js';
import { toFieldErrors } from './validation.js';

/**
 * The one error handler. AppErrors map to their status and API code; Fastify's own
 * request errors (validation, bad JSON, too large) map to the matching AppError; anything
 * else is logged with its stack and reaches the client only as "internal error" 50001.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    const cause = isAppError(error) ? error.cause : error;
    if (appError.code === 'UNAVAILABLE' && isDatabaseUnavailable(cause)) {
      // An outage fails every request: its start and end are logged once (database-availability.ts).
      app.signx?.database.availability.failed(cause);
    } else if (['INTERNAL', 'STORAGE_CORRUPTED', 'UNAVAILABLE'].includes(appError.code)) {
      request.log.error({ err: error }, 'request failed');
    }
    return sendError(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(
      request,
      reply,
      new AppError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`),
    ),
  );
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  if (error.code === 'RATE_LIMITED' && error.details?.retryAfterSeconds) {
    reply.header('retry-after', String(error.details.retryAfterSeconds));
  }
  if (error.code === 'UNAVAILABLE') reply.header('retry-after', String(unavailableRetryAfterSeconds));
  return reply.status(error.httpStatus).send({
    code: error.apiCode,
    message: error.message,
    ...(error.fieldErrors.length > 0 ? { errors: error.fieldErrors } : {}),
    ...(error.details ? { details: error.details } : {}),
    request_id: request.id,
    timestamp: Date.now(),
  });
}

/** What a 503 asks a client to wait: long enough for a pool to reconnect or a failover to finish. */
const unavailableRetryAfterSeconds = 5;

const fastifyCodes: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'TOO_LARGE', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA', message: 'Unsupported content type' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'VALIDATION', message: 'The request body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'VALIDATION', message: 'The request body is not valid JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'VALIDATION', message: 'Invalid Content-Length' },
};

function toAppError(error: FastifyError): AppError {
  if (isAppError(error)) return error;
  if (error.validation) {
    return new AppError('VALIDATION', 'The request is not valid', {
      fieldErrors: toFieldErrors(error.validation, error.validationContext),
    });
  }
  const fromDatabase = databaseErrorToAppError(error);
  if (fromDatabase) return fromDatabase;
  const known = error.code ? fastifyCodes[error.code] : undefined;
  if (known) return new AppError(known.code, known.message);
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return new AppError('VALIDATION', 'The request body is not valid JSON');
  }
  if (error.statusCode === 429) return new AppError('RATE_LIMITED', 'Too many requests');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    // A plugin's own 4xx: keep the status family, never its wording (it may describe internals).
    const code = (Object.keys(errorCodes) as ErrorCode[]).find(
      (c) => errorCodes[c].http === error.statusCode,
    );
    return new AppError(code ?? 'VALIDATION', 'The request was refused');
  }
  return new AppError('INTERNAL', 'Internal error', { cause: error });
}
