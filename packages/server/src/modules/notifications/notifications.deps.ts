import type { AppContext } from '../../platform/app-context.js';
import { type AuditTrail, createAuditTrail } from '../../platform/audit-trail.js';
import type { Clock } from '../../platform/db/clock.js';
import type { Db } from '../../platform/db/schema.js';
import type { OutboundClient } from '../../platform/http/outbound-client.js';
import type { JobRuntime } from '../../platform/jobs/index.js';
import type { Logger } from '../../platform/logger.js';
import { defineModuleDeps } from '../../platform/module-deps.js';
import type { RealtimeBus } from '../../platform/realtime/realtime-bus.js';
import { audit } from '../audit/index.js';
import { type ChannelRuntime, createChannelRuntime } from './channels/channel-runtime.js';
import { type NotificationsAuditEvent, notificationsAuditEvents } from './notifications.catalogue.js';
import { type RecipientSource, sourcesFor } from './sending/recipient-sources.js';
import { TemplateCache } from './templates/template-cache.js';
import { TemplateEngine } from './templates/template-engine.js';
import { WordFilterCache } from './words/word-filter-cache.js';

/** Keys derived from the keyring, one per purpose. */
export interface NotificationKeys {
  /** Seals provider and robot credentials, and the content of sensitive messages. */
  seal: Buffer;
  /** Signs one-click unsubscribe links. */
  unsubscribe: Buffer;
  /** Derives the capability tokens of the delivery-receipt URLs of providers that do not sign. */
  receipts: Buffer;
}

/**
 * The notification center's runtime, one per app context: settings, keys, the template
 * sandbox and its compiled-version cache, the channel adapters with their breakers, the
 * sensitive-word automaton, the recipient sources of the mounted modules and the realtime
 * bus that carries in-app messages to open browsers in any process.
 */
export interface NotificationsDeps {
  ctx: AppContext;
  db: Db;
  clock: Clock;
  jobs: JobRuntime;
  logger: Logger;
  outbound: OutboundClient;
  audit: AuditTrail<NotificationsAuditEvent>;
  keys: NotificationKeys;
  publicUrl: string;
  engine: TemplateEngine;
  templates: TemplateCache;
  words: WordFilterCache;
  sources: ReadonlyMap<string, RecipientSource>;
  channels: ChannelRuntime;
  bus: RealtimeBus;
}

export const notificationsDeps = defineModuleDeps('notifications', (ctx): NotificationsDeps => {
  const engine = new TemplateEngine();
  const deps: NotificationsDeps = {
    ctx,
    db: ctx.db,
    clock: ctx.clock,
    jobs: ctx.jobs,
    logger: ctx.logger.child({ module: 'notifications' }),
    outbound: ctx.outbound,
    audit: createAuditTrail(notificationsAuditEvents, {
      catalogues: ctx.catalogues,
      sink: audit.record,
      verify: !ctx.config.isProduction,
    }),
    keys: {
      seal: ctx.keyring.secret('notifications-seal'),
      unsubscribe: ctx.keyring.secret('notifications-unsubscribe'),
      receipts: ctx.keyring.secret('notifications-receipts'),
    },
    publicUrl: ctx.config.http.publicUrl.replace(/\/+$/, ''),
    engine,
    templates: new TemplateCache(engine),
    words: new WordFilterCache(),
    sources: sourcesFor(ctx.modules.map((m) => m.name)),
    channels: createChannelRuntime(ctx),
    bus: ctx.realtime,
  };
  return deps;
});
