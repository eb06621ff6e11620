import type { Actor } from '../../../platform/actor.js';
import type { Trx } from '../../../platform/db/schema.js';
import { invalid } from '../../../platform/errors.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import type { Channel } from '../notifications.tables.js';
import type { RecipientRef } from '../sending/recipient-sources.js';
import { sendNotification } from '../sending/send.service.js';
import type { TemplateVariant } from '../templates/template-model.js';
import { findTemplateByCode } from '../templates/templates.repository.js';
import { createTemplate } from '../templates/templates.service.js';

const code = 'system.channel-test';
const text = 'SignX test message from ${appName}: this channel works. {{ note }}';
const variants: TemplateVariant[] = [
  { channel: 'email', locale: 'en', subject: 'SignX channel test', body: `<p>${text}</p>` },
  { channel: 'sms', locale: 'en', body: text },
  { channel: 'in_app', locale: 'en', subject: 'Channel test', body: text },
  { channel: 'dingtalk', locale: 'en', body: text },
  { channel: 'feishu', locale: 'en', body: text },
  { channel: 'wecom', locale: 'en', body: text },
  { channel: 'webhook', locale: 'en', subject: 'Channel test', body: text },
];

/**
 * The setup page's "send test": a real message through the normal path (template, send
 * log, dispatcher) to a group, an address or the administrator themself, so a wrong key or
 * URL shows up in the send log exactly as it would for real messages.
 */
export async function sendTest(
  trx: Trx,
  deps: NotificationsDeps,
  actor: Actor,
  input: { channel: Channel; group?: string; address?: string },
) {
  if (!(await findTemplateByCode(trx, code))) {
    await createTemplate(trx, deps, actor, {
      code,
      name: 'Channel test',
      category: 'system',
      is_transactional: true,
      default_locale: 'en',
      variables: [{ name: 'note', required: false, sample: '' }],
      variants,
      note: 'Built in: used by “send test”',
    });
  }
  const recipients: RecipientRef[] = [];
  if (input.group) recipients.push({ type: 'group', code: input.group });
  else if (input.address)
    recipients.push({ type: input.channel === 'sms' ? 'phone' : 'email', address: input.address });
  else if (actor.userId) recipients.push({ type: 'user', id: actor.userId });
  else throw invalid('group', 'name a group or an address');
  return sendNotification(trx, deps, actor, {
    template: code,
    channels: [input.channel],
    recipients,
    params: { note: `(${deps.clock.now().toISOString()})` },
    priority: 'urgent',
  });
}
