import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { checkSettings } from './platform/config/config-checks.js';
import { type ConfigProblem, readSettings } from './platform/config/config-reader.js';
import { settings } from './platform/config/config-settings.js';
import { imConfig } from './platform/config/im-settings.js';

export type { ConfigProblem } from './platform/config/config-reader.js';

/**
 * The platform's configuration: read once at boot from the environment (plus an optional
 * `.env` file), validated, typed and frozen. This module is the only reader of process.env.
 */
export type Config = ReturnType<typeof buildConfig>;

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Loads configuration from `env` (default: process.env merged over `.env` in the working dir). */
export function loadConfig(env: Record<string, string | undefined> = environment()): Config {
  const { values, problems } = readSettings(settings, env);
  problems.push(...checkSettings(values));
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(buildConfig(values));
}

/**
 * The environment for a child process this one starts: ours, less the variables `drop`
 * names (kept here so that this module stays the only reader of process.env).
 */
export function childEnvironment(drop: (name: string) => boolean): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !drop(name)));
}

function environment(): Record<string, string | undefined> {
  const file = resolve(process.env.SIGNX_ENV_FILE ?? '.env');
  const fromFile = existsSync(file) ? parseDotenv(readFileSync(file)) : {};
  return { ...fromFile, ...process.env };
}

type Values = ReturnType<typeof readSettings<typeof settings>>['values'];

