// Child process for the cross-process counter test: takes N numbers from the given database
// (a SQLite file, or a PostgreSQL URL and schema).
import { nextHumanNumber } from '../src/platform/db/counters.js';
import { createDatabase } from '../src/platform/db/database.js';
import { inTransaction } from '../src/platform/db/transaction.js';

const { file, url, searchPath, count } = JSON.parse(process.argv[2] as string);
const database = file
  ? createDatabase({ dialect: 'sqlite', file })
  : createDatabase({ dialect: 'postgres', url, searchPath, poolMax: 2 });
const numbers: string[] = [];
for (let i = 0; i < count; i += 1) {
  const at = new Date('2026-06-01T00:00:00Z');
  numbers.push(await inTransaction(database.db, (trx) => nextHumanNumber(trx, 'SIG-XP', at)));
}
await database.destroy();
process.stdout.write(JSON.stringify(numbers));
