import type { FastifyInstance } from 'fastify';
import type { RouteDefinition } from '../../platform/http/route.js';
import { inboxRoutes } from './inbox/inbox.routes.js';
import { logRoutes } from './log/log.routes.js';
import type { NotificationsDeps } from './notifications.deps.js';
import { acceptFormBodies, preferenceRoutes } from './preferences/preferences.routes.js';
import { acceptReceiptForms, receiptRoutes } from './receipts/receipts.routes.js';
import { sendRoutes } from './sending/send.routes.js';
import { setupRoutes } from './setup/setup.routes.js';
import { templateRoutes } from './templates/templates.routes.js';
import { wordRoutes } from './words/words.routes.js';

/**
 * Mounts every route of the module. The preference routes and the delivery receipts live in
 * scopes of their own, the only ones that accept form bodies (a mail client's one-click
 * unsubscribe POST, Twilio's status callbacks).
 */
export async function notificationRoutes(
  api: FastifyInstance,
  deps: NotificationsDeps,
  mount: (scope: FastifyInstance, routes: RouteDefinition[]) => void,
): Promise<void> {
  mount(api, [
    ...templateRoutes(deps),
    ...sendRoutes(deps),
    ...inboxRoutes(deps),
    ...logRoutes(deps),
    ...setupRoutes(deps),
    ...wordRoutes(deps),
  ]);
  await api.register(async (scope) => {
    acceptFormBodies(scope);
    mount(scope, preferenceRoutes(deps));
  });
  await api.register(async (scope) => {
    acceptReceiptForms(scope);
    mount(scope, receiptRoutes(deps));
  });
}
