import type { Actor } from '../../platform/actor.js';
import type { Trx } from '../../platform/db/schema.js';
import {
  notifications,
  provideTemplates,
  type RecipientRef,
  type TemplateDraft,
} from '../notifications/index.js';
import type { RequestRow, SignerRow } from './requests.repository.js';

/**
 * The signing links go out through the notification center (email and/or SMS), in the
 * sending transaction, localized (en, zh-CN, he) from the request's language. The link is a
 * secret: the templates are sensitive (sealed in the send log, erased once delivered).
 */
const text = {
  en: '{{ signerName }}, you are asked to sign "{{ title }}" ({{ requestNumber }}).{% if waiting %} You can sign once the earlier signers have signed.{% endif %}\nOpen: {{ link }}\nThe link expires {{ expiresAt }}.',
  'zh-CN':
    '{{ signerName }}，请签署「{{ title }}」（{{ requestNumber }}）。{% if waiting %}前序签署人签署后您即可签署。{% endif %}\n打开：{{ link }}\n链接有效期至 {{ expiresAt }}。',
  he: '{{ signerName }}, התבקשת לחתום על "{{ title }}" ({{ requestNumber }}).{% if waiting %} ניתן יהיה לחתום לאחר החותמים הקודמים.{% endif %}\nקישור: {{ link }}\nהקישור בתוקף עד {{ expiresAt }}.',
} as const;
const subject = {
  en: 'Please sign: {{ title }}',
  'zh-CN': '请签署：{{ title }}',
  he: 'נא לחתום: {{ title }}',
} as const;
const locales = ['en', 'zh-CN', 'he'] as const;
type Localized = Record<(typeof locales)[number], string>;

/**
 * The email and SMS variants of one signing message in every language the module speaks:
 * the SMS is the text, the email the same text as HTML (line breaks kept) under `subject`.
 */
export function emailAndSmsVariants(text: Localized, subject: Localized): TemplateDraft['variants'] {
  return locales.flatMap((locale) => [
    {
      channel: 'email' as const,
      locale,
      subject: subject[locale],
      body: `<p>${text[locale].replace(/\n/g, '<br>')}</p>`,
      text: text[locale],
    },
    { channel: 'sms' as const, locale, body: text[locale] },
  ]);
}

/** Sends one signing message to one address on one channel (e-mail, or SMS to a phone). */
export async function sendOnChannel(
  trx: Trx,
  ctx: Parameters<typeof notifications.send>[1],
  actor: Actor,
  input: {
    template: string;
    channel: 'email' | 'sms';
    address: string;
    name: string;
    locale: string;
    priority: 'urgent' | 'high';
    params: Record<string, unknown>;
  },
): Promise<void> {
  await notifications.send(trx, ctx, actor, {
    template: input.template,
    channels: [input.channel],
    recipients: [
      {
        type: input.channel === 'email' ? 'email' : 'phone',
        address: input.address,
        name: input.name,
        locale: input.locale,
      },
    ],
    priority: input.priority,
    params: input.params,
  });
}

const templates: (TemplateDraft & { code: string })[] = [
  {
    code: 'signing.request-link',
    name: 'Signing link (external signer)',
    category: 'signing',
    is_transactional: true,
    is_sensitive: true,
    default_locale: 'en',
    variables: [
      { name: 'signerName', sample: 'ישראל ישראלי' },
      { name: 'title', sample: 'חוזה שירות שנתי' },
      { name: 'requestNumber', sample: 'SIG-REQ-2026-00001' },
      {
        name: 'link',
        description: 'The signer’s own link (secret)',
        sample: 'https://sign.example.com/sign/…',
      },
      { name: 'expiresAt', sample: '2026-12-10T08:00:00.000Z' },
      { name: 'waiting', description: 'True when earlier signers sign first', sample: false },
    ],
    variants: emailAndSmsVariants(text, subject),
  },
];
provideTemplates('signing', templates);

/** Sends one signer their link by every channel they have an address for (none: nothing sent). */
export async function sendSigningLink(
  trx: Trx,
  ctx: Parameters<typeof notifications.send>[1],
  actor: Actor,
  input: { request: RequestRow; signer: SignerRow; link: string; expiresAt: string; waiting: boolean },
): Promise<void> {
  const { signer, request } = input;
  const locale = request.language;
  const params = {
    signerName: signer.signer_name,
    title: request.title,
    requestNumber: request.request_number,
    link: input.link,
    expiresAt: input.expiresAt,
    waiting: input.waiting,
  };
  const priority = request.priority === 'urgent' ? ('urgent' as const) : ('high' as const);
  const phone = signer.signer_phone?.replace(/[\s()-]/g, '');
  const sends: ['email' | 'sms', RecipientRef][] = [];
  if (signer.signer_email)
    sends.push(['email', { type: 'email', address: signer.signer_email, name: signer.signer_name, locale }]);
  if (phone) sends.push(['sms', { type: 'phone', address: phone, name: signer.signer_name, locale }]);
  for (const [channel, recipient] of sends)
    await notifications.send(trx, ctx, actor, {
      template: 'signing.request-link',
      channels: [channel],
      recipients: [recipient],
      priority,
      params,
    });
}
