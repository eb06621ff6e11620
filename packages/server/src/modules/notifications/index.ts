import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { mountRoutes } from '../../platform/http/route.js';
import type { ModuleDefinition } from '../../platform/module.js';
import { deliverJob, digestJob, sweepJob, sweepSchedule } from './dispatch/deliver.jobs.js';
import {
  notificationsAuditEvents,
  notificationsPermissions,
  notificationsTag,
} from './notifications.catalogue.js';
import { notificationsDeps } from './notifications.deps.js';
import { notificationsErrors } from './notifications.errors.js';
import { notificationRoutes } from './notifications.routes.js';
import { profilesOf } from './preferences/profiles.repository.js';
import { sendNotification } from './sending/send.service.js';
import type { SendRequest, SendResult } from './sending/send-request.js';

export type { Person, RecipientRef, RecipientSource } from './sending/recipient-sources.js';
export { provideRecipientSource } from './sending/recipient-sources.js';
export type { SendRequest, SendResult } from './sending/send-request.js';
export { provideTemplates } from './templates/provided-templates.js';
export type { TemplateDraft } from './templates/template-model.js';

/**
 * The notification center's public face. Every module sends through `notifications.send`
 * and nothing else: in the caller's transaction, by template code, to people (users,
 * roles, departments, a project's team), raw addresses or robot groups, on the channels it
 * names. Modules that own people register a recipient source with `provideRecipientSource`.
 */
export const notifications = {
  send(trx: Trx, ctx: AppContext, actor: Actor, request: SendRequest): Promise<SendResult> {
    return sendNotification(trx, notificationsDeps(ctx), actor, request);
  },
  /** A user's IM id on a provider, from their notification profile (null when unset). */
  async imUserId(db: DbOrTrx, userId: string, provider: ImProvider): Promise<string | null> {
    const profile = (await profilesOf(db, [userId])).get(userId);
    return profile?.[`${provider}_id`] || null;
  },
};

export type ImProvider = 'dingtalk' | 'feishu' | 'wecom';

export const notificationsModule: ModuleDefinition = {
  name: 'notifications',
  tags: [notificationsTag],
  permissions: notificationsPermissions,
  auditEvents: notificationsAuditEvents,
  errors: notificationsErrors,
  jobs: [deliverJob, digestJob, sweepJob],
  schedules: [sweepSchedule],
  routes: async (api, ctx) =>
    notificationRoutes(api, notificationsDeps(ctx), (scope, routes) =>
      mountRoutes(scope, notificationsTag, routes),
    ),
};
