import { systemActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import type { Trx } from '../../platform/db/schema.js';
import { teamAdmins } from '../identity/index.js';
import { notifications, provideTemplates, type TemplateDraft } from '../notifications/index.js';

/** The message an endpoint's owner gets when it was disabled for failing (in-app and e-mail). */
const text = {
  en: 'Your webhook endpoint {{ url }} failed every delivery since {{ since }} and was disabled. Fix it, enable it and replay the missed events.',
  'zh-CN':
    '您的 Webhook 端点 {{ url }} 自 {{ since }} 起投递全部失败，已被停用。请修复后重新启用，并重放错过的事件。',
  he: 'נקודת הקצה {{ url }} נכשלה בכל המסירות מאז {{ since }} והושבתה. תקנו אותה, הפעילו מחדש ושלחו שוב את האירועים שהוחמצו.',
} as const;
const subject = {
  en: 'Webhook endpoint disabled',
  'zh-CN': 'Webhook 端点已停用',
  he: 'נקודת קצה של Webhook הושבתה',
} as const;
const locales = ['en', 'zh-CN', 'he'] as const;

const templates: (TemplateDraft & { code: string })[] = [
  {
    code: 'webhooks.endpoint-disabled',
    name: 'Webhook endpoint disabled',
    category: 'webhooks',
    is_transactional: true,
    is_sensitive: false,
    default_locale: 'en',
    variables: [
      { name: 'url', sample: 'https://hooks.example.com/signx' },
      { name: 'since', sample: '2026-12-01T00:00:00.000Z' },
    ],
    variants: locales.flatMap((locale) => [
      {
        channel: 'email' as const,
        locale,
        subject: subject[locale],
        body: `<p>${text[locale]}</p>`,
        text: text[locale],
      },
      { channel: 'in_app' as const, locale, subject: subject[locale], body: text[locale] },
    ]),
  },
];
provideTemplates('webhooks', templates);

/**
 * Who hears of it: the owning user; for a team's endpoint, the team's owner (the department
 * head) and its admins (active members holding webhooks.endpoint.manage), else its creator.
 */
async function recipientsOf(trx: Trx, endpoint: { owner_id: string; team_id: string | null }) {
  if (endpoint.team_id === null) return [endpoint.owner_id];
  const admins = await teamAdmins(trx, endpoint.team_id, 'webhooks.endpoint.manage');
  return admins.length > 0 ? admins : [endpoint.owner_id];
}

/** Tells the owners, in the transaction that disabled the endpoint (the notifications module's enqueue). */
export async function noticeEndpointDisabled(
  trx: Trx,
  ctx: AppContext,
  endpoint: { id: string; owner_id: string; team_id: string | null; url: string; failing_since: string },
): Promise<void> {
  const ids = await recipientsOf(trx, endpoint);
  await notifications.send(trx, ctx, systemActor('webhooks.deliver'), {
    template: 'webhooks.endpoint-disabled',
    channels: ['in_app', 'email'],
    recipients: ids.map((id) => ({ type: 'user', id })),
    params: { url: new URL(endpoint.url).origin, since: endpoint.failing_since },
    dedupe_key: `webhooks.endpoint-disabled:${endpoint.id}:${endpoint.failing_since}`,
  });
}
