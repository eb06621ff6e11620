/**
 * Every failure of @signx/pades is a PadesError with a closed code, so callers (the signing
 * module, the CLI) can map it to an API error or an exit status without parsing messages.
 */
export type PadesErrorCode =
  | 'ENCRYPTED'
  | 'MALFORMED_PDF'
  | 'NOT_PDF'
  | 'SPACE_TOO_SMALL'
  | 'TSA_UNAVAILABLE'
  | 'UNSUPPORTED'
  | 'INVALID_KEY'
  | 'BAD_PASSWORD'
  | 'REVOCATION_UNAVAILABLE'
  | 'MALFORMED_CMS'
  | 'MALFORMED_DER'
  | 'MALFORMED_CERTIFICATE'
  | 'INVALID_REQUEST'
  | 'TOO_LARGE'
  | 'NOT_FOUND'
  | 'INVALID_ARGUMENT';

/** A typed, plain-message error; `cause` keeps the low-level error for logs only. */
export class PadesError extends Error {
  readonly code: PadesErrorCode;

  constructor(code: PadesErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PadesError';
    this.code = code;
  }
}

/** True when `err` is a PadesError, optionally with the given code. */
export function isPadesError(err: unknown, code?: PadesErrorCode): err is PadesError {
  return err instanceof PadesError && (code === undefined || err.code === code);
}
