import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postNoteThenCrash } from '../../../test/notes-crash.js';
import { createNotesTable, notesModule } from '../../../test/notes-module.js';
import { testConfig } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { buildApp } from '../../app.js';

/**
 * A server dies (kill -9) while answering an idempotent POST; the client never gets the
 * answer and retries with the same Idempotency-Key against the restarted server. Whatever
 * the moment of death, the retry answers 201 with the one note that exists, never a 409 from
 * its own first attempt and never a second note.
 */
describe('Idempotency-Key across a crash', () => {
  let database: TestDatabase;
  let dataDir: string;
  beforeEach(async () => {
    database = await createTestDatabase();
    await createNotesTable(database.db);
    dataDir = mkdtempSync(join(tmpdir(), 'signx-retry-'));
  });
  afterEach(async () => {
    await database.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(['after-transaction', 'before-reply'] as const)(
    'a retry after the server died %s gets 201 and the single note',
    async (crashAt) => {
      const headers = { 'idempotency-key': `crash-${crashAt}` };
      await postNoteThenCrash(database, crashAt, headers);
      const app = await buildApp(testConfig(dataDir), { database, modules: [notesModule] });
      try {
        const retry = await app.inject({
          method: 'POST',
          url: '/api/v1/test/notes',
          headers,
          payload: { title: 'once' },
        });
        expect(retry.statusCode).toBe(201);
        const notes = await database.db
          .selectFrom('test_notes' as never)
          .select(['id' as never])
          .execute();
        expect(notes).toEqual([{ id: retry.json().data.id }]);
        const again = await app.inject({
          method: 'POST',
          url: '/api/v1/test/notes',
          headers,
          payload: { title: 'once' },
        });
        expect(again.json().data.id).toBe(retry.json().data.id);
        expect(again.headers['idempotent-replayed']).toBe('true');
      } finally {
        await app.close();
      }
    },
    90_000,
  );
});
