import { afterAll } from 'vitest';
import { AppError } from '../src/platform/errors.js';
import { createOutboundClient, type OutboundClient } from '../src/platform/http/outbound-client.js';

/** Outbound clients for one test file (5 s timeout unless given), all closed after it. */
export function useOutboundClients() {
  const clients: OutboundClient[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
  });
  return (options: Parameters<typeof createOutboundClient>[0] = {}): OutboundClient => {
    const created = createOutboundClient({ timeoutMs: 5000, ...options });
    clients.push(created);
    return created;
  };
}

/** How a call ended, as text to compare: `resolved`, `<code>: <message>`, or `other: …`. */
export const failure = async (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (error: unknown) =>
      error instanceof AppError ? `${error.code}: ${error.message}` : `other: ${String(error)}`,
  );
