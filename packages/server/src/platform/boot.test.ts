import { afterEach, describe, expect, it } from 'vitest';
import { createNotesTable, notesModule, slowRouteEntered } from '../../test/notes-module.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { closeGracefully } from './boot.js';

describe('graceful shutdown', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.database.destroy();
  });

  it('lets an in-flight request finish, refuses new ones, then exits 0', async () => {
    t = await createTestApp({ build: { modules: [notesModule] } });
    await createNotesTable(t.database.db);
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const entered = slowRouteEntered.next();
    const inFlight = fetch(`${address}/api/v1/test/slow`);
    await entered;
    const exitCode = new Promise<number>((resolve) => closeGracefully(t!.app, 5_000, resolve)());
    const late = await fetch(`${address}/health`).then(
      (r) => r.status,
      () => 'refused',
    );
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ code: 0, data: { finished: true } });
    expect([503, 'refused']).toContain(late);
    expect(await exitCode).toBe(0);
  });
});
