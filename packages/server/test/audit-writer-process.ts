/**
 * A separate OS process that writes audit events into a test database, for the
 * cross-process concurrency and crash tests (`node --import tsx audit-writer-process.ts <json>`).
 * mode 'write': `count` transactions, each a business row plus its audit event.
 * mode 'crash': writes the business row, then the process dies before the audit write.
 */

import { tmpdir } from 'node:os';
import { configureRecorder, MAC_PURPOSE } from '../src/modules/audit/chain/recorder.settings.js';
import { audit, systemActor } from '../src/modules/audit/index.js';
import { createDatabase } from '../src/platform/db/database.js';
import { inTransaction } from '../src/platform/db/transaction.js';
import { createKeyring } from '../src/platform/keyring/keyring.js';

const job = JSON.parse(process.argv[2] ?? '{}') as {
  dialect: 'sqlite' | 'postgres';
  file?: string;
  url?: string;
  searchPath?: string;
  count: number;
  name: string;
  mode: 'write' | 'crash';
  masterSecret: string;
};

const database = createDatabase({
  dialect: job.dialect,
  file: job.file,
  url: job.url,
  searchPath: job.searchPath,
  poolMax: 4,
});
configureRecorder(database.db, {
  macKey: createKeyring({ dir: tmpdir(), masterSecret: job.masterSecret }).secret(MAC_PURPOSE),
});
const writes = Array.from({ length: job.count }, (_, i) =>
  inTransaction(database.db, async (trx) => {
    const key = `${job.name}-${i}`;
    await trx
      .insertInto('platform_state')
      .values({ key, value: 'x', updated_at: new Date().toISOString() })
      .execute();
    if (job.mode === 'crash') process.exit(3);
    await audit.record(trx, {
      action: 'test.thing.created',
      actor: systemActor(job.name),
      entityType: 'thing',
      entityId: key,
    });
  }),
);
await Promise.all(writes);
await database.destroy();
