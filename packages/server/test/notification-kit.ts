import { newUserRow } from '../src/modules/identity/users/users.repository.js';
import { notificationsDeps } from '../src/modules/notifications/notifications.deps.js';
import type { TemplateDraft } from '../src/modules/notifications/templates/template-model.js';
import { createTemplate } from '../src/modules/notifications/templates/templates.service.js';
import type { AppContext } from '../src/platform/app-context.js';
import { newId } from '../src/platform/db/ids.js';
import type { Db } from '../src/platform/db/schema.js';
import { inTransaction } from '../src/platform/db/transaction.js';
import { userActor } from './test-principal.js';

/** Helpers for the notification center's tests: people, templates, the send log. */
export const admin = userActor('019a0000-0000-7000-8000-00000000ad01', []);

export async function addUser(
  db: Db,
  input: {
    username: string;
    email?: string | null;
    phone?: string | null;
    roles?: string[];
    status?: 'active' | 'disabled';
  },
): Promise<string> {
  const now = new Date().toISOString();
  const row = newUserRow(
    {
      username: input.username,
      full_name: `${input.username[0]?.toUpperCase()}${input.username.slice(1)}`,
      email: input.email === undefined ? `${input.username}@example.test` : input.email,
      phone: input.phone === undefined ? '13800138000' : input.phone,
      department_id: null,
      identity_level: 'internal',
    },
    now,
  );
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('users')
      .values({ ...row, status: input.status ?? 'active' })
      .execute();
    for (const code of input.roles ?? []) {
      let role = await trx.selectFrom('roles').select('id').where('code', '=', code).executeTakeFirst();
      if (!role) {
        role = { id: newId() };
        await trx
          .insertInto('roles')
          .values({
            id: role.id,
            code,
            name: code,
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
      }
      await trx.insertInto('user_roles').values({ user_id: row.id, role_id: role.id }).execute();
    }
  });
  return row.id;
}

/** A template with email, in-app and SMS variants in Chinese and English. */
export function sampleTemplate(
  overrides: Partial<TemplateDraft> & { code?: string } = {},
): TemplateDraft & { code: string } {
  return {
    code: 'task.assigned',
    name: 'Task assigned',
    category: 'task',
    inbox_kind: 'task',
    default_locale: 'zh-CN',
    variables: [
      { name: 'taskName', description: 'Task title', required: true, sample: 'Review contract' },
      { name: 'items', description: 'Lines', required: false, sample: [] },
    ],
    variants: [
      {
        channel: 'email',
        locale: 'en',
        subject: 'Task: ${taskName}',
        body: '<p>Hello ${userName},</p><p>{{ taskName }}{% for i in items %} · {{ i }}{% endfor %}</p>',
      },
      {
        channel: 'email',
        locale: 'zh-CN',
        subject: '任务：${taskName}',
        body: '<p>${userName}，您好：{{ taskName }}</p>',
      },
      {
        channel: 'in_app',
        locale: 'zh-CN',
        subject: '新任务',
        body: '**{{ taskName }}** 已分配给 ${userName}',
      },
      { channel: 'sms', locale: 'zh-CN', body: '【SignX】${userName}，新任务：${taskName}' },
    ],
    ...overrides,
  };
}

export async function makeTemplate(
  ctx: AppContext,
  draft: TemplateDraft & { code: string } = sampleTemplate(),
) {
  return inTransaction(ctx.db, (trx) => createTemplate(trx, notificationsDeps(ctx), admin, draft));
}

export const deliveries = (db: Db) =>
  db.selectFrom('notification_deliveries').selectAll().orderBy('created_at').orderBy('id').execute();

export const attempts = (db: Db) =>
  db.selectFrom('notification_attempts').selectAll().orderBy('started_at').orderBy('attempt').execute();
