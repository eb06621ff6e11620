import { pageSchema } from '../../../platform/db/pagination.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { notificationsPermissions as permissions } from '../notifications.catalogue.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import { notificationsErrors as errors } from '../notifications.errors.js';
import { presentAttempt, presentDelivery } from './log.presenter.js';
import * as s from './log.schemas.js';
import { deliveryDetail, deliveryStatistics, listDeliveries, resendDelivery } from './log.service.js';

/** The send log (message × recipient × channel), dead letters, resend and statistics. */
export function logRoutes(deps: NotificationsDeps): RouteDefinition[] {
  const read = permissions.access('notifications.log.read');
  return [
    defineRoute({
      method: 'GET',
      url: '/notifications/deliveries',
      access: read,
      summary: 'The send log, filtered',
      description: 'status=dead lists the dead letters.',
      querystring: s.logQuery,
      response: pageSchema(s.deliveryView),
      handler: async (request) => {
        const { page, page_size, sort, ...filter } = request.query;
        const result = await listDeliveries(deps.db, filter, { page, page_size, sort });
        return { ...result, items: result.items.map(presentDelivery) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/notifications/deliveries/:id',
      access: read,
      summary: 'One delivery with every attempt',
      params: s.deliveryParams,
      response: s.deliveryDetailView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const { row, attempts } = await deliveryDetail(deps.db, request.params.id);
        return { delivery: presentDelivery(row), attempts: attempts.map(presentAttempt) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/deliveries/:id/resend',
      access: permissions.access('notifications.log.resend'),
      summary: 'Send a failed or dead delivery again',
      params: s.deliveryParams,
      response: s.deliveryView,
      errors: ['NOT_FOUND', errors.NOT_RESENDABLE],
      handler: async (request) =>
        presentDelivery(
          await inTransaction(deps.db, (trx) =>
            resendDelivery(trx, deps, actorOf(request), request.params.id),
          ),
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/notifications/stats',
      access: read,
      summary: 'Delivery statistics per day, channel and template',
      querystring: s.statsQuery,
      response: s.statsView,
      handler: async (request) => deliveryStatistics(deps.db, request.query.from, request.query.to),
    }),
  ];
}