function buildConfig(v: Values) {
  const dataDir = resolve(v.DATA_DIR);
  return {
    env: v.NODE_ENV,
    isProduction: v.NODE_ENV === 'production',
    appVersion: v.SIGNX_VERSION,
    http: {
      host: v.HOST,
      port: v.PORT,
      publicUrl: v.PUBLIC_URL ?? `http://localhost:${v.PORT}`,
      trustedProxies: v.TRUSTED_PROXIES,
      corsOrigins: v.CORS_ORIGINS,
      bodyLimitBytes: v.BODY_LIMIT_BYTES,
      publicBodyLimitBytes: v.PUBLIC_BODY_LIMIT_BYTES,
      jsonMaxDepth: v.JSON_MAX_DEPTH,
      uploadLimitBytes: v.UPLOAD_LIMIT_BYTES,
      rateLimit: { max: v.RATE_LIMIT_MAX, windowMs: v.RATE_LIMIT_WINDOW_MS },
      shutdownGraceMs: v.SHUTDOWN_GRACE_MS,
    },
    log: { level: v.LOG_LEVEL },
    dataDir,
    database: databaseConfig(v.DATABASE_URL, dataDir, v.DATABASE_POOL_MAX),
    storage: storageConfig(v, dataDir),
    secretKey: v.SECRET_KEY,
    keyringDir: resolve(v.KEYRING_DIR ?? `${dataDir}/keyring`),
    jobs: {
      queueUrl: v.QUEUE_URL,
      driver: v.QUEUE_URL ? ('bullmq' as const) : ('local' as const),
      concurrency: v.JOBS_CONCURRENCY,
      retentionDays: v.JOBS_RETENTION_DAYS,
    },
    realtime: { channel: v.REALTIME_CHANNEL },
    outbound: { allowList: v.OUTBOUND_ALLOW_LIST, timeoutMs: v.OUTBOUND_TIMEOUT_MS },
    mail: {
      host: v.MAIL_SERVER,
      port: v.MAIL_PORT,
      user: v.MAIL_USERNAME,
      password: v.MAIL_PASSWORD,
      useTls: v.MAIL_USE_TLS,
      from: v.MAIL_FROM,
      poolSize: v.MAIL_POOL_SIZE,
    },
    audit: {
      anchorDir: resolve(v.AUDIT_ANCHOR_DIR ?? `${dataDir}/audit-anchors`),
      checkpointIntervalSeconds: v.AUDIT_CHECKPOINT_INTERVAL_SECONDS,
      retentionDays: v.AUDIT_RETENTION_DAYS,
    },
    documents: {
      trashDays: v.DOCUMENTS_TRASH_DAYS,
      maxUnpackedBytes: v.DOCUMENTS_MAX_UNPACKED_BYTES,
      maxArchiveEntries: v.DOCUMENTS_MAX_ARCHIVE_ENTRIES,
    },
    tools: { libreOffice: v.LIBREOFFICE_PATH },
    /** IM apps for approval cards (platform/config/im-settings.ts). */
    im: imConfig(v),
    convert: {
      installDir: v.LIBREOFFICE_DIR,
      workers: v.CONVERT_WORKERS,
      maxJobsPerWorker: v.CONVERT_MAX_JOBS_PER_WORKER,
      jobTimeoutMs: v.CONVERT_TIMEOUT_MS,
      memoryLimitBytes: v.CONVERT_MEMORY_LIMIT_MB * 1048576,
      networkIsolation: v.CONVERT_NETWORK_ISOLATION,
      python: v.CONVERT_PYTHON,
      baseDir: resolve(`${dataDir}/convert`),
    },
    keys: {
      pkcs11: v.KEYS_PKCS11_LIBRARY
        ? {
            library: v.KEYS_PKCS11_LIBRARY,
            tokenLabel: v.KEYS_PKCS11_TOKEN,
            pin: v.KEYS_PKCS11_PIN ?? readFileSync(v.KEYS_PKCS11_PIN_FILE ?? '', 'utf8').trim(),
          }
        : undefined,
      /** CKA_LABELs of the platform issuing CA and TSA keys in the token (unset: file keys under DATA_DIR/pki). */
      platformKeys: { ca: v.KEYS_PKCS11_CA_KEY, tsa: v.KEYS_PKCS11_TSA_KEY },
      expiryWarningDays: v.KEYS_EXPIRY_WARNING_DAYS,
      alertRole: v.KEYS_ALERT_ROLE,
    },
    identity: {
      passwordProfile: v.PASSWORD_PROFILE,
      passwordMinLength: v.PASSWORD_MIN_LENGTH,
      passwordHistory: v.PASSWORD_HISTORY,
      passwordMaxAgeDays: v.PASSWORD_MAX_AGE_DAYS,
      passwordHashCost: v.PASSWORD_HASH_COST,
      pinKeyVersion: v.PIN_KEY_VERSION,
      lockoutThreshold: v.LOCKOUT_THRESHOLD,
      lockoutMinutes: v.LOCKOUT_MINUTES,
      ipMaxFailures: v.LOGIN_IP_MAX_FAILURES,
      ipWindowMinutes: v.LOGIN_IP_WINDOW_MINUTES,
      accessTokenMinutes: v.ACCESS_TOKEN_MINUTES,
      refreshTokenDays: v.REFRESH_TOKEN_DAYS,
      sessionIdleMinutes: v.SESSION_IDLE_MINUTES,
      sessionMaxPerUser: v.SESSION_MAX_PER_USER,
      stepUpProofMinutes: v.STEP_UP_PROOF_MINUTES,
      mfaRequiredDefault: v.MFA_REQUIRED_DEFAULT,
      dormantAccountDays: v.DORMANT_ACCOUNT_DAYS,
    },
  };
}

function databaseConfig(url: string | undefined, dataDir: string, poolMax: number) {
  if (url?.startsWith('postgres://') || url?.startsWith('postgresql://')) {
    return { dialect: 'postgres' as const, url, poolMax, file: undefined };
  }
  const path = (url ?? '').replace(/^sqlite:(\/\/)?/, '');
  const file = path === ':memory:' ? path : resolve(path || `${dataDir}/signx.db`);
  return { dialect: 'sqlite' as const, url: `sqlite:${file}`, poolMax: 1, file };
}

function storageConfig(v: Values, dataDir: string) {
  return {
    backend: v.STORAGE_BACKEND,
    path: resolve(v.STORAGE_PATH ?? `${dataDir}/storage`),
    s3: {
      bucket: v.S3_BUCKET,
      endpoint: v.S3_ENDPOINT,
      region: v.S3_REGION,
      accessKeyId: v.S3_ACCESS_KEY_ID,
      secretAccessKey: v.S3_SECRET_ACCESS_KEY,
      forcePathStyle: v.S3_FORCE_PATH_STYLE,
      prefix: v.S3_PREFIX,
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
