/**
 * A server process for the crash tests (idempotency, request audit): the app with the audit
 * and test notes modules on
 * the database named in argv[2], killed (SIGKILL, no cleanup) at the point argv[3] names:
 * `after-transaction` (the handler's transaction returned, the reply not yet built) or
 * `before-reply` (the reply is ready to go out). Prints LISTENING <port>.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.js';
import { auditModule } from '../src/modules/audit/index.js';
import type { ModuleDefinition } from '../src/platform/module.js';
import { notesModule, notesTransactionHook } from './notes-module.js';
import { testConfig } from './test-app.js';
import { openTestLocation, type TestDatabase } from './test-database.js';

const database = openTestLocation(JSON.parse(process.argv[2] ?? '{}') as TestDatabase['location'], 2);
const crashAt = process.argv[3];
const die = async () => {
  process.kill(process.pid, 'SIGKILL');
  await new Promise(() => {});
};
if (crashAt === 'after-transaction') notesTransactionHook.afterTransaction = die;
const crashBeforeReply: ModuleDefinition = {
  name: 'test-crash-before-reply',
  install: async (app) => {
    if (crashAt === 'before-reply') app.addHook('onSend', die);
  },
};
const app = await buildApp(testConfig(mkdtempSync(join(tmpdir(), 'signx-crash-'))), {
  database,
  modules: [auditModule, notesModule, crashBeforeReply],
});
await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`LISTENING ${(app.server.address() as { port: number }).port}\n`);
