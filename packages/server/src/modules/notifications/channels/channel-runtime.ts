import type { AppContext } from '../../../platform/app-context.js';
import { decodeJson } from '../../../platform/db/json-codec.js';
import type { Db } from '../../../platform/db/schema.js';
import { receiptsPath } from '../receipts/receipt-urls.js';
import { openValue, unseal } from '../sealed.js';
import type { DeliveryExtra } from '../sending/delivery-extra.js';
import type { DeliveryRow } from '../sending/messages.repository.js';
import { endpointsOf, findGroup, providersOf } from '../setup/groups.repository.js';
import type { Provider } from './channel-port.js';
import { CircuitBreakers } from './circuit-breaker.js';
import { emailProvider } from './email.provider.js';
import { inAppProvider } from './in-app.provider.js';
import { takeSlot } from './rate-limiter.js';
import { robotProvider } from './robots/robot.provider.js';
import { type RobotKind, robotRateLimits } from './robots/robot-messages.js';
import { type SmsAccount, smsProvider } from './sms/sms.providers.js';
import { webhookProvider } from './webhook.provider.js';

/** Where a delivery can go now: providers to try in order, or a time to come back. */
export type Route = { providers: Provider[] } | { wait: Date; reason: string } | { error: string };

/**
 * Chooses the providers of a delivery. Email and in-app have one; SMS goes down the
 * configured chain, skipping providers whose breaker is open; a robot group rotates over
 * its robots and takes a slot of the first one under its rate limit (or says when one
 * frees); a webhook group tries its endpoints in order.
 */
export interface ChannelRuntime {
  breakers: CircuitBreakers;
  route(
    deps: { ctx: AppContext; db: Db; keys: { seal: Buffer; unsubscribe: Buffer }; publicUrl: string },
    row: DeliveryRow,
    extra: DeliveryExtra,
  ): Promise<Route>;
}

export function createChannelRuntime(ctx: AppContext): ChannelRuntime {
  const breakers = new CircuitBreakers();
  let rotation = 0;
  const now = () => ctx.clock.now();
  return {
    breakers,
    async route(deps, row, extra) {
      if (row.channel === 'email') {
        return {
          providers: [
            emailProvider({
              config: ctx.config,
              storage: ctx.storage,
              unsubscribeKey: deps.keys.unsubscribe,
              publicUrl: deps.publicUrl,
            }),
          ],
        };
      }
      if (row.channel === 'in_app')
        return { providers: [inAppProvider({ db: deps.db, bus: ctx.realtime, now })] };
      if (row.channel === 'sms') {
        const accounts = (await providersOf(deps.db, 'sms')).filter((p) => p.enabled === 1);
        if (accounts.length === 0) return { error: 'no SMS provider is configured' };
        const open = accounts.map((a) =>
          smsProvider(account(a, deps.keys.seal), {
            outbound: ctx.outbound,
            now,
            callbackBase: `${deps.publicUrl}${receiptsPath}`,
          }),
        );
        const usable = open.filter((p) => breakers.allows(p.name));
        return usable.length > 0
          ? { providers: usable }
          : { wait: new Date(now().getTime() + 60_000), reason: 'every SMS provider is failing' };
      }
      const group = extra.group_id ? await findGroup(deps.db, extra.group_id) : undefined;
      if (group?.enabled !== 1) return { error: 'the group is gone or disabled' };
      const endpoints = (await endpointsOf(deps.db, [group.id])).filter((e) => e.enabled === 1);
      if (endpoints.length === 0)
        return {
          error: `group ${group.code} has no enabled ${row.channel === 'webhook' ? 'endpoint' : 'robot'}`,
        };
      const open = (e: (typeof endpoints)[number]) => ({
        endpointId: e.id,
        url: unseal(deps.keys.seal, e.url_sealed),
        secret: openValue(deps.keys.seal, e.secret_sealed),
        outbound: ctx.outbound,
        now,
      });
      if (row.channel === 'webhook') return { providers: endpoints.map((e) => webhookProvider(open(e))) };
      const kind = row.channel as RobotKind;
      const start = rotation++;
      let earliest = Number.POSITIVE_INFINITY;
      for (let i = 0; i < endpoints.length; i++) {
        const endpoint = endpoints[(start + i) % endpoints.length] as (typeof endpoints)[number];
        if (!breakers.allows(`robot:${endpoint.id}`)) continue;
        const slot = await takeSlot(deps.db, `robot:${endpoint.id}`, robotRateLimits[kind], now());
        if (slot.ok) return { providers: [robotProvider({ kind, ...open(endpoint) })] };
        earliest = Math.min(earliest, slot.retryAt.getTime());
      }
      const wait = Number.isFinite(earliest) ? earliest : now().getTime() + 60_000;
      return { wait: new Date(wait), reason: `every robot of ${group.code} is at its rate limit` };
    },
  };
}

function account(row: Awaited<ReturnType<typeof providersOf>>[number], key: Buffer): SmsAccount {
  return {
    id: row.id,
    kind: row.kind,
    settings: decodeJson<Record<string, string>>(row.settings) ?? {},
    secret: unseal(key, row.secret_sealed),
  };
}
