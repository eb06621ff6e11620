import { Type } from '@sinclair/typebox';
import { pageSchema } from '../../../platform/db/pagination.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf } from '../../../platform/http/access.js';
import { defineFileRoute, defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { announceInboxChanged } from '../channels/in-app.provider.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import { presentInboxItem } from './inbox.presenter.js';
import * as s from './inbox.schemas.js';
import { deleteInboxItem, listInbox, markInboxRead, ownerOf, unreadSummary } from './inbox.service.js';
import { streamInbox } from './inbox-stream.js';

/** The signed-in user's in-app messages (站内信): list, unread counts, mark read, live stream. */
export function inboxRoutes(deps: NotificationsDeps): RouteDefinition[] {
  const signedIn = { authenticated: true } as const;
  return [
    defineRoute({
      method: 'GET',
      url: '/notifications/inbox',
      access: signedIn,
      summary: 'My in-app messages, newest first',
      querystring: s.inboxQuery,
      response: pageSchema(s.inboxItemView),
      handler: async (request) => {
        const page = await listInbox(deps.db, actorOf(request), request.query);
        return { ...page, items: page.items.map(presentInboxItem) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/notifications/inbox/unread',
      access: signedIn,
      summary: 'My unread counts, by kind',
      response: s.unreadView,
      handler: async (request) => unreadSummary(deps.db, actorOf(request)),
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/inbox/read',
      access: signedIn,
      summary: 'Mark messages (or all) read',
      body: s.readBody,
      response: s.readResult,
      handler: async (request) => {
        const ids = request.body.all ? 'all' : (request.body.ids ?? []);
        const now = deps.clock.now().toISOString();
        const actor = actorOf(request);
        const result = await inTransaction(deps.db, (trx) => markInboxRead(trx, actor, ids, now));
        await announceInboxChanged(deps.bus, ownerOf(actor));
        return result;
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/notifications/inbox/:id',
      access: signedIn,
      summary: 'Delete one of my messages',
      params: s.idParams,
      response: s.readResult,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const actor = actorOf(request);
        await inTransaction(deps.db, (trx) => deleteInboxItem(trx, actor, request.params.id));
        await announceInboxChanged(deps.bus, ownerOf(actor));
        return { marked: 1 };
      },
    }),
    defineFileRoute({
      method: 'GET',
      url: '/notifications/inbox/stream',
      access: signedIn,
      summary: 'Live inbox (Server-Sent Events: `message` and `unread` events)',
      description:
        'Send the access token in the Authorization header (fetch-based event source). Reconnect with Last-Event-ID to catch up.',
      querystring: s.streamQuery,
      file: Type.String({ description: 'text/event-stream' }),
      handler: async (request, reply) =>
        streamInbox(deps, actorOf(request), request, reply, request.query.after),
    }),
  ];
}
