import { AppError, isAppError } from '../errors.js';
import { refused } from './outbound-policy.js';

/** One request's total time budget, shared by every redirect hop and the body read. */
export interface Deadline {
  signal: AbortSignal;
  abort(reason: unknown): void;
  clear(): void;
}

/**
 * Starts the total timeout. Per-socket timeouts are not enough: a server trickling one byte
 * a second would hold a worker forever. The caller's own signal still aborts too.
 */
export function startDeadline(timeoutMs: number, callerSignal: AbortSignal): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new AppError('UNAVAILABLE', `The remote server did not answer within ${timeoutMs} ms`));
  }, timeoutMs);
  timer.unref();
  return {
    signal: AbortSignal.any([controller.signal, callerSignal]),
    abort: (reason) => controller.abort(reason),
    clear: () => clearTimeout(timer),
  };
}

/**
 * Wraps a response so its body can never exceed `maxBytes` (counted after decompression,
 * so a small compressed bomb is caught too). A larger declared length fails at once; a
 * larger streamed body errors the stream and aborts the connection.
 */
export function limitResponse(response: Response, maxBytes: number, deadline: Deadline): Response {
  const tooLarge = () => refused(`the response is larger than ${maxBytes} bytes`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    const error = tooLarge();
    deadline.abort(error);
    throw error;
  }
  if (!response.body) {
    deadline.clear();
    return response;
  }
  let seen = 0;
  const limited = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen <= maxBytes) return controller.enqueue(chunk);
        const error = tooLarge();
        controller.error(error);
        deadline.abort(error);
      },
      flush: () => deadline.clear(),
    }),
  );
  const wrapped = new Response(limited, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(wrapped, 'url', { value: response.url });
  return wrapped;
}

/**
 * fetch reports connection problems as `TypeError('fetch failed')` with the real reason in
 * `cause`; a policy refusal or our timeout is surfaced as the AppError it is.
 */
export function unwrapAppError(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (isAppError(current)) return current;
    current = current.cause;
  }
  return error;
}
