import { type Actor, systemActor } from '../../../platform/actor.js';
import { newId } from '../../../platform/db/ids.js';
import { encodeJson } from '../../../platform/db/json-codec.js';
import type { Trx } from '../../../platform/db/schema.js';
import { domainError, invalid } from '../../../platform/errors.js';
import { enqueueDeliveries } from '../dispatch/deliver.jobs.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import { notificationsErrors } from '../notifications.errors.js';
import type { Channel } from '../notifications.tables.js';
import { seal } from '../sealed.js';
import { defaultGroups, type GroupRow } from '../setup/groups.repository.js';
import { robotChannels } from '../templates/channel-format.js';
import { providedTemplate } from '../templates/provided-templates.js';
import { findTemplateWithCurrent, findVersion } from '../templates/templates.repository.js';
import { createTemplate } from '../templates/templates.service.js';
import { addressOf, type BuildContext, deliveryRow, failedRow, withContent } from './delivery-builder.js';
import * as messages from './messages.repository.js';
import { resolveRecipients, type Target } from './recipients.js';
import type { SendRequest, SendResult, SubmittedDelivery } from './send-request.js';

/**
 * Sends a message: in the caller's transaction it renders every recipient × channel,
 * writes the message and its deliveries (the send log) and enqueues their delivery jobs,
 * so the notification exists exactly when the business change that caused it does. A
 * recipient who cannot get a channel (no address, missing variable, blocked word) gets a
 * failed delivery with the reason; the others are queued. Preferences, quiet hours and
 * limits are applied later, when each delivery is dispatched.
 */
export async function sendNotification(
  trx: Trx,
  deps: NotificationsDeps,
  actor: Actor,
  request: SendRequest,
): Promise<SendResult> {
  const channels = [...new Set(request.channels)];
  if (channels.length === 0) throw invalid('channels', 'name at least one channel');
  if (request.recipients.length === 0) throw invalid('recipients', 'name at least one recipient');
  if (request.dedupe_key) {
    const earlier = await messages.findMessageByDedupeKey(trx, request.dedupe_key);
    if (earlier) return summary(earlier.id, false, await messages.deliveriesOfMessage(trx, earlier.id));
  }
  // The template and its current content in one read; a provided template is installed on first use.
  const found = await findTemplateWithCurrent(trx, request.template);
  const template = found?.template ?? (await installProvided(trx, deps, request.template));
  if (template?.status !== 'active') {
    throw domainError(
      notificationsErrors.TEMPLATE_NOT_FOUND,
      `No active template has code ${request.template}`,
    );
  }
  const versionRow = found ? found.current : await findVersion(trx, template.id, template.current_version);
  if (!versionRow)
    throw domainError(notificationsErrors.TEMPLATE_NOT_FOUND, `Template ${template.code} has no content`);
  const params = request.params ?? {};
  const now = deps.clock.now().toISOString();
  const message: messages.MessageRow = {
    id: newId(),
    template_id: template.id,
    template_code: template.code,
    template_version: template.current_version,
    category: template.category,
    priority: request.priority ?? 'normal',
    channels: encodeJson(channels),
    params: template.is_sensitive === 1 ? seal(deps.keys.seal, encodeJson(params)) : encodeJson(params),
    is_sensitive: template.is_sensitive,
    dedupe_key: request.dedupe_key ?? null,
    sender_type: actor.type,
    sender_id: actor.id,
    recipient_count: 0,
    created_at: now,
  };
  const bc: BuildContext = {
    engine: deps.engine,
    template,
    version: deps.templates.get(versionRow),
    message,
    params,
    filter: await deps.words.current(trx),
    sealKey: deps.keys.seal,
    publicUrl: deps.publicUrl,
    attachments: request.attachments ?? [],
    now,
  };
  const resolution = await resolveRecipients(trx, deps.sources, request.recipients);
  const rows: messages.DeliveryRow[] = [];
  for (const problem of resolution.problems) {
    for (const channel of channels) rows.push(failedRow(bc, channel, problem.recipient, problem.error));
  }
  const fallbackGroups = await defaultGroups(
    trx,
    channels.filter((c) => !isPersonal(c)),
  );
  for (const channel of channels) {
    if (isPersonal(channel))
      rows.push(...resolution.people.map((target) => personDelivery(bc, target, channel)));
    else {
      const named = resolution.groups.filter((g) => g.channel === channel);
      const groups = named.length > 0 ? named : fallbackGroups.filter((g) => g.channel === channel);
      rows.push(...groupDeliveries(bc, channel, groups, resolution.people));
    }
  }
  message.recipient_count = rows.length;
  await messages.insertMessage(trx, message);
  await messages.insertDeliveries(trx, rows);
  await enqueueDeliveries(
    trx,
    deps,
    rows.filter((r) => r.status === 'queued'),
    message.priority,
  );
  return summary(message.id, true, rows);
}

