/**
 * The one error taxonomy of SignX. Every failure a client may see is an AppError with a
 * code from this closed set; the HTTP error handler maps it to a status and the API's
 * numeric code. Anything else is an internal error whose text never leaves the server.
 */
export const errorCodes = {
  VALIDATION: { http: 400, api: 40001 },
  UNAUTHENTICATED: { http: 401, api: 40101 },
  FORBIDDEN: { http: 403, api: 40301 },
  NOT_FOUND: { http: 404, api: 40401 },
  CONFLICT: { http: 409, api: 40901 },
  TOO_LARGE: { http: 413, api: 41301 },
  UNSUPPORTED_MEDIA: { http: 415, api: 41501 },
  RATE_LIMITED: { http: 429, api: 42901 },
  INTERNAL: { http: 500, api: 50001 },
  STORAGE_CORRUPTED: { http: 500, api: 50002 },
  UNAVAILABLE: { http: 503, api: 50301 },
  OUTBOUND_REFUSED: { http: 502, api: 50201 },
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** One field-level problem, as the API reports it in `errors`. */
export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[];
  /** Extra machine-readable details safe to show a client (never secrets). */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fieldErrors?: FieldError[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = options.fieldErrors ?? [];
    this.details = options.details;
  }

  get httpStatus(): number {
    return errorCodes[this.code].http;
  }

  get apiCode(): number {
    return errorCodes[this.code].api;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Shorthands for the errors services raise most. */
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You do not have permission to do this') =>
  new AppError('FORBIDDEN', message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('CONFLICT', message, { details });
export const invalid = (field: string, message: string) =>
  new AppError('VALIDATION', 'The request is not valid', { fieldErrors: [{ field, message }] });
