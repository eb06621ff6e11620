import { createServer, type Server, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { notesModule } from '../../../test/notes-module.js';
import { testConfig } from '../../../test/test-app.js';
import { buildApp } from '../../app.js';
import { createDatabase, type Database } from './database.js';
import { isDatabaseUnavailable } from './database-availability.js';
import { databaseErrorToAppError } from './database-errors.js';

/** A TCP server that accepts connections and never answers: a hung database. */
async function blackHole(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A port nothing listens on (a database that refuses connections). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('database unavailability', () => {
  let app: FastifyInstance | undefined;
  let database: Database | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await app?.close();
    await database?.destroy();
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  /** The app on a PostgreSQL that cannot be reached; returns the messages it logs. */
  async function appOn(port: number) {
    database = createDatabase({
      dialect: 'postgres',
      url: `postgres://postgres@127.0.0.1:${port}/test`,
      connectTimeoutMs: 300,
    });
    const lines: { level: number; msg: string; err?: unknown }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    app = await buildApp(testConfig('/tmp/signx-unreachable'), { database, logger, modules: [notesModule] });
    await app.ready();
    return { app, lines };
  }

  const hungPort = async () => {
    const hole = await blackHole();
    cleanups.push(hole.close);
    return hole.port;
  };

  it.each([
    ['hung (connection timeout)', hungPort],
    ['refusing connections', closedPort],
  ])(
    'answers 503/50301 with Retry-After when the database is %s, logging the outage once',
    async (_label, port) => {
      const { app, lines } = await appOn(await port());
      for (let i = 0; i < 3; i += 1) {
        const res = await app.inject({ method: 'GET', url: '/api/v1/test/notes' });
        expect(res.statusCode).toBe(503);
        expect(res.json()).toMatchObject({ code: 50301 });
        expect(res.headers['retry-after']).toBe('5');
        expect(JSON.stringify(res.json())).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|timeout/);
      }
      // One line for the outage, none per failed request (no stack traces while it lasts).
      expect(lines.filter((l) => l.level >= 40).map((l) => l.msg)).toEqual([
        'database unavailable: requests answer 503 until it is back',
      ]);
      expect(lines.some((l) => l.err !== undefined)).toBe(false);
    },
  );

  it('classifies the errors PostgreSQL, node-postgres and SQLite give for an unavailable database', () => {
    const unavailable = [
      new Error('Connection terminated due to connection timeout'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Client has encountered a connection error and is not queryable'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
    ];
    for (const error of unavailable) {
      expect(isDatabaseUnavailable(error), error.message).toBe(true);
      expect(databaseErrorToAppError(error)?.code).toBe('UNAVAILABLE');
    }
    const bugs = [
      new Error('syntax error at or near "selec"'),
      Object.assign(new Error('x'), { code: '42P01' }),
    ];
    for (const error of bugs) expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
