/** A field error as the API's error envelope carries it (`errors[]`). */
export interface FieldError {
  field: string;
  message: string;
}

interface ErrorEnvelope {
  code?: number;
  message?: string;
  errors?: FieldError[];
  request_id?: string;
}

/**
 * Every failed API call becomes one of these: the envelope's code and message, its field
 * errors (for forms), and the request id a user can quote to an administrator.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    readonly requestId: string | undefined = undefined,
    readonly retryAfterSeconds: number | undefined = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromResponse(response: Response, body: unknown): ApiError {
    const envelope = (body && typeof body === 'object' ? body : {}) as ErrorEnvelope;
    const retryAfter = Number(response.headers.get('retry-after'));
    return new ApiError(
      response.status,
      envelope.code ?? response.status * 100 + 1,
      envelope.message ?? response.statusText ?? 'Request failed',
      Array.isArray(envelope.errors) ? envelope.errors : [],
      envelope.request_id ?? response.headers.get('x-request-id') ?? undefined,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }

  /** The server could not be reached at all. */
  static network(cause: unknown): ApiError {
    const error = new ApiError(0, 0, cause instanceof Error ? cause.message : 'Network error');
    return error;
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}
