import type { Actor } from '../../../platform/actor.js';
import type { Trx } from '../../../platform/db/schema.js';
import type { notifications } from '../../notifications/index.js';
import { provideTemplates, type TemplateDraft } from '../../notifications/index.js';
import { emailAndSmsVariants, sendOnChannel } from '../signing-messages.js';

/**
 * Seed 004 use case 3: after signing in the shop, the customer receives the verification
 * link of their signature by SMS (or email), in the request's language.
 */
const text = {
  en: '{{ signerName }}, you signed "{{ title }}" ({{ signatureNumber }}). Verify it at any time: {{ link }}',
  'zh-CN': '{{ signerName }}，您已签署「{{ title }}」（{{ signatureNumber }}）。可随时验证：{{ link }}',
  he: '{{ signerName }}, חתמת על "{{ title }}" ({{ signatureNumber }}). לאימות החתימה: {{ link }}',
} as const;
const subject = {
  en: 'Your signature: {{ title }}',
  'zh-CN': '您的签名：{{ title }}',
  he: 'החתימה שלך: {{ title }}',
} as const;

const templates: (TemplateDraft & { code: string })[] = [
  {
    code: 'signing.in-person-verification',
    name: 'Verification link after in-person signing',
    category: 'signing',
    is_transactional: true,
    is_sensitive: false,
    default_locale: 'en',
    variables: [
      { name: 'signerName', sample: 'ישראל ישראלי' },
      { name: 'title', sample: 'קבלת תיקון' },
      { name: 'signatureNumber', sample: 'SIG-2026-00001' },
      {
        name: 'link',
        description: 'The public verification page of the signature',
        sample: 'https://sign.example.com/verify/SIG-2026-00001',
      },
    ],
    variants: emailAndSmsVariants(text, subject),
  },
];
provideTemplates('signing', templates);

export async function sendVerificationLink(
  trx: Trx,
  ctx: Parameters<typeof notifications.send>[1],
  actor: Actor,
  input: {
    channel: 'sms' | 'email';
    address: string;
    name: string;
    locale: string;
    params: { signerName: string; title: string; signatureNumber: string; link: string };
  },
): Promise<void> {
  await sendOnChannel(trx, ctx, actor, {
    template: 'signing.in-person-verification',
    channel: input.channel,
    // an SMS gateway wants the bare number
    address: input.channel === 'sms' ? input.address.replace(/[\s()-]/g, '') : input.address,
    name: input.name,
    locale: input.locale,
    priority: 'high',
    params: input.params,
  });
}
