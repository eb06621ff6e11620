import cluster from 'node:cluster';
import type { Logger } from '../logger.js';

/** A message on the bus: a topic (e.g. `inbox:<userId>`) and a JSON-serializable payload. */
export interface RealtimeEnvelope {
  topic: string;
  payload: unknown;
}

export type RealtimeHandler = (payload: unknown, topic: string) => void;

/**
 * Carries short-lived events (an in-app message arrived) to whichever process holds the
 * browser's event stream. One process: in memory. `serve --workers N`: through the cluster
 * primary, which relays to every worker. Several nodes (QUEUE_URL set): Redis pub/sub on
 * one channel. Delivery is best effort; the durable record (the inbox row) is in the
 * database, and a client that reconnects catches up from there.
 */
export interface RealtimeBus {
  readonly driver: 'memory' | 'cluster' | 'redis';
  publish(topic: string, payload: unknown): Promise<void>;
  subscribe(topic: string, handler: RealtimeHandler): () => void;
  /** Resolves once the bus receives what others publish (Redis: subscribed). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface RealtimeBusOptions {
  redisUrl?: string | undefined;
  /** Redis channel; tests use a unique one. */
  channel: string;
  logger: Logger;
}

export const clusterMessageType = 'signx:realtime';

/** Topic → handlers in this process; every driver ends here. */
export class LocalTopics {
  private readonly handlers = new Map<string, Set<RealtimeHandler>>();

  subscribe(topic: string, handler: RealtimeHandler): () => void {
    let set = this.handlers.get(topic);
    if (!set) {
      set = new Set();
      this.handlers.set(topic, set);
    }
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size === 0) this.handlers.delete(topic);
    };
  }

  dispatch(envelope: RealtimeEnvelope, logger: Logger): void {
    for (const handler of this.handlers.get(envelope.topic) ?? []) {
      try {
        handler(envelope.payload, envelope.topic);
      } catch (error) {
        logger.warn({ err: error, topic: envelope.topic }, 'realtime handler failed');
      }
    }
  }
}

export function createRealtimeBus(options: RealtimeBusOptions): RealtimeBus {
  if (options.redisUrl) return createRedisBus(options.redisUrl, options.channel, options.logger);
  if (cluster.isWorker && process.send) return createClusterBus(options.logger);
  return createMemoryBus(options.logger);
}

function createMemoryBus(logger: Logger): RealtimeBus {
  const topics = new LocalTopics();
  return {
    driver: 'memory',
    publish: async (topic, payload) => topics.dispatch({ topic, payload }, logger),
    subscribe: (topic, handler) => topics.subscribe(topic, handler),
    ready: async () => {},
    close: async () => {},
  };
}

/** Workers send to the primary, which sends every worker (the sender too) the envelope. */
function createClusterBus(logger: Logger): RealtimeBus {
  const topics = new LocalTopics();
  const onMessage = (message: { type?: string; envelope?: RealtimeEnvelope }) => {
    if (message?.type === clusterMessageType && message.envelope) topics.dispatch(message.envelope, logger);
  };
  process.on('message', onMessage);
  return {
    driver: 'cluster',
    publish: async (topic, payload) => {
      process.send?.({ type: clusterMessageType, envelope: { topic, payload } });
    },
    subscribe: (topic, handler) => topics.subscribe(topic, handler),
    ready: async () => {},
    close: async () => {
      process.off('message', onMessage);
    },
  };
}

/** Run in the cluster primary: relays realtime envelopes from any worker to all workers. */
export function relayRealtimeInCluster(): void {
  cluster.on('message', (_worker, message: { type?: string; envelope?: RealtimeEnvelope }) => {
    if (message?.type !== clusterMessageType) return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker?.isConnected()) worker.send(message);
    }
  });
}

function createRedisBus(url: string, channel: string, logger: Logger): RealtimeBus {
  const topics = new LocalTopics();
  type Redis = import('ioredis').Redis;
  let connections: Promise<{ pub: Redis; sub: Redis }> | undefined;
  const connect = () => {
    connections ??= (async () => {
      const { Redis } = await import('ioredis');
      const pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
      const sub = new Redis(url, { lazyConnect: false });
      for (const client of [pub, sub])
        client.on('error', (err) => logger.warn({ err }, 'realtime redis error'));
      sub.on('message', (_channel: string, text: string) => {
        try {
          topics.dispatch(JSON.parse(text) as RealtimeEnvelope, logger);
        } catch (error) {
          logger.warn({ err: error }, 'realtime message not understood');
        }
      });
      await sub.subscribe(channel);
      return { pub, sub };
    })();
    return connections;
  };
  return {
    driver: 'redis',
    publish: async (topic, payload) => {
      const { pub } = await connect();
      await pub.publish(channel, JSON.stringify({ topic, payload }));
    },
    subscribe: (topic, handler) => {
      void connect();
      return topics.subscribe(topic, handler);
    },
    ready: async () => {
      await connect();
    },
    close: async () => {
      if (!connections) return;
      const { pub, sub } = await connections;
      sub.disconnect();
      pub.disconnect();
    },
  };
}
