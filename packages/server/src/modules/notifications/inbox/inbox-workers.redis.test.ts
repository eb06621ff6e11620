import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli, waitForOk } from '../../../../test/cli-process.js';
import { workerHolding, workersOf } from '../../../../test/cluster-sockets.js';
import { createAdmin, createUserWith, testPassword } from '../../../../test/identity-fixtures.js';
import { sampleTemplate } from '../../../../test/notification-kit.js';
import { testConfig } from '../../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-database.js';
import { buildApp } from '../../../app.js';
import { createRealtimeBus, type RealtimeBus } from '../../../platform/realtime/realtime-bus.js';

// `serve --workers 2` on PostgreSQL with QUEUE_URL (npm run test:services): a message sent
// through one worker reaches an SSE client whose connection another worker holds, through
// the Redis realtime bus. Real Redis at 127.0.0.1:6379, a channel of this run's own.
const redisUrl = process.env.SIGNX_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const channel = `signx-test:${randomBytes(6).toString('hex')}:realtime`;
const port = 20_000 + Math.floor(Math.random() * 20_000);
const base = `http://127.0.0.1:${port}`;
let database: TestDatabase;
let dataDir: string;
let server: ReturnType<typeof spawnCli>;
let observer: RealtimeBus;
let annId: string;

const env = () => {
  const { file, url, searchPath } = database.location;
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    SECRET_KEY: 'x'.repeat(48),
    DATABASE_URL: file ? `sqlite:${file}` : `${url}?options=-c%20search_path%3D${searchPath}`,
    QUEUE_URL: redisUrl,
    REALTIME_CHANNEL: channel,
    PASSWORD_HASH_COST: 'test',
    MFA_REQUIRED_DEFAULT: 'false',
    RATE_LIMIT_MAX: '100000',
  };
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'signx-workers-'));
  database = await createTestDatabase();
  // The people, made in this process on the same database, then this app is closed.
  const app = await buildApp(testConfig(dataDir, env()), { database });
  await app.ready();
  await createAdmin(app, 'root');
  annId = (await createUserWith(app, { username: 'ann' })).id;
  await app.close();
  observer = createRealtimeBus({ redisUrl, channel, logger: pino({ level: 'silent' }) });
  await observer.ready();
  server = spawnCli(['serve', '--workers', '2', '--port', String(port)], env());
  await waitForOk(`${base}/ready`, 1200);
}, 180_000);
afterAll(async () => {
  const exited = server ? new Promise((resolve) => server.once('exit', resolve)) : undefined;
  server?.kill('SIGTERM');
  await exited;
  await observer?.close();
  await database?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

async function token(username: string): Promise<string> {
  const answer = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: testPassword }),
  });
  const body = (await answer.json()) as { data?: { tokens?: { access_token?: string } } };
  const access = body.data?.tokens?.access_token;
  if (!access) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(body)}`);
  return access;
}

interface Stream {
  worker: number | undefined;
  messages: { subject?: string; title?: string }[];
  next(): Promise<void>;
  close(): void;
}

/** An inbox stream on a connection of its own (no keep-alive pool), and the worker holding it. */
function openStream(access: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const request = get(
      `${base}/api/v1/notifications/inbox/stream`,
      { agent: false, headers: { authorization: `Bearer ${access}` } },
      (response: IncomingMessage) => {
        const messages: Stream['messages'] = [];
        let wake = () => {};
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            if (/^event: message$/m.test(frame) && data) {
              messages.push(JSON.parse(data) as Stream['messages'][number]);
              wake();
            }
          }
        });
        resolve({
          worker: workerHolding(server.pid ?? 0, port, response.socket.localPort ?? 0),
          messages,
          next: () => new Promise<void>((done) => (wake = done)),
          close: () => request.destroy(),
        });
      },
    );
    request.on('error', reject);
  });
}

describe('live notifications across the workers of serve --workers 2 (Redis realtime bus)', () => {
  it('brings a message sent through one worker to SSE clients held by each worker', async () => {
    expect(workersOf(server.pid ?? 0)).toHaveLength(2);
    const [root, ann] = [await token('root'), await token('ann')];
    const created = await fetch(`${base}/api/v1/notifications/templates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${root}` },
      body: JSON.stringify(sampleTemplate()),
    });
    expect(created.status, await created.text()).toBe(201);

    // Connections until the two workers each hold one of Ann's streams. /ready answers as
    // soon as one worker listens; the primary hands connections only to workers already
    // listening, and on a loaded machine the second one can take a minute to build its app.
    // So the tries are bounded by time, not by count, and spaced out after the first dozen.
    const streams: Stream[] = [];
    const giveUpAt = Date.now() + 150_000;
    for (let i = 0; Date.now() < giveUpAt && new Set(streams.map((s) => s.worker)).size < 2; i += 1) {
      if (i >= 12) await new Promise((resolve) => setTimeout(resolve, 500));
      const stream = await openStream(ann);
      if (streams.some((s) => s.worker === stream.worker)) stream.close();
      else streams.push(stream);
    }
    const byWorker = new Map(streams.filter((s) => s.worker).map((s) => [s.worker, s]));
    expect(byWorker.size).toBe(2);
    const pair = [...byWorker.values()];
    const onRedis = new Promise<unknown>((resolve) => observer.subscribe(`inbox:${annId}`, resolve));
    const arrived = pair.map((s) => s.next());

    const sent = await fetch(`${base}/api/v1/notifications/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${root}` },
      body: JSON.stringify({
        template: 'task.assigned',
        channels: ['in_app'],
        recipients: [{ type: 'user', id: annId }],
        params: { taskName: 'Across workers' },
      }),
    });
    expect(sent.status, await sent.text()).toBe(202);
    await Promise.all([...arrived, onRedis]);
    for (const stream of pair) {
      expect(JSON.stringify(stream.messages)).toContain('Across workers');
    }
    for (const stream of streams) stream.close();
  }, 240_000);
});
