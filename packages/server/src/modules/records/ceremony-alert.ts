import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import type { Trx } from '../../platform/db/schema.js';
import { notifications, provideTemplates } from '../notifications/index.js';

/**
 * The urgent report of attempted unauthorised use (§11.300(d)): repeated failed signing
 * ceremonies of one account, sent at once to the security contacts (a role's members),
 * in-app and by e-mail, through the notification center.
 */
const text = {
  en: 'Urgent: {{ failures }} failed signing ceremonies for {{ username }} since {{ since }} (last from {{ ip }}). The account is protected by the lockout; check whether this was the user.',
  'zh-CN':
    '紧急：自 {{ since }} 起，{{ username }} 的签名认证失败 {{ failures }} 次（最近一次来自 {{ ip }}）。账户已被锁定保护，请确认是否为本人操作。',
  he: 'דחוף: {{ failures }} ניסיונות חתימה כושלים עבור {{ username }} מאז {{ since }} (האחרון מ-{{ ip }}). החשבון מוגן בנעילה; יש לבדוק אם זה היה המשתמש.',
} as const;
const subject = {
  en: 'Urgent: repeated failed signatures for {{ username }}',
  'zh-CN': '紧急：{{ username }} 多次签名认证失败',
  he: 'דחוף: חתימות כושלות חוזרות עבור {{ username }}',
} as const;
const locales = ['en', 'zh-CN', 'he'] as const;
type Localized = Record<(typeof locales)[number], string>;

/** The e-mail and in-app variants of a security alert, in every language. */
const alertVariants = (subjects: Localized, bodies: Localized) =>
  locales.flatMap((locale) => [
    {
      channel: 'email' as const,
      locale,
      subject: subjects[locale],
      body: `<p>${bodies[locale]}</p>`,
      text: bodies[locale],
    },
    { channel: 'in_app' as const, locale, subject: subjects[locale], body: bodies[locale] },
  ]);

provideTemplates('records', [
  {
    code: 'records.ceremony-alert',
    name: 'Repeated failed signing ceremonies (to the security contacts)',
    category: 'security',
    is_transactional: true,
    is_sensitive: false,
    default_locale: 'en',
    variables: [
      { name: 'username', sample: 'tina' },
      { name: 'failures', sample: '5' },
      { name: 'since', sample: '2026-12-09T08:00:00.000Z' },
      { name: 'ip', sample: '10.0.0.7' },
    ],
    variants: alertVariants(subject, text),
  },
]);

/**
 * Behaviour analysis (seed 002 §10.2.1): a person signed from a network or at an hour
 * unusual for them. Not urgent (the signature succeeded), but told to the security contacts.
 */
const unusual = {
  en: '{{ username }} signed from {{ network }} at {{ time }} ({{ detail }}). Check that this was the user.',
  'zh-CN': '{{ username }} 于 {{ time }} 从 {{ network }} 签名（{{ detail }}）。请确认是否为本人操作。',
  he: '{{ username }} חתם/ה מ-{{ network }} ב-{{ time }} ({{ detail }}). יש לוודא שזה היה המשתמש.',
} as const;
const unusualSubject = {
  en: 'Unusual signature by {{ username }}',
  'zh-CN': '{{ username }} 的异常签名',
  he: 'חתימה חריגה של {{ username }}',
} as const;

provideTemplates('records', [
  {
    code: 'records.behaviour-alert',
    name: 'A signature from a network or at an hour unusual for the signer (to the security contacts)',
    category: 'security',
    is_transactional: true,
    is_sensitive: false,
    default_locale: 'en',
    variables: [
      { name: 'username', sample: 'tina' },
      { name: 'network', sample: '203.0.113.0/24' },
      { name: 'time', sample: '2026-12-09T03:12:00.000Z' },
      { name: 'detail', sample: 'new_network' },
    ],
    variants: alertVariants(unusualSubject, unusual),
  },
]);

/** To the security contacts (a role's members), in-app and by e-mail, once per dedupe key. */
async function alertSecurityContacts(
  trx: Trx,
  ctx: AppContext,
  actor: Actor,
  alert: { template: string; priority: 'high' | 'urgent'; role: string; dedupeKey: string },
  params: Record<string, string>,
): Promise<void> {
  await notifications.send(trx, ctx, actor, {
    template: alert.template,
    channels: ['in_app', 'email'],
    recipients: [{ type: 'role', code: alert.role }],
    priority: alert.priority,
    dedupe_key: alert.dedupeKey,
    params,
  });
}

export function sendBehaviourAlert(
  trx: Trx,
  ctx: AppContext,
  actor: Actor,
  input: { role: string; username: string; network: string; time: string; detail: string; dedupeKey: string },
): Promise<void> {
  const { role, dedupeKey, username, network, time, detail } = input;
  return alertSecurityContacts(
    trx,
    ctx,
    actor,
    { template: 'records.behaviour-alert', priority: 'high', role, dedupeKey },
    { username, network, time, detail },
  );
}

export function sendCeremonyAlert(
  trx: Trx,
  ctx: AppContext,
  actor: Actor,
  input: { role: string; username: string; failures: number; since: string; ip: string; dedupeKey: string },
): Promise<void> {
  const { role, dedupeKey, username, since, ip } = input;
  return alertSecurityContacts(
    trx,
    ctx,
    actor,
    { template: 'records.ceremony-alert', priority: 'urgent', role, dedupeKey },
    { username, failures: String(input.failures), since, ip },
  );
}
