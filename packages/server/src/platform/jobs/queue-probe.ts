import type { Redis } from 'ioredis';

/** How long a readiness probe waits for Redis before calling it down. */
const pingTimeoutMs = 2_000;

/**
 * Readiness of the job queue's Redis (QUEUE_URL): with the bullmq driver, jobs enqueued
 * while Redis is away pile up in the outbox and nothing runs, so a node that cannot reach
 * Redis is not ready. One connection per process, opened on the first probe; commands
 * fail at once while it is disconnected (no offline queue), so a probe never hangs.
 */
export function createQueueProbe(url: string): { check(): Promise<void>; close(): Promise<void> } {
  let client: Promise<Redis> | undefined;
  const connect = () => {
    client ??= import('ioredis').then(({ Redis }) => {
      const redis = new Redis(url, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: pingTimeoutMs,
        retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
      });
      // Reconnection is ioredis's job; the probe reports the state, the log needs no line per retry.
      redis.on('error', () => undefined);
      return redis;
    });
    return client;
  };
  return {
    async check() {
      const redis = await connect();
      if (redis.status !== 'ready') await waitUntilReady(redis);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error('Redis did not answer PING in time')), pingTimeoutMs);
      });
      try {
        await Promise.race([redis.ping(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      const redis = await client;
      redis?.disconnect();
    },
  };
}

/** The first probe may come while the connection is still opening: wait for it, briefly. */
function waitUntilReady(redis: Redis): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`Redis is ${redis.status}`));
    }, pingTimeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}
