// Mounted beside SignX by the web benchmark: on first start, 10,000 users and a known
// administrator password (no forced change), so pages can be measured at realistic size.

import { identityDeps } from '../../packages/server/dist/modules/identity/identity.deps.js';
import { storePassword } from '../../packages/server/dist/modules/identity/passwords/password.service.js';
import { newUserRow } from '../../packages/server/dist/modules/identity/users/users.repository.js';
import { inTransaction } from '../../packages/server/dist/platform/db/transaction.js';

export const benchPassword = 'Bench-Lantern-2026!';
export const userCount = 10_000;

export const modules = [
  {
    name: 'web-bench-seed',
    onFirstStart: async (ctx) => {
      const now = new Date().toISOString();
      const rows = [];
      for (let i = 0; i < userCount; i += 1) {
        const username = `user${String(i).padStart(5, '0')}`;
        rows.push({
          ...newUserRow(
            {
              username,
              full_name: `Bench User ${i}`,
              email: `${username}@example.test`,
              phone: '13812345678',
              department_id: null,
              identity_level: 'internal',
            },
            now,
          ),
          must_change_password: 0,
        });
      }
      for (let i = 0; i < rows.length; i += 500)
        await ctx.db
          .insertInto('users')
          .values(rows.slice(i, i + 500))
          .execute();
      const admin = await ctx.db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      await inTransaction(ctx.db, async (trx) => {
        await storePassword(trx, identityDeps(ctx), admin, benchPassword, { mustChange: false });
        await trx.updateTable('users').set({ must_change_password: 0 }).where('id', '=', admin.id).execute();
      });
    },
  },
];
