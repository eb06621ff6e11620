import type { Actor } from '../../platform/actor.js';
import type { Trx } from '../../platform/db/schema.js';
import { notifications, provideTemplates, type TemplateDraft } from '../notifications/index.js';
import type { KeysDeps } from './keys.deps.js';

/**
 * The keys module's alerts, through the notification center: in-app and e-mail to every
 * holder of KEYS_ALERT_ROLE, in the caller's transaction (sent after commit by its jobs).
 */
const locales = ['en', 'zh-CN', 'he'] as const;
type Localized = Record<(typeof locales)[number], string>;

function variants(subject: Localized, text: Localized): TemplateDraft['variants'] {
  return locales.flatMap((locale) => [
    { channel: 'in_app' as const, locale, subject: subject[locale], body: text[locale] },
    {
      channel: 'email' as const,
      locale,
      subject: subject[locale],
      body: `<p>${text[locale]}</p>`,
      text: text[locale],
    },
  ]);
}

const variables = [
  { name: 'legalName', sample: '福州示例科技有限公司' },
  { name: 'uscc', sample: '91350100M000100Y43' },
  { name: 'serial', sample: '5f2a…' },
];

const templates: (TemplateDraft & { code: string })[] = [
  {
    code: 'keys.expiry-warning',
    name: 'Organisation certificate expires soon',
    category: 'keys',
    is_transactional: true,
    default_locale: 'en',
    variables: [...variables, { name: 'notAfter', sample: '2027-01-01T00:00:00.000Z' }],
    variants: variants(
      {
        en: 'Certificate of {{ legalName }} expires soon',
        'zh-CN': '{{ legalName }} 的证书即将到期',
        he: 'התעודה של {{ legalName }} פגה בקרוב',
      },
      {
        en: 'The organisation certificate of {{ legalName }} ({{ uscc }}, serial {{ serial }}) expires on {{ notAfter }}. Rotate it before then.',
        'zh-CN':
          '{{ legalName }}（{{ uscc }}，序列号 {{ serial }}）的机构证书将于 {{ notAfter }} 到期，请在此之前轮换。',
        he: 'תעודת הארגון של {{ legalName }} ({{ uscc }}, מספר סידורי {{ serial }}) פגה ב-{{ notAfter }}. יש להחליף אותה לפני כן.',
      },
    ),
  },
  {
    code: 'keys.self-test-failed',
    name: 'Key self-test failed',
    category: 'keys',
    is_transactional: true,
    default_locale: 'en',
    variables: [...variables, { name: 'error', sample: 'CKR_DEVICE_ERROR' }],
    variants: variants(
      {
        en: 'Key self-test failed: {{ legalName }}',
        'zh-CN': '密钥自检失败：{{ legalName }}',
        he: 'בדיקה עצמית של מפתח נכשלה: {{ legalName }}',
      },
      {
        en: 'The daily self-test could not sign and verify with the key of {{ legalName }} ({{ uscc }}, serial {{ serial }}): {{ error }}',
        'zh-CN':
          '每日自检无法使用 {{ legalName }}（{{ uscc }}，序列号 {{ serial }}）的密钥签名并验证：{{ error }}',
        he: 'הבדיקה היומית לא הצליחה לחתום ולאמת עם המפתח של {{ legalName }} ({{ uscc }}, מספר סידורי {{ serial }}): {{ error }}',
      },
    ),
  },
];
provideTemplates('keys', templates);

export async function sendKeysAlert(
  trx: Trx,
  deps: KeysDeps,
  actor: Actor,
  template: 'keys.expiry-warning' | 'keys.self-test-failed',
  params: Record<string, string>,
  dedupeKey: string,
): Promise<void> {
  await notifications.send(trx, deps.ctx, actor, {
    template,
    channels: ['in_app', 'email'],
    recipients: [{ type: 'role', code: deps.ctx.config.keys.alertRole }],
    params,
    priority: 'high',
    dedupe_key: dedupeKey,
  });
}
