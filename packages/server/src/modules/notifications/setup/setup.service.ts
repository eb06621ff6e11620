import type { Actor } from '../../../platform/actor.js';
import { newId } from '../../../platform/db/ids.js';
import { decodeJson, encodeJson } from '../../../platform/db/json-codec.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { createOutboundPolicy } from '../../../platform/http/outbound-policy.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import type { Channel } from '../notifications.tables.js';
import { seal } from '../sealed.js';
import * as repo from './groups.repository.js';

/**
 * Channel setup: SMS providers (an ordered failover chain), robot and webhook groups and
 * their endpoints. Credentials are sealed on the way in and never shown again; the setup
 * page sees a URL's host and path only.
 */
export async function channelOverview(db: DbOrTrx, deps: NotificationsDeps) {
  const groups = await repo.listGroups(db);
  const endpoints = await repo.endpointsOf(
    db,
    groups.map((g) => g.id),
  );
  const providers = await repo.providersOf(db, 'sms');
  const mail = deps.ctx.config.mail;
  return {
    email: { configured: Boolean(mail.host), host: mail.host ?? null, from: mail.from },
    im_apps: imApps(deps),
    providers: providers.map((p) => ({
      ...p,
      settings: decodeJson<Record<string, string>>(p.settings) ?? {},
    })),
    groups: groups.map((g) => ({ ...g, endpoints: endpoints.filter((e) => e.group_id === g.id) })),
  };
}

/** The approval-card IM apps as configured (platform/config/im-settings.ts), without secrets. */
function imApps(deps: NotificationsDeps) {
  const { feishu, dingtalk, wecom } = deps.ctx.config.im;
  const callback = (provider: string) => `${deps.publicUrl}/api/v1/im/${provider}/card-callback`;
  return [
    {
      provider: 'feishu' as const,
      configured: Boolean(feishu),
      app_id: feishu?.appId ?? null,
      api_url: feishu?.apiUrl ?? null,
      callback_url: callback('feishu'),
    },
    {
      provider: 'dingtalk' as const,
      configured: Boolean(dingtalk),
      app_id: dingtalk?.appKey ?? null,
      api_url: dingtalk?.apiUrl ?? null,
      callback_url: callback('dingtalk'),
    },
    {
      provider: 'wecom' as const,
      configured: Boolean(wecom),
      app_id: wecom?.corpId ?? null,
      api_url: wecom?.apiUrl ?? null,
      callback_url: callback('wecom'),
    },
  ];
}

async function changed(
  trx: Trx,
  deps: NotificationsDeps,
  actor: Actor,
  what: string,
  action: string,
  id: string,
  name: string,
) {
  await deps.audit.record(trx, actor, {
    type: 'notifications.channel.changed',
    entityId: id,
    payload: { what, action, name },
  });
}

/** Checks a robot or webhook URL: https (http only for allow-listed hosts), no credentials in it. */
function checkedUrl(deps: NotificationsDeps, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('url', 'is not a URL');
  }
  const allowListed = createOutboundPolicy(deps.ctx.config.outbound.allowList).isHostAllowListed(
    url.hostname,
  );
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && (allowListed || /^[\d.:[\]]+$/.test(url.hostname)))
  ) {
    throw invalid('url', 'must be https');
  }
  if (url.username || url.password) throw invalid('url', 'must not contain a user or password');
  return url;
}

export async function saveGroup(
  trx: Trx,
  deps: NotificationsDeps,
  actor: Actor,
  input: {
    id?: string;
    channel: Channel;
    code: string;
    name: string;
    is_default?: boolean;
    enabled?: boolean;
  },
) {
  const now = deps.clock.now().toISOString();
  const [existing] = await repo.groupsByCodes(trx, [input.code]);
  if (existing && existing.id !== input.id) throw conflict(`A group with code ${input.code} exists`);
  const fields = {
    channel: input.channel,
    code: input.code,
    name: input.name,
    is_default: input.is_default ? 1 : 0,
    enabled: input.enabled === false ? 0 : 1,
    updated_at: now,
  };
  const id = input.id ?? newId();
  if (input.id) {
    if (!(await repo.findGroup(trx, input.id))) throw notFound('Group');
    await repo.updateGroup(trx, id, fields);
  } else await repo.insertGroup(trx, { id, ...fields, created_at: now });
  await changed(trx, deps, actor, 'group', input.id ? 'updated' : 'created', id, input.code);
  return repo.findGroup(trx, id);
}

