import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { notificationsPermissions as permissions } from '../notifications.catalogue.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import { notificationsErrors as errors } from '../notifications.errors.js';
import { fullMessageView, sendBody, sendResultView, viewParams } from './send.schemas.js';
import { fullMessage, storeInlineImages, submitThroughApi } from './submit.service.js';

/** Sending through the API, and the public full-message link of truncated posts. */
export function sendRoutes(deps: NotificationsDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/notifications/send',
      access: permissions.access('notifications.message.send'),
      summary: 'Send a message by template to people, addresses or groups',
      description:
        'Answers 202 with one entry per recipient × channel: queued, or failed with the reason (no address,' +
        ' missing variable, blocked word). Preferences, quiet hours and limits apply when each is dispatched.',
      body: sendBody,
      response: sendResultView,
      status: 202,
      idempotent: true,
      errors: [errors.TEMPLATE_NOT_FOUND],
      handler: async (request) => {
        const { images, ...message } = request.body;
        const attachments = await storeInlineImages(deps, images ?? []);
        return inTransaction(deps.db, (trx) =>
          submitThroughApi(trx, deps, actorOf(request), { ...message, attachments }),
        );
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/notifications/view/:token',
      access: {
        public: true,
        reason: 'The full text of a message a channel had to cut; the token is the capability',
      },
      summary: 'Read the full text of a truncated message',
      params: viewParams,
      response: fullMessageView,
      errors: ['NOT_FOUND'],
      handler: async (request) => fullMessage(deps.db, request.params.token),
    }),
  ];
}
