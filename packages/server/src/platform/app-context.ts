import type { Config } from '../config.js';
import { buildCatalogues, type Catalogues } from './catalogues/catalogues.js';
import { runContextInitializers } from './context-initializers.js';
import { type Converter, createConverter } from './convert/converter.js';
import { type Clock, systemClock } from './db/clock.js';
import { createDatabase, type Database } from './db/database.js';
import type { Db } from './db/schema.js';
import { createOutboundClient, type OutboundClient } from './http/outbound-client.js';
import { createJobRuntime, type ManagedJobRuntime } from './jobs/job-runtime.js';
import { createKeyring, type Keyring } from './keyring/keyring.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics, type Metrics } from './metrics.js';
import type { ModuleDefinition } from './module.js';
import { createRealtimeBus, type RealtimeBus } from './realtime/realtime-bus.js';
import { createStorage } from './storage/create-storage.js';
import type { StoragePort } from './storage/storage.port.js';
import { createPlatformTrust, type PlatformTrust, platformHsm } from './trust/platform-trust.js';

/**
 * What every module's service receives: the platform's ports, built once per process from
 * the configuration. Tests build one with their own database, clock or storage.
 */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  storage: StoragePort;
  logger: Logger;
  metrics: Metrics;
  clock: Clock;
  outbound: OutboundClient;
  keyring: Keyring;
  /** Office files → PDF through the LibreOffice worker pool (started on first use). */
  converter: Converter;
  /** The platform PKI: root, issuing CA, TSA, seal, per-signer certificates, CRL and OCSP. */
  trust: PlatformTrust;
  /** Short-lived events to open browsers in any process or node (in-app messages). */
  realtime: RealtimeBus;
  /** The job runtime (local driver, or bullmq when QUEUE_URL is set); started by `serve` only. */
  jobs: ManagedJobRuntime;
  /** The modules this context serves, as the app or CLI command passed them (the platform imports none). */
  modules: readonly ModuleDefinition[];
  /** What those modules declared (tags, permissions, audit events, errors), checked for clashes. */
  catalogues: Catalogues;
}

export type ContextOverrides = Partial<Omit<AppContext, 'config' | 'db' | 'modules' | 'catalogues'>>;

/**
 * `modules` are the modules the context serves (the app's, or a CLI command's); their
 * catalogues are collected and checked for clashes here, so a clash stops the start.
 */
export function createContext(
  config: Config,
  overrides: ContextOverrides = {},
  modules: readonly ModuleDefinition[] = [],
): AppContext {
  const catalogues = buildCatalogues(modules);
  const logger = overrides.logger ?? createLogger(config.log.level);
  const database =
    overrides.database ??
    createDatabase({
      dialect: config.database.dialect,
      file: config.database.file,
      url: config.database.url,
      poolMax: config.database.poolMax,
      guardTransactions: !config.isProduction,
    });
  database.availability.onChange((state, reason) =>
    state === 'unavailable'
      ? logger.error({ reason }, 'database unavailable: requests answer 503 until it is back')
      : logger.info({ reason }, 'database available again'),
  );
  const ctx = {
    config,
    modules,
    catalogues,
    database,
    db: database.db,
    storage: overrides.storage ?? createStorage(storageOptions(config)),
    logger,
    metrics: overrides.metrics ?? createMetrics(),
    clock: overrides.clock ?? systemClock,
    outbound:
      overrides.outbound ??
      createOutboundClient({
        allowList: [...config.outbound.allowList],
        timeoutMs: config.outbound.timeoutMs,
      }),
    keyring: overrides.keyring ?? createKeyring({ dir: config.keyringDir, masterSecret: config.secretKey }),
    converter: overrides.converter ?? createConverter(config.convert),
    trust:
      overrides.trust ??
      createPlatformTrust({
        dataDir: config.dataDir,
        publicUrl: config.http.publicUrl,
        db: () => ctx.db,
        bus: () => ctx.realtime,
        hsm: platformHsm(config),
      }),
    realtime:
      overrides.realtime ??
      createRealtimeBus({ redisUrl: config.jobs.queueUrl, channel: config.realtime.channel, logger }),
  } as AppContext;
  ctx.jobs =
    overrides.jobs ??
    createJobRuntime({
      database,
      clock: ctx.clock,
      logger: ctx.logger,
      registry: ctx.metrics.registry,
      context: () => ctx,
      driver: config.jobs.driver,
      queueUrl: config.jobs.queueUrl,
      concurrency: config.jobs.concurrency,
      retentionDays: config.jobs.retentionDays,
      ...(config.database.dialect === 'postgres' ? { listenUrl: config.database.url } : {}),
    });
  runContextInitializers(ctx);
  return ctx;
}

function storageOptions(config: Config) {
  const { storage } = config;
  if (storage.backend === 'local') return { backend: 'local' as const, root: storage.path };
  return {
    backend: 's3' as const,
    bucket: storage.s3.bucket ?? '',
    prefix: storage.s3.prefix,
    endpoint: storage.s3.endpoint,
    region: storage.s3.region,
    accessKeyId: storage.s3.accessKeyId,
    secretAccessKey: storage.s3.secretAccessKey,
    forcePathStyle: storage.s3.forcePathStyle,
  };
}
