/** The facts of an SMTP failure that decide whether a retry can help. */
interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  rejectedErrors?: Array<{ responseCode?: number }>;
}

/** Connection-level failures: the server may well accept the message later. */
const transientCodes = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET']);

/**
 * A message that could not be delivered. `isTransient` is what the job runtime reads: a
 * 4xx reply or an unreachable server is retried later; a 5xx reply (unknown mailbox,
 * refused content, bad credentials) or a configuration problem is not, since repeating
 * it cannot succeed.
 */
export class MailDeliveryError extends Error {
  readonly isTransient: boolean;
  /** The SMTP reply code, when the server answered. */
  readonly responseCode: number | undefined;

  constructor(message: string, options: { isTransient: boolean; responseCode?: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'MailDeliveryError';
    this.isTransient = options.isTransient;
    this.responseCode = options.responseCode;
  }
}

/** Whether one SMTP reply code means "try again later". */
export function isTransientReply(responseCode: number | undefined): boolean {
  return responseCode !== undefined && responseCode >= 400 && responseCode < 500;
}

/** Turns whatever nodemailer threw into a MailDeliveryError with the right retry verdict. */
export function toMailDeliveryError(error: unknown): MailDeliveryError {
  if (error instanceof MailDeliveryError) return error;
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const message = error instanceof Error ? error.message : String(error);
  const perRecipient = failure.rejectedErrors ?? [];
  let isTransient: boolean;
  if (perRecipient.length > 0) isTransient = perRecipient.every((r) => isTransientReply(r.responseCode));
  else if (failure.responseCode !== undefined) isTransient = isTransientReply(failure.responseCode);
  else isTransient = transientCodes.has(failure.code ?? '') || hasTransientCause(error);
  return new MailDeliveryError(`Mail delivery failed: ${message}`, {
    isTransient,
    responseCode: failure.responseCode,
    cause: error,
  });
}

function hasTransientCause(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as SmtpFailure | undefined) : undefined;
  return cause !== undefined && transientCodes.has(cause.code ?? '');
}
