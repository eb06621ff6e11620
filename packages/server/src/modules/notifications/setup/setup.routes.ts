import { decodeJson } from '../../../platform/db/json-codec.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf, principalOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { notificationsPermissions as permissions } from '../notifications.catalogue.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import { notificationsErrors as errors } from '../notifications.errors.js';
import { receiptUrl } from '../receipts/receipt-urls.js';
import { sendResultView } from '../sending/send.schemas.js';
import { presentEndpoint, presentGroup, presentProvider } from './setup.presenter.js';
import * as s from './setup.schemas.js';
import * as setup from './setup.service.js';
import { sendTest } from './test-send.service.js';

/** Channel setup: SMS providers, robot and webhook groups with their endpoints, and "send test". */
export function setupRoutes(deps: NotificationsDeps): RouteDefinition[] {
  const read = permissions.access('notifications.channel.read');
  const manage = permissions.access('notifications.channel.manage');
  const write = <T>(work: Parameters<typeof inTransaction<T>>[1]) => inTransaction(deps.db, work);
  const breakerOpen = (kind: string, id: string) => deps.channels.breakers.isOpen(`sms:${kind}:${id}`);
  type Kind = 'aliyun' | 'tencent' | 'twilio';
  const provided = (p: Parameters<typeof presentProvider>[0], receipts: boolean) =>
    presentProvider(p, breakerOpen(p.kind, p.id), receipts ? receiptUrl(deps, p.kind as Kind, p.id) : null);
  const decoded = (row: NonNullable<Awaited<ReturnType<typeof setup.saveProvider>>>) => ({
    ...row,
    settings: decodeJson<Record<string, string>>(row.settings) ?? {},
  });
  return [
    defineRoute({
      method: 'GET',
      url: '/notifications/channels',
      access: read,
      summary: 'Channel setup: email, SMS providers, groups',
      response: s.overviewView,
      handler: async (request) => {
        const o = await setup.channelOverview(deps.db, deps);
        // A receipt URL of Aliyun or Tencent holds its token: only those who may change the setup see it.
        const isManager = principalOf(request).permissions.has(
          permissions.codes['notifications.channel.manage'],
        );
        return {
          email: o.email,
          providers: o.providers.map((p) => provided(p, isManager)),
          groups: o.groups.map((g) => presentGroup(g, g.endpoints)),
          im_apps: o.im_apps,
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/channels/groups',
      access: manage,
      summary: 'Create a robot or webhook group',
      body: s.groupBody,
      response: s.groupView,
      status: 201,
      idempotent: true,
      errors: ['CONFLICT'],
      handler: async (request) => {
        const group = await write((trx) => setup.saveGroup(trx, deps, actorOf(request), request.body));
        return presentGroup(group as NonNullable<typeof group>, []);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/notifications/channels/groups/:id',
      access: manage,
      summary: 'Change a group',
      params: s.idParams,
      body: s.groupBody,
      response: s.okView,
      errors: ['CONFLICT', 'NOT_FOUND'],
      handler: async (request) => {
        await write((trx) =>
          setup.saveGroup(trx, deps, actorOf(request), { ...request.body, id: request.params.id }),
        );
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/notifications/channels/groups/:id',
      access: manage,
      summary: 'Remove a group and its endpoints',
      params: s.idParams,
      response: s.okView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        await write((trx) => setup.removeGroup(trx, deps, actorOf(request), request.params.id));
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/channels/groups/:id/endpoints',
      access: manage,
      summary: 'Add a robot (or webhook endpoint) to a group; several robots are rotated',
      params: s.idParams,
      body: s.endpointBody,
      response: s.endpointView,
      status: 201,
      idempotent: true,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const e = await write((trx) =>
          setup.saveEndpoint(trx, deps, actorOf(request), { ...request.body, group_id: request.params.id }),
        );
        return presentEndpoint(e as NonNullable<typeof e>);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/notifications/channels/endpoints/:id',
      access: manage,
      summary:
        'Change a robot or endpoint; a URL or secret left out keeps the stored one, a null secret removes it',
      params: s.idParams,
      body: s.endpointBody,
      response: s.endpointView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const e = await write((trx) =>
          setup.changeEndpoint(trx, deps, actorOf(request), request.params.id, request.body),
        );
        return presentEndpoint(e as NonNullable<typeof e>);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/notifications/channels/endpoints/:id',
      access: manage,
      summary: 'Remove a robot or endpoint',
      params: s.idParams,
      response: s.okView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        await write((trx) => setup.removeEndpoint(trx, deps, actorOf(request), request.params.id));
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/channels/providers',
      access: manage,
      summary: 'Add an SMS provider to the chain',
      body: s.providerBody,
      response: s.providerView,
      status: 201,
      idempotent: true,
      handler: async (request) => {
        const p = await write((trx) => setup.saveProvider(trx, deps, actorOf(request), request.body));
        return provided(decoded(p as NonNullable<typeof p>), true);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/notifications/channels/providers/:id',
      access: manage,
      summary: 'Change an SMS provider; a secret left out keeps the stored one',
      params: s.idParams,
      body: s.providerBody,
      response: s.providerView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const p = await write((trx) =>
          setup.saveProvider(trx, deps, actorOf(request), { ...request.body, id: request.params.id }),
        );
        return provided(decoded(p as NonNullable<typeof p>), true);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/notifications/channels/providers/:id',
      access: manage,
      summary: 'Remove an SMS provider',
      params: s.idParams,
      response: s.okView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        await write((trx) => setup.removeProvider(trx, deps, actorOf(request), request.params.id));
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/channels/test',
      access: manage,
      summary: 'Send a test message on a channel',
      body: s.testBody,
      response: sendResultView,
      status: 202,
      errors: [errors.TEMPLATE_NOT_FOUND],
      handler: async (request) => write((trx) => sendTest(trx, deps, actorOf(request), request.body)),
    }),
  ];
}
