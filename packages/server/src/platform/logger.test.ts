import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.js';
import { loggerOptions, requestChildLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: pino(loggerOptions('info'), sink) };
}

describe('request child logger', () => {
  it('writes the request id on every line and still redacts what the request logs', () => {
    const { lines, logger } = capture();
    const child = requestChildLogger(logger, { reqId: 'trace-0001' }, {});
    child.info({ body: { password: 'Hunter2!x' } }, 'login attempt');
    child.child({ step: 'mfa' }).info({ otp: '123456' }, 'second factor');
    const [first, second] = lines.map((line) => JSON.parse(line));
    expect(first).toMatchObject({ service: 'signx', reqId: 'trace-0001', msg: 'login attempt' });
    expect(first.body.password).toBe('[redacted]');
    expect(second).toMatchObject({ reqId: 'trace-0001', step: 'mfa', otp: '[redacted]' });
  });

  it('serialises an id with quotes as JSON, not as raw text', () => {
    const { lines, logger } = capture();
    requestChildLogger(logger, { reqId: 'a"b\\c' }, {}).info('x');
    expect(JSON.parse(lines[0] as string).reqId).toBe('a"b\\c');
  });

  it('takes the redacting path for any other binding', () => {
    const { lines, logger } = capture();
    requestChildLogger(logger, { reqId: 'r-1', password: 'Top1!level' }, {}).info('x');
    expect(lines[0]).not.toContain('Top1!level');
    requestChildLogger(logger, { reqId: 'r-2' }, { level: 'error' }).info('dropped');
    expect(lines).toHaveLength(1);
  });

  it("follows the parent's level, and a level set on it changes only that request's logger", () => {
    const { lines, logger } = capture();
    logger.level = 'warn';
    const child = requestChildLogger(logger, { reqId: 'r-3' }, {});
    child.info('dropped at warn');
    child.warn('kept');
    const sibling = requestChildLogger(logger, { reqId: 'r-4' }, {});
    child.level = 'error';
    child.warn('dropped at error');
    sibling.warn('sibling kept');
    logger.warn('parent kept');
    expect(lines.map((line) => [JSON.parse(line).reqId, JSON.parse(line).msg])).toEqual([
      ['r-3', 'kept'],
      ['r-4', 'sibling kept'],
      [undefined, 'parent kept'],
    ]);
  });

  it('is the logger of each request in the app', async () => {
    const { lines, logger } = capture();
    const t = await createTestApp({ build: { logger } });
    try {
      await t.app.inject({ url: '/health', headers: { 'x-request-id': 'caller-trace-42' } });
    } finally {
      await t.close();
    }
    const requestLines = lines.map((line) => JSON.parse(line)).filter((l) => l.req || l.res);
    expect(requestLines.length).toBeGreaterThan(0);
    for (const line of requestLines) expect(line.reqId).toBe('caller-trace-42');
  });
});
