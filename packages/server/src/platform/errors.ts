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

/**
 * A module's own code inside one of the families above (e.g. 40902 inside CONFLICT 409xx):
 * clients that only know the family still read the HTTP status right, clients that care
 * read the precise code instead of parsing `details.reason`. Declared with
 * `defineErrorCodes` in a module's `*.errors.ts` and listed in its ModuleDefinition, so the
 * boot check (platform/catalogues.ts) refuses two modules claiming one number.
 */
export interface DomainErrorCode<N extends string = string> {
  readonly name: N;
  readonly family: ErrorCode;
  readonly api: number;
  readonly description: string;
  /** Who declared it: a module name, or 'platform'. */
  readonly module: string;
}

export interface DomainErrorSpec {
  family: ErrorCode;
  api: number;
  description: string;
}

const domainNamePattern = /^[A-Z][A-Z0-9_]*$/;

/** Declares a module's domain error codes; each must sit in its family's range (e.g. 409xx for CONFLICT). */
export function defineErrorCodes<const S extends Record<string, DomainErrorSpec>>(
  module: string,
  specs: S,
): { readonly [K in keyof S & string]: DomainErrorCode<K> } {
  const out: Record<string, DomainErrorCode> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const base = errorCodes[spec.family].api;
    const inFamily = Math.floor(spec.api / 100) === Math.floor(base / 100) && spec.api !== base;
    if (!domainNamePattern.test(name)) throw new Error(`domain error name ${name} must be UPPER_SNAKE_CASE`);
    if (!Number.isInteger(spec.api) || !inFamily) {
      throw new Error(
        `domain error ${name} (${spec.api}) must be a code in ${spec.family}'s range ${base}..`,
      );
    }
    out[name] = Object.freeze({ name, module, ...spec });
  }
  return out as { readonly [K in keyof S & string]: DomainErrorCode<K> };
}

/** Domain codes the platform itself raises (the state-machine helper throws the first). */
export const platformErrors = defineErrorCodes('platform', {
  STATE_TRANSITION_NOT_ALLOWED: {
    family: 'CONFLICT',
    api: 40902,
    description: 'The record is in a state where this action is not allowed (details: state, event, allowed)',
  },
  CHANGE_REASON_REQUIRED: {
    family: 'VALIDATION',
    api: 40020,
    description:
      'Changing or deleting a regulated record needs a reason (EU GMP Annex 11 §9; platform/regulated-records.ts)',
  },
});

/** One field-level problem, as the API reports it in `errors`. */
export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  /** The family: status, logging and existing `code === 'CONFLICT'` checks go by it. */
  readonly code: ErrorCode;
  /** The precise domain code, when the thrower declared one (see `domainError`). */
  readonly domain: DomainErrorCode | undefined;
  readonly fieldErrors: FieldError[];
  /** Extra machine-readable details safe to show a client (never secrets). */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      fieldErrors?: FieldError[];
      details?: Record<string, unknown>;
      cause?: unknown;
      domain?: DomainErrorCode;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.domain = options.domain;
    this.fieldErrors = options.fieldErrors ?? [];
    this.details = options.details;
  }

  get httpStatus(): number {
    return errorCodes[this.code].http;
  }

  get apiCode(): number {
    return this.domain?.api ?? errorCodes[this.code].api;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Raises a declared domain error: the family's HTTP status with the domain's own API code. */
export function domainError(
  code: DomainErrorCode,
  message: string,
  options: { fieldErrors?: FieldError[]; details?: Record<string, unknown>; cause?: unknown } = {},
): AppError {
  return new AppError(code.family, message, { ...options, domain: code });
}

/** Whether `error` is the given domain error (tests and callers that recover from one). */
export function isDomainError(error: unknown, code: DomainErrorCode): error is AppError {
  return error instanceof AppError && error.domain?.api === code.api;
}

/** Shorthands for the errors services raise most. */
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You do not have permission to do this') =>
  new AppError('FORBIDDEN', message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('CONFLICT', message, { details });
export const invalid = (field: string, message: string) =>
  new AppError('VALIDATION', 'The request is not valid', { fieldErrors: [{ field, message }] });
