import type { Actor } from '../../../platform/actor.js';
import type { Trx } from '../../../platform/db/schema.js';
import type { notifications } from '../../notifications/index.js';
import { provideTemplates, type TemplateDraft } from '../../notifications/index.js';
import type { RequestRow, SignerRow } from '../requests.repository.js';
import { emailAndSmsVariants, sendOnChannel } from '../signing-messages.js';

/**
 * The one-time code of a request's second factor, by email or SMS through the notification
 * center, in the request's language. Sensitive: sealed in the send log, erased once delivered.
 */
const text = {
  en: 'Your code to open "{{ title }}" ({{ requestNumber }}): {{ code }}. It expires in {{ minutes }} minutes. Do not share it.',
  'zh-CN':
    '打开「{{ title }}」（{{ requestNumber }}）的验证码：{{ code }}，{{ minutes }} 分钟内有效。请勿告知他人。',
  he: 'הקוד לפתיחת "{{ title }}" ({{ requestNumber }}): {{ code }}. בתוקף {{ minutes }} דקות. אין למסור אותו לאחרים.',
} as const;
const subject = { en: 'Your signing code', 'zh-CN': '您的签署验证码', he: 'קוד החתימה שלך' } as const;

const templates: (TemplateDraft & { code: string })[] = [
  {
    code: 'signing.access-code',
    name: 'Signing second factor code',
    category: 'signing',
    is_transactional: true,
    is_sensitive: true,
    default_locale: 'en',
    variables: [
      { name: 'title', sample: 'חוזה שירות שנתי' },
      { name: 'requestNumber', sample: 'SIG-REQ-2026-00001' },
      { name: 'code', description: 'The one-time code (secret)', sample: '123456' },
      { name: 'minutes', sample: 10 },
    ],
    variants: emailAndSmsVariants(text, subject),
  },
];
provideTemplates('signing', templates);

/** Sends the code to the signer's e-mail or phone (the factor decides which). */
export async function sendAccessCode(
  trx: Trx,
  ctx: Parameters<typeof notifications.send>[1],
  actor: Actor,
  input: {
    request: RequestRow;
    signer: SignerRow;
    channel: 'email' | 'sms';
    address: string;
    code: string;
    minutes: number;
  },
): Promise<void> {
  await sendOnChannel(trx, ctx, actor, {
    template: 'signing.access-code',
    channel: input.channel,
    address: input.address,
    name: input.signer.signer_name,
    locale: input.request.language,
    priority: 'urgent',
    params: {
      title: input.request.title,
      requestNumber: input.request.request_number,
      code: input.code,
      minutes: input.minutes,
    },
  });
}
