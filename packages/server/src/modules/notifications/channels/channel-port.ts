import type { DeliveryExtra } from '../sending/delivery-extra.js';
import type { DeliveryRow } from '../sending/messages.repository.js';

/** One delivery as a provider sends it: the row, its opened content and its attempt. */
export interface Outgoing {
  row: DeliveryRow;
  subject: string | null;
  body: string;
  extra: DeliveryExtra;
  attemptId: string;
  attempt: number;
}

/** What a provider said when it took the message. */
export interface ProviderAnswer {
  providerMessageId?: string;
  response: string;
}

/** One way out for a channel: the SMTP pool, an SMS provider, a robot, a webhook endpoint. */
export interface Provider {
  /** Stable name for the send log and the breaker, e.g. `smtp`, `sms:aliyun:<id>`, `robot:<id>`. */
  name: string;
  send(message: Outgoing, signal: AbortSignal): Promise<ProviderAnswer>;
}

/**
 * A refused or failed send. `transient` failures are retried later (after `retryAfterMs`
 * when the provider said how long to wait, e.g. a robot's rate block); `failover` sends
 * the same attempt on to the next provider of the chain.
 */
export class ProviderError extends Error {
  readonly transient: boolean;
  readonly failover: boolean;
  readonly retryAfterMs: number | undefined;
  readonly response: string | undefined;

  constructor(
    message: string,
    options: {
      transient: boolean;
      failover?: boolean;
      retryAfterMs?: number;
      response?: string;
      cause?: unknown;
    },
  ) {
    super(message, { cause: options.cause });
    this.name = 'ProviderError';
    this.transient = options.transient;
    this.failover = options.failover ?? options.transient;
    this.retryAfterMs = options.retryAfterMs;
    this.response = options.response;
  }
}

/** Any failure as a ProviderError: an unexpected one counts as transient. */
export function asProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const transient = (error as { isTransient?: boolean })?.isTransient !== false;
  return new ProviderError(message, { transient, cause: error });
}

/** Reads a peer's answer within a bound, as text for the send log. */
export async function answerText(response: Response, max = 2000): Promise<string> {
  const text = await response.text().catch(() => '');
  return text.slice(0, max);
}
