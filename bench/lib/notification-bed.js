// Test bed for the notification benchmark: an app context (or the whole app) on a fresh
// SQLite database with every SignX module, a template, users with a role, and a loopback
// SMTP server. Runs on the compiled server (npm run build).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildApp } from '../../packages/server/dist/app.js';
import { loadConfig } from '../../packages/server/dist/config.js';
import { modules } from '../../packages/server/dist/modules/index.js';
import { notificationsDeps } from '../../packages/server/dist/modules/notifications/notifications.deps.js';
import { createTemplate } from '../../packages/server/dist/modules/notifications/templates/templates.service.js';
import { systemActor } from '../../packages/server/dist/platform/actor.js';
import { createDatabase } from '../../packages/server/dist/platform/db/database.js';
import { newId } from '../../packages/server/dist/platform/db/ids.js';
import { migrateToLatest } from '../../packages/server/dist/platform/db/migrator.js';
import { inTransaction } from '../../packages/server/dist/platform/db/transaction.js';

export const admin = { ...systemActor('bench'), type: 'user', id: 'bench', userId: 'bench' };

export const template = {
  code: 'bench.task',
  name: 'Bench task',
  category: 'task',
  inbox_kind: 'task',
  default_locale: 'zh-CN',
  variables: [
    { name: 'taskName', required: true },
    { name: 'items', required: false },
  ],
  variants: [
    {
      channel: 'email',
      locale: 'zh-CN',
      subject: '任务：${taskName}',
      body: '<p>${userName}，您好：</p><ul>{% for i in items %}<li>{{ i }}</li>{% endfor %}</ul><p>{{ taskName | upcase }}</p>',
    },
    {
      channel: 'in_app',
      locale: 'zh-CN',
      subject: '新任务',
      body: '**{{ taskName }}** 已分配给 ${userName}',
    },
  ],
};

/**
 * A loopback SMTP server (smtp-server on its own thread, see smtp-sink-worker.js) that
 * accepts and counts messages.
 */
export async function startSink() {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL('./smtp-sink-worker.js', import.meta.url), {
    workerData: { counter: counter.buffer },
  });
  const reply = () =>
    new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  const { port } = await reply();
  return {
    port,
    count: () => Atomics.load(counter, 0),
    close: async () => {
      const closed = reply();
      worker.postMessage('close');
      await closed;
      await worker.terminate();
    },
  };
}

/** The whole app (not listening) with `users` users holding role `bench`. */
export async function startBed({ users = 1000, env = {}, extraModules = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'signx-notify-bench-'));
  const database = createDatabase({ dialect: 'sqlite', file: join(dir, 'bench.db') });
  await migrateToLatest(database.db);
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATA_DIR: dir,
    SECRET_KEY: 'b'.repeat(48),
    RATE_LIMIT_MAX: '1000000',
    ...env,
  });
  const app = await buildApp(config, { database, modules: [...modules, ...extraModules] });
  await app.ready();
  const ctx = app.signx;
  const deps = notificationsDeps(ctx);
  await inTransaction(ctx.db, (trx) => createTemplate(trx, deps, admin, template));
  const ids = await addUsers(ctx.db, users);
  return {
    app,
    ctx,
    deps,
    ids,
    close: async () => {
      await app.close();
      await database.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function addUsers(db, count) {
  const now = new Date().toISOString();
  const roleId = newId();
  await db
    .insertInto('roles')
    .values({
      id: roleId,
      code: 'bench',
      name: 'bench',
      description: '',
      parent_id: null,
      data_scope: 'own',
      mfa_required: 0,
      grant_rule: 'none',
      is_system: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const ids = [];
  await inTransaction(db, async (trx) => {
    for (let i = 0; i < count; i += 1) {
      const id = newId();
      ids.push(id);
      await trx
        .insertInto('users')
        .values({
          id,
          username: `u${i}`,
          full_name: `用户 ${i}`,
          email: `u${i}@example.test`,
          phone: '13800138000',
          department_id: null,
          status: 'active',
          identity_level: 'internal',
          password_hash: null,
          password_changed_at: null,
          must_change_password: 0,
          failed_attempts: 0,
          locked_until: null,
          last_login_at: null,
          created_at: now,
          updated_at: now,
          disabled_at: null,
          row_version: 1,
        })
        .execute();
      await trx.insertInto('user_roles').values({ user_id: id, role_id: roleId }).execute();
    }
  });
  return ids;
}
