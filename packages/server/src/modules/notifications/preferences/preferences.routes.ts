import type { FastifyInstance } from 'fastify';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import { notificationsErrors as errors } from '../notifications.errors.js';
import * as s from './preferences.schemas.js';
import { myPreferences, saveMyPreferences, unsubscribe, unsubscribeTarget } from './preferences.service.js';

type Prefs = Awaited<ReturnType<typeof myPreferences>>;
const present = (p: Prefs) => ({
  profile: p.profile
    ? {
        locale: p.profile.locale,
        time_zone: p.profile.time_zone,
        dnd_start: p.profile.dnd_start,
        dnd_end: p.profile.dnd_end,
        dingtalk_id: p.profile.dingtalk_id,
        feishu_id: p.profile.feishu_id,
        wecom_id: p.profile.wecom_id,
      }
    : null,
  switches: p.switches.map((w) => ({ category: w.category, channel: w.channel, enabled: w.enabled === 1 })),
  categories: p.categories.map((c) => ({
    category: c.category,
    is_transactional: Number(c.is_transactional) === 1,
  })),
});

/** My preferences (signed in) and the one-click unsubscribe link (public, the token is the capability). */
export function preferenceRoutes(deps: NotificationsDeps): RouteDefinition[] {
  const token = {
    public: true,
    reason: 'One-click unsubscribe from a mail (RFC 8058); the signed token is the capability',
  } as const;
  return [
    defineRoute({
      method: 'GET',
      url: '/notifications/preferences',
      access: { authenticated: true },
      summary: 'My notification settings',
      response: s.preferencesView,
      handler: async (request) => present(await myPreferences(deps.db, actorOf(request))),
    }),
    defineRoute({
      method: 'PUT',
      url: '/notifications/preferences',
      access: { authenticated: true },
      summary: 'Change my contact ids, locale, quiet hours and channel switches',
      body: s.preferencesBody,
      response: s.preferencesView,
      handler: async (request) =>
        present(
          await inTransaction(deps.db, (trx) => saveMyPreferences(trx, deps, actorOf(request), request.body)),
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/notifications/unsubscribe/:token',
      access: token,
      summary: 'What an unsubscribe link would stop (changes nothing: mail scanners open links)',
      params: s.tokenParams,
      response: s.unsubscribeView,
      errors: [errors.UNSUBSCRIBE_LINK_INVALID],
      handler: async (request) => ({
        category: unsubscribeTarget(deps, request.params.token).category,
        channel: 'email',
        unsubscribed: false,
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/unsubscribe/:token',
      access: token,
      summary: 'Unsubscribe (one click: body `List-Unsubscribe=One-Click`, form or multipart)',
      params: s.tokenParams,
      response: s.unsubscribeView,
      errors: [errors.UNSUBSCRIBE_LINK_INVALID],
      handler: async (request) =>
        inTransaction(deps.db, (trx) => unsubscribe(trx, deps, request.params.token)),
    }),
  ];
}

/** Mail clients post the one-click body as a form; only the unsubscribe routes accept one. */
export function acceptFormBodies(scope: FastifyInstance): void {
  scope.addContentTypeParser(
    ['application/x-www-form-urlencoded', 'multipart/form-data'],
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => {
      const text = String(body);
      done(null, {
        form: text.includes('List-Unsubscribe=One-Click') || /name="List-Unsubscribe"\s+One-Click/.test(text),
      });
    },
  );
}