/** A template a module ships, created on its first use (in the sender's transaction). */
async function installProvided(trx: Trx, deps: NotificationsDeps, code: string) {
  const draft = providedTemplate(code);
  if (!draft) return undefined;
  return (await createTemplate(trx, deps, systemActor('notifications.templates'), draft)).template;
}

const isPersonal = (channel: Channel) => channel === 'email' || channel === 'sms' || channel === 'in_app';

function scopeFor(bc: BuildContext, name: string, target: Partial<Target>, locale: string) {
  return {
    ...bc.params,
    ...(target.params ?? {}),
    userName: name,
    recipient: { name, email: target.email ?? null, phone: target.phone ?? null, locale },
    locale,
    appName: 'SignX',
    messageLink: `${bc.publicUrl}/notifications`,
  };
}

function personDelivery(bc: BuildContext, target: Target, channel: Channel): messages.DeliveryRow {
  const locale = target.locale ?? bc.template.default_locale;
  const fields = { user_id: target.user_id, recipient_name: target.name.slice(0, 200), locale };
  const reach = addressOf(target, channel);
  if ('error' in reach) return failedRow(bc, channel, target.key, `${target.name} ${reach.error}`, fields);
  const row = deliveryRow(bc, channel, target.key, { ...fields, address: reach.address });
  return withContent(bc, row, scopeFor(bc, target.name, target, locale), {
    ...(channel === 'email' && bc.attachments.length > 0 ? { attachments: bc.attachments } : {}),
    ...(channel === 'email'
      ? { unsubscribe: bc.template.is_transactional !== 1 && target.user_id !== null }
      : {}),
    ...(channel === 'in_app' ? { inbox_kind: bc.template.inbox_kind } : {}),
  });
}

/** Robot and webhook channels post to groups; people are @mentioned (robots) or listed (webhooks). */
function groupDeliveries(
  bc: BuildContext,
  channel: Channel,
  groups: GroupRow[],
  people: Target[],
): messages.DeliveryRow[] {
  const rows: messages.DeliveryRow[] = [];
  const mentioned: Target[] = [];
  for (const person of people) {
    if (!robotChannels.includes(channel)) mentioned.push(person);
    else {
      const reach = addressOf(person, channel);
      if ('error' in reach)
        rows.push(
          failedRow(bc, channel, person.key, `${person.name} ${reach.error}`, { user_id: person.user_id }),
        );
      else mentioned.push(person);
    }
  }
  if (groups.length === 0) {
    rows.push(
      failedRow(bc, channel, `${channel}:default`, `no ${channel} group was named and none is the default`),
    );
    return rows;
  }
  const names = mentioned.map((p) => p.name);
  const mentions = {
    ids: mentioned.map((p) => p[channel as 'dingtalk' | 'feishu' | 'wecom'] ?? '').filter(Boolean),
    mobiles: mentioned
      .filter((p) => !p[channel as 'dingtalk' | 'feishu' | 'wecom'] && p.phone)
      .map((p) => p.phone as string),
    names,
  };
  for (const group of groups) {
    const row = deliveryRow(bc, channel, `group:${group.code}`, {
      address: group.id,
      recipient_name: group.name,
    });
    const scope = scopeFor(bc, names.length > 0 ? names.join(', ') : group.name, {}, row.locale);
    rows.push(
      withContent(bc, row, scope, {
        group_id: group.id,
        ...(robotChannels.includes(channel) ? { mentions } : {}),
        ...(channel === 'webhook'
          ? { recipients: mentioned.map((p) => ({ user_id: p.user_id, name: p.name })) }
          : {}),
      }),
    );
  }
  return rows;
}

function summary(messageId: string, isNew: boolean, rows: messages.DeliveryRow[]): SendResult {
  const deliveries: SubmittedDelivery[] = rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    recipient: r.recipient_key,
    status: r.status === 'failed' || r.status === 'dead' ? 'failed' : 'queued',
    error: r.status === 'failed' ? r.last_error : null,
  }));
  const failed = deliveries.filter((d) => d.status === 'failed').length;
  return { message_id: messageId, is_new: isNew, queued: deliveries.length - failed, failed, deliveries };
}
