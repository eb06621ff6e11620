/**
 * The one way this package talks HTTP: through a caller-supplied fetch (the server passes its
 * SSRF-safe client), with a hard timeout and a response size cap, so a slow or hostile endpoint
 * can neither hang a signing job nor exhaust memory.
 */
export interface HttpCall {
  fetch: typeof fetch;
  url: string;
  method: 'GET' | 'POST';
  body?: Uint8Array;
  headers?: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
}

/** Performs the call; throws plain Errors (callers wrap them in their own PadesError code). */
export async function fetchBytes(call: HttpCall): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(call.timeoutMs);
  const res = await call.fetch(call.url, {
    method: call.method,
    headers: call.headers,
    body: call.body,
    signal,
    redirect: 'error',
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > call.maxBytes) throw new Error(`response larger than ${call.maxBytes} bytes`);
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > call.maxBytes) {
      await reader.cancel();
      throw new Error(`response larger than ${call.maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Error text for reports: the message, or the abort reason for timeouts. */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'timed out';
    const cause = (err as { cause?: unknown }).cause;
    return cause instanceof Error ? `${err.message} (${cause.message})` : err.message;
  }
  return String(err);
}
