import { Type } from '@sinclair/typebox';
import { type AuditEventOf, defineAuditEventTypes } from '../../platform/catalogues/audit-event-catalogue.js';
import { definePermissions } from '../../platform/catalogues/permission-catalogue.js';
import type { ModuleTag } from '../../platform/module.js';

/**
 * Everything the notifications module adds to the platform's catalogues: the OpenAPI tag,
 * the permissions its routes check and the audit event types its services record. The
 * inbox and a user's own preferences need no permission beyond being signed in.
 */
export const notificationsTag: ModuleTag = {
  name: 'notifications',
  description:
    'Notification center: templates (code × channel × locale, versions), sending on email, SMS,' +
    ' in-app, DingTalk/Feishu/WeCom robots and webhooks, the send log, preferences and the inbox',
};

export const notificationsPermissions = definePermissions('notifications', {
  'notifications.message.send': { description: 'Send notifications through the API' },
  'notifications.template.read': { description: 'List, view and preview message templates' },
  'notifications.template.manage': { description: 'Create, edit, roll back and disable message templates' },
  'notifications.log.read': { description: 'Read the send log, dead letters and delivery statistics' },
  'notifications.log.resend': { description: 'Resend failed or dead-lettered deliveries' },
  'notifications.channel.read': { description: 'See channel setup: SMS providers, robot groups, webhooks' },
  'notifications.channel.manage': { description: 'Configure SMS providers, robots and webhooks; send tests' },
  'notifications.word.manage': { description: 'Manage the sensitive-word list' },
});
export const can = notificationsPermissions.codes;

const template = { entityType: 'notification_template' };
const code = Type.String({ description: 'Template code' });
const version = Type.Integer({ description: 'Template version' });

export const notificationsAuditEvents = defineAuditEventTypes('notifications', {
  'template.created': {
    description: 'A message template was created',
    ...template,
    payload: Type.Object({ code, version }),
  },
  'template.saved': {
    description: 'A new version of a template was saved',
    ...template,
    payload: Type.Object({ code, version }),
  },
  'template.rolled_back': {
    description: 'A template was rolled back: an earlier version became a new current version',
    ...template,
    payload: Type.Object({ code, version, from_version: version }),
  },
  'template.status_changed': {
    description: 'A template was enabled or disabled',
    ...template,
    payload: Type.Object({ code, status: Type.String({ description: 'active or disabled' }) }),
  },
  'message.sent': {
    description: 'A notification was submitted through the API',
    entityType: 'notification_message',
    payload: Type.Object({
      template: code,
      channels: Type.Array(Type.String(), { description: 'Requested channels' }),
      recipients: Type.Integer({ description: 'Deliveries created' }),
    }),
  },
  'delivery.resent': {
    description: 'A failed or dead-lettered delivery was sent again',
    entityType: 'notification_delivery',
    payload: Type.Object({ channel: Type.String({ description: 'Channel' }) }),
  },
  'channel.changed': {
    description: 'A provider, robot group, robot or webhook was created, changed or removed',
    entityType: 'notification_channel',
    payload: Type.Object({
      what: Type.String({ description: 'provider, group or endpoint' }),
      action: Type.String({ description: 'created, updated or deleted' }),
      name: Type.String({ description: 'Its name or code' }),
    }),
  },
  'words.changed': {
    description: 'The sensitive-word list changed',
    entityType: 'notification_words',
    payload: Type.Object({
      added: Type.Integer({ description: 'Words added or changed' }),
      removed: Type.Integer({ description: 'Words removed' }),
    }),
  },
  'preference.unsubscribed': {
    description: 'A recipient unsubscribed from a category through an unsubscribe link',
    entityType: 'user',
    payload: Type.Object({ category: Type.String({ description: 'Category' }), channel: Type.String() }),
  },
});

/** The module's audit events as a discriminated union on `type`. */
export type NotificationsAuditEvent = AuditEventOf<typeof notificationsAuditEvents>;