export async function removeGroup(trx: Trx, deps: NotificationsDeps, actor: Actor, id: string) {
  const group = await repo.findGroup(trx, id);
  if (!group) throw notFound('Group');
  await repo.deleteGroup(trx, id);
  await changed(trx, deps, actor, 'group', 'deleted', id, group.code);
}

export async function saveEndpoint(
  trx: Trx,
  deps: NotificationsDeps,
  actor: Actor,
  input: {
    id?: string;
    group_id: string;
    name: string;
    url?: string;
    secret?: string | null;
    enabled?: boolean;
  },
) {
  const now = deps.clock.now().toISOString();
  if (!(await repo.findGroup(trx, input.group_id))) throw notFound('Group');
  const existing = input.id ? await repo.findEndpoint(trx, input.id) : undefined;
  if (input.id && !existing) throw notFound('Endpoint');
  if (!existing && !input.url) throw invalid('url', 'is required');
  const url = input.url ? checkedUrl(deps, input.url) : null;
  const fields = {
    name: input.name,
    enabled: input.enabled === false ? 0 : 1,
    updated_at: now,
    ...(url
      ? {
          url_sealed: seal(deps.keys.seal, url.toString()),
          url_hint: `${url.host}${url.pathname}`.slice(0, 300),
        }
      : {}),
    ...(input.secret !== undefined
      ? { secret_sealed: input.secret ? seal(deps.keys.seal, input.secret) : null }
      : {}),
  };
  const id = existing?.id ?? newId();
  if (existing) await repo.updateEndpoint(trx, id, fields);
  else
    await repo.insertEndpoint(trx, {
      id,
      group_id: input.group_id,
      url_sealed: '',
      url_hint: '',
      secret_sealed: null,
      created_at: now,
      ...fields,
    });
  await changed(trx, deps, actor, 'endpoint', existing ? 'updated' : 'created', id, input.name);
  return repo.findEndpoint(trx, id);
}

/** Changes an endpoint of whatever group it is in (the page edits it without naming the group). */
export async function changeEndpoint(
  trx: Trx,
  deps: NotificationsDeps,
  actor: Actor,
  id: string,
  input: Omit<Parameters<typeof saveEndpoint>[3], 'id' | 'group_id'>,
) {
  const endpoint = await repo.findEndpoint(trx, id);
  if (!endpoint) throw notFound('Endpoint');
  return saveEndpoint(trx, deps, actor, { ...input, id, group_id: endpoint.group_id });
}

export async function removeEndpoint(trx: Trx, deps: NotificationsDeps, actor: Actor, id: string) {
  const endpoint = await repo.findEndpoint(trx, id);
  if (!endpoint) throw notFound('Endpoint');
  await repo.deleteEndpoint(trx, id);
  await changed(trx, deps, actor, 'endpoint', 'deleted', id, endpoint.name);
}

export async function saveProvider(
  trx: Trx,
  deps: NotificationsDeps,
  actor: Actor,
  input: {
    id?: string;
    kind: 'aliyun' | 'tencent' | 'twilio';
    name: string;
    position: number;
    settings: Record<string, string>;
    secret?: string;
    enabled?: boolean;
  },
) {
  const now = deps.clock.now().toISOString();
  const existing = input.id ? await repo.findProvider(trx, input.id) : undefined;
  if (input.id && !existing) throw notFound('Provider');
  if (!existing && !input.secret) throw invalid('secret', 'is required');
  if (input.settings.endpoint) checkedUrl(deps, input.settings.endpoint);
  const fields = {
    kind: input.kind,
    name: input.name,
    position: input.position,
    settings: encodeJson(input.settings),
    enabled: input.enabled === false ? 0 : 1,
    updated_at: now,
    ...(input.secret ? { secret_sealed: seal(deps.keys.seal, input.secret) } : {}),
  };
  const id = existing?.id ?? newId();
  if (existing) await repo.updateProvider(trx, id, fields);
  else await repo.insertProvider(trx, { id, channel: 'sms', secret_sealed: '', created_at: now, ...fields });
  await changed(trx, deps, actor, 'provider', existing ? 'updated' : 'created', id, input.name);
  return repo.findProvider(trx, id);
}

export async function removeProvider(trx: Trx, deps: NotificationsDeps, actor: Actor, id: string) {
  const provider = await repo.findProvider(trx, id);
  if (!provider) throw notFound('Provider');
  await repo.deleteProvider(trx, id);
  await changed(trx, deps, actor, 'provider', 'deleted', id, provider.name);
}
