import type { Actor } from '../../../platform/actor.js';
import type { Trx } from '../../../platform/db/schema.js';
import { notifications, provideTemplates, type TemplateDraft } from '../../notifications/index.js';
import type { RequestRow, SignerRow } from '../requests.repository.js';

/**
 * "Your turn" (to a signer when the earlier group finished) and "overdue" (to the request's
 * owner), through the notification center, in the request's language. Neither carries a
 * link secret: the signer uses the link they already have (only its hash is kept).
 */
const turnText = {
  en: '{{ signerName }}, the earlier signers of "{{ title }}" ({{ requestNumber }}) have signed: it is your turn. Open the link from the first message (valid until {{ expiresAt }}).',
  'zh-CN':
    '{{ signerName }}，「{{ title }}」（{{ requestNumber }}）的前序签署人已签署，现在轮到您。请打开第一封消息中的链接（有效期至 {{ expiresAt }}）。',
  he: '{{ signerName }}, החותמים הקודמים על "{{ title }}" ({{ requestNumber }}) חתמו: תורך לחתום. יש לפתוח את הקישור מההודעה הראשונה (בתוקף עד {{ expiresAt }}).',
} as const;
const turnSubject = {
  en: 'Your turn to sign: {{ title }}',
  'zh-CN': '轮到您签署：{{ title }}',
  he: 'תורך לחתום: {{ title }}',
} as const;
// Internal signers sign from their account: the in-app notice opens the request in the app.
const internalTurnText = {
  en: '{{ signerName }}, it is your turn to sign "{{ title }}" ({{ requestNumber }}). Open the request in SignX and sign from your account (before {{ expiresAt }}).',
  'zh-CN':
    '{{ signerName }}，轮到您签署「{{ title }}」（{{ requestNumber }}）。请在 SignX 中打开该请求，用您的账号签署（截止 {{ expiresAt }}）。',
  he: '{{ signerName }}, תורך לחתום על "{{ title }}" ({{ requestNumber }}). יש לפתוח את הבקשה ב-SignX ולחתום מהחשבון שלך (עד {{ expiresAt }}).',
} as const;
const overdueText = {
  en: '"{{ title }}" ({{ requestNumber }}) is overdue: {{ why }}.',
  'zh-CN': '「{{ title }}」（{{ requestNumber }}）已逾期：{{ why }}。',
  he: '"{{ title }}" ({{ requestNumber }}) באיחור: {{ why }}.',
} as const;
const overdueSubject = {
  en: 'Overdue: {{ title }}',
  'zh-CN': '逾期：{{ title }}',
  he: 'באיחור: {{ title }}',
} as const;
const locales = ['en', 'zh-CN', 'he'] as const;

const variants = (
  text: Record<(typeof locales)[number], string>,
  subject: Record<(typeof locales)[number], string>,
  withSms: boolean,
) =>
  locales.flatMap((locale) => [
    {
      channel: 'email' as const,
      locale,
      subject: subject[locale],
      body: `<p>${text[locale]}</p>`,
      text: text[locale],
    },
    { channel: 'in_app' as const, locale, subject: subject[locale], body: text[locale] },
    ...(withSms ? [{ channel: 'sms' as const, locale, body: text[locale] }] : []),
  ]);
const common = {
  category: 'signing',
  is_transactional: true,
  is_sensitive: false,
  default_locale: 'en' as const,
};
const base = [
  { name: 'title', sample: 'חוזה שירות שנתי' },
  { name: 'requestNumber', sample: 'SIG-REQ-2026-00001' },
];

const templates: (TemplateDraft & { code: string })[] = [
  {
    code: 'signing.your-turn',
    name: 'Your turn to sign',
    ...common,
    variables: [
      ...base,
      { name: 'signerName', sample: 'ישראל ישראלי' },
      { name: 'expiresAt', sample: '2026-12-10T08:00:00.000Z' },
    ],
    variants: variants(turnText, turnSubject, true),
  },
  {
    code: 'signing.your-turn-internal',
    name: 'Your turn to sign (internal signer, in-app)',
    ...common,
    inbox_kind: 'task',
    variables: [
      ...base,
      { name: 'signerName', sample: '王经理' },
      { name: 'expiresAt', sample: '2026-12-10T08:00:00.000Z' },
      {
        name: 'requestId',
        description: 'Opens the request page',
        sample: '019a0000-0000-7000-8000-000000000001',
      },
    ],
    variants: locales.map((locale) => ({
      channel: 'in_app' as const,
      locale,
      subject: turnSubject[locale],
      body: internalTurnText[locale],
      link: '/signing/requests/{{ requestId }}',
    })),
  },
  {
    code: 'signing.overdue',
    name: 'Signing request overdue (to the owner)',
    ...common,
    variables: [
      ...base,
      { name: 'why', description: 'What is late, in words', sample: 'expires 2026-12-10T08:00Z' },
    ],
    variants: variants(overdueText, overdueSubject, false),
  },
];
provideTemplates('signing', templates);

/** Tells a signer it is their turn, by every channel they have an address for. */
export async function sendYourTurn(
  trx: Trx,
  ctx: Parameters<typeof notifications.send>[1],
  actor: Actor,
  request: RequestRow,
  signer: SignerRow,
) {
  const locale = request.language;
  const phone = signer.signer_phone?.replace(/[\s()-]/g, '');
  const targets: ['email' | 'sms', { type: string; address: string }][] = [];
  if (signer.signer_email) targets.push(['email', { type: 'email', address: signer.signer_email }]);
  if (phone) targets.push(['sms', { type: 'phone', address: phone }]);
  for (const [channel, to] of targets)
    await notifications.send(trx, ctx, actor, {
      template: 'signing.your-turn',
      channels: [channel],
      recipients: [{ ...to, name: signer.signer_name, locale }],
      priority: 'high',
      params: {
        signerName: signer.signer_name,
        title: request.title,
        requestNumber: request.request_number,
        expiresAt: request.expires_at ?? '',
      },
    });
}

/**
 * Tells an internal signer (an account, `user_id`) it is their turn: an in-app notice linking
 * to the request page, in the user's own notification language (the center takes a user's
 * locale from their preferences; the request's language is only a hint for raw addresses).
 */
export async function sendYourTurnInApp(
  trx: Trx,
  ctx: Parameters<typeof notifications.send>[1],
  actor: Actor,
  request: RequestRow,
  signer: SignerRow,
) {
  if (!signer.user_id) return;
  await notifications.send(trx, ctx, actor, {
    template: 'signing.your-turn-internal',
    channels: ['in_app'],
    recipients: [{ type: 'user', id: signer.user_id, locale: request.language }],
    priority: 'high',
    params: {
      signerName: signer.signer_name,
      title: request.title,
      requestNumber: request.request_number,
      expiresAt: request.expires_at ?? '',
      requestId: request.id,
    },
  });
}

/** Alerts the request's owner (in-app and e-mail) that it is overdue. */
export async function sendOverdue(
  trx: Trx,
  ctx: Parameters<typeof notifications.send>[1],
  actor: Actor,
  request: RequestRow,
  why: string,
) {
  if (!request.requested_by) return;
  await notifications.send(trx, ctx, actor, {
    template: 'signing.overdue',
    channels: ['in_app', 'email'],
    recipients: [{ type: 'user', id: request.requested_by, locale: request.language }],
    priority: 'high',
    params: { title: request.title, requestNumber: request.request_number, why },
  });
}
