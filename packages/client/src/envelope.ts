import { type ErrorCode, errorCodes } from './error-codes.js';

/** A successful answer: `code` 0 and the payload in `data` (docs/api.md). */
export interface SuccessEnvelope<T> {
  code: 0;
  message: string;
  data: T;
  timestamp: number;
}

/** One field error of a 40001 answer. */
export interface FieldError {
  field: string;
  message: string;
}

/** A failed answer, with the HTTP status of the code's family. */
export interface ErrorEnvelope {
  code: ErrorCode | number;
  message: string;
  errors?: FieldError[];
  details?: Record<string, unknown>;
  request_id?: string;
  timestamp?: number;
}

/** A page of a list (`?page=&page_size=&sort=`). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
  pages: number;
}

/**
 * Every failed call: the envelope's code (typed: `errorCodes` says its status, name and
 * module), message, field errors, details and the request id to quote in a support ticket.
 * A call that never reached the server has status 0 and code 0.
 */
export class SignxApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | number,
    message: string,
    readonly errors: FieldError[] = [],
    readonly details: Record<string, unknown> | undefined = undefined,
    readonly requestId: string | undefined = undefined,
  ) {
    super(message);
    this.name = 'SignxApiError';
  }

  /** The code's name in the server's catalogue (e.g. `VALIDATION`), when the code is known. */
  get codeName(): string | undefined {
    return (errorCodes as Record<number, { name: string }>)[this.code]?.name;
  }

  static fromResponse(response: Response, body: unknown): SignxApiError {
    const envelope = (body && typeof body === 'object' ? body : {}) as Partial<ErrorEnvelope>;
    return new SignxApiError(
      response.status,
      typeof envelope.code === 'number' ? envelope.code : response.status * 100 + 1,
      envelope.message ?? (response.statusText || 'Request failed'),
      Array.isArray(envelope.errors) ? envelope.errors : [],
      envelope.details,
      envelope.request_id ?? response.headers.get('x-request-id') ?? undefined,
    );
  }
}

/** True when `code` is a code of the server's catalogue. */
export function isErrorCode(code: number): code is ErrorCode {
  return Object.hasOwn(errorCodes, code);
}
