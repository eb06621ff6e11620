// Relative import: the unit tests (test/) load this file without the @ alias.
import { accessToken, refreshAccess } from '../../platform/auth/tokens';

export interface StreamEvent {
  id?: string;
  event: string;
  data: string;
}

/**
 * A Server-Sent Events client on fetch, because EventSource cannot send the Authorization
 * header (the access token lives in memory, never in a cookie or a URL). It reconnects
 * with a growing pause, sends Last-Event-ID so the server replays what was missed, and
 * refreshes the token once when the server answers 401.
 */
export function openStream(url: string, onEvent: (event: StreamEvent) => void): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  let lastId: string | undefined;
  let pause = 1000;

  async function connect(): Promise<void> {
    while (!stopped) {
      controller = new AbortController();
      try {
        const headers: Record<string, string> = { accept: 'text/event-stream' };
        const token = accessToken();
        if (token) headers.authorization = `Bearer ${token}`;
        if (lastId) headers['last-event-id'] = lastId;
        const response = await fetch(url, { headers, signal: controller.signal });
        if (response.status === 401) {
          if (!(await refreshAccess())) return;
        } else if (response.ok && response.body) {
          pause = 1000;
          await read(response.body, (event) => {
            if (event.id) lastId = event.id;
            onEvent(event);
          });
        }
      } catch {
        // network drop or abort: retried below unless stopped
      }
      if (stopped) return;
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 30_000);
    }
  }
  void connect();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

/** Splits the byte stream into events (blank-line separated `field: value` lines). */
async function read(body: ReadableStream<Uint8Array>, emit: (event: StreamEvent) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = parseBlock(block);
      if (event) emit(event);
      end = buffer.indexOf('\n\n');
    }
  }
}

export function parseBlock(block: string): StreamEvent | null {
  const event: StreamEvent = { event: 'message', data: '' };
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') data.push(value);
    else if (field === 'event') event.event = value;
    else if (field === 'id') event.id = value;
  }
  if (data.length === 0) return null;
  event.data = data.join('\n');
  return event;
}
