import { Type } from '@sinclair/typebox';
import { pageSchema } from '../../../platform/db/pagination.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { notificationsPermissions as permissions } from '../notifications.catalogue.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import { changeWords, checkText, listWords } from './words.service.js';

const action = Type.Union([Type.Literal('block'), Type.Literal('mask')], {
  description: 'block refuses the message; mask stars the word',
});

/** The admin-managed sensitive-word list. */
export function wordRoutes(deps: NotificationsDeps): RouteDefinition[] {
  const manage = permissions.access('notifications.word.manage');
  return [
    defineRoute({
      method: 'GET',
      url: '/notifications/words',
      access: manage,
      summary: 'The sensitive-word list',
      querystring: Type.Object({
        q: Type.Optional(Type.String({ maxLength: 100 })),
        page: Type.Integer({ minimum: 1, default: 1 }),
        page_size: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
      }),
      response: pageSchema(
        Type.Object({ word: Type.String(), action: Type.String(), created_at: Type.String() }),
      ),
      handler: async (request) => {
        const page = await listWords(deps.db, request.query);
        return {
          ...page,
          items: page.items.map((w) => ({ word: w.word, action: w.action, created_at: w.created_at })),
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/words',
      access: manage,
      summary: 'Add, change or remove words',
      body: Type.Object(
        {
          add: Type.Optional(
            Type.Array(Type.Object({ word: Type.String({ minLength: 1, maxLength: 200 }), action }), {
              maxItems: 20_000,
            }),
          ),
          remove: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 20_000 })),
        },
        { additionalProperties: false },
      ),
      response: Type.Object({ added: Type.Integer(), removed: Type.Integer() }),
      handler: async (request) =>
        inTransaction(deps.db, (trx) => changeWords(trx, deps, actorOf(request), request.body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/words/check',
      access: manage,
      summary: 'Check a text against the list',
      body: Type.Object({ text: Type.String({ maxLength: 1_000_000 }) }, { additionalProperties: false }),
      response: Type.Object({ blocked: Type.Union([Type.String(), Type.Null()]), masked: Type.String() }),
      handler: async (request) => checkText(deps.db, deps, request.body.text),
    }),
  ];
}
