import type { FastifyReply, FastifyRequest } from 'fastify';

/** An open Server-Sent Events stream to one client. */
export interface EventStream {
  send(event: { id?: string; event?: string; data: unknown }): void;
  /** Called once when the client goes away or the server closes the stream. */
  onClose(listener: () => void): void;
  readonly isOpen: boolean;
}

/**
 * Takes over a request's connection and answers with `text/event-stream`: no buffering by
 * proxies, a comment every `heartbeatMs` so idle connections stay open, and a `retry`
 * hint for the browser's reconnect delay. The route still declared its access rule; by the
 * time this runs the caller is authenticated.
 */
export function openEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { heartbeatMs?: number; retryMs?: number; headers?: Record<string, string> } = {},
): EventStream {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(request.id),
    ...options.headers,
  });
  raw.write(`retry: ${options.retryMs ?? 3000}\n\n`);
  raw.socket?.setNoDelay(true);
  const listeners: (() => void)[] = [];
  let open = true;
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), options.heartbeatMs ?? 25_000);
  heartbeat.unref();
  const close = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    for (const listener of listeners.splice(0)) listener();
  };
  request.raw.on('close', close);
  raw.on('close', close);
  raw.on('error', close);
  return {
    get isOpen() {
      return open;
    },
    send(event) {
      if (!open) return;
      let frame = '';
      if (event.id) frame += `id: ${event.id.replace(/[\r\n]/g, '')}\n`;
      if (event.event) frame += `event: ${event.event.replace(/[\r\n]/g, '')}\n`;
      for (const line of JSON.stringify(event.data).split('\n')) frame += `data: ${line}\n`;
      raw.write(`${frame}\n`);
    },
    onClose(listener) {
      if (!open) listener();
      else listeners.push(listener);
    },
  };
}
