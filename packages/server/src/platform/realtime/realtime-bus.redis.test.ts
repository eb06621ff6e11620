import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createRealtimeBus, type RealtimeBus } from './realtime-bus.js';

// Real Redis at 127.0.0.1:6379 (npm run test:services); a unique channel per test run.
const url = process.env.SIGNX_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const channel = `signx-test:${randomBytes(6).toString('hex')}:realtime`;
const logger = pino({ level: 'silent' });
const buses: RealtimeBus[] = [];
afterEach(async () => {
  for (const bus of buses.splice(0)) await bus.close();
});

const bus = () => {
  const created = createRealtimeBus({ redisUrl: url, channel, logger });
  buses.push(created);
  return created;
};

describe('realtime bus over Redis pub/sub (several nodes)', () => {
  it('carries an event published on one node to the subscribers of its topic on every node', async () => {
    const [nodeA, nodeB, nodeC] = [bus(), bus(), bus()];
    expect(nodeA.driver).toBe('redis');
    const seen: string[] = [];
    const arrived = new Promise<void>((resolve) => {
      nodeB.subscribe('inbox:ann', (payload) => {
        seen.push(`B:${(payload as { n: number }).n}`);
        if (seen.length === 2) resolve();
      });
      nodeC.subscribe('inbox:ann', (payload) => {
        seen.push(`C:${(payload as { n: number }).n}`);
        if (seen.length === 2) resolve();
      });
    });
    nodeC.subscribe('inbox:bob', () => seen.push('wrong topic'));
    await Promise.all([nodeA.ready(), nodeB.ready(), nodeC.ready()]);
    await nodeA.publish('inbox:ann', { n: 1 });
    await arrived;
    expect(seen.sort()).toEqual(['B:1', 'C:1']);
  });

  it('stops delivering to a handler once it unsubscribed, and isolates channels', async () => {
    const other = createRealtimeBus({ redisUrl: url, channel: `${channel}:other`, logger });
    buses.push(other);
    const [a, b] = [bus(), bus()];
    const got: number[] = [];
    const off = b.subscribe('t', (p) => got.push((p as { n: number }).n));
    const leaked: number[] = [];
    other.subscribe('t', (p) => leaked.push((p as { n: number }).n));
    const probe: number[] = [];
    let wake: () => void = () => {};
    b.subscribe('t', (p) => {
      probe.push((p as { n: number }).n);
      wake();
    });
    const next = () => new Promise<void>((resolve) => (wake = resolve));
    await Promise.all([a.ready(), b.ready(), other.ready()]);
    let arrived = next();
    await a.publish('t', { n: 1 });
    await arrived;
    off();
    arrived = next();
    await a.publish('t', { n: 2 });
    await arrived;
    expect(probe).toEqual([1, 2]);
    expect(got).toEqual([1]);
    expect(leaked).toEqual([]);
  });
});
