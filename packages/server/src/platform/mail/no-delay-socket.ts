import net from 'node:net';

/** What nodemailer hands a `getSocket` hook: the resolved target of one pooled connection. */
interface SocketTarget {
  host?: string;
  port?: number;
}

type SocketCallback = (error: Error | null, socket?: { connection: net.Socket }) => void;

/**
 * Opens the TCP connection of one pooled SMTP connection with Nagle's algorithm off.
 *
 * Why: nodemailer writes a message as several small writes (body chunks, then the closing
 * `.`). With Nagle on, the last write waits for the server to acknowledge the previous one,
 * and the server delays that ACK (40 ms on Linux), so each connection managed about 20
 * messages per second whatever the server's speed. nodemailer has no option for this, so
 * the pool gets the socket from here; TLS (implicit or STARTTLS) is still negotiated by
 * nodemailer on top of it.
 */
export function noDelaySocket(timeoutMs: number) {
  return (target: SocketTarget, callback: SocketCallback): void => {
    const socket = net.connect({
      host: target.host,
      port: target.port ?? 25,
      noDelay: true,
      keepAlive: true,
    });
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      callback(error);
    };
    const timer = setTimeout(
      () => fail(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' })),
      timeoutMs,
    );
    // nodemailer's own connect reports these as ECONNECTION; keep that, so a refused or
    // unresolvable server stays a transient failure worth retrying.
    const onError = (error: Error) =>
      fail(Object.assign(new Error(error.message, { cause: error }), { code: 'ECONNECTION' }));
    socket.once('error', onError);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeListener('error', onError);
      callback(null, { connection: socket });
    });
  };
}
