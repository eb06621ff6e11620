import type { Setting } from './config-reader.js';
import { convertSettings } from './convert-settings.js';
import { imSettings } from './im-settings.js';
import { keysSettings } from './keys-settings.js';

/**
 * Every environment variable SignX reads, with its default and meaning. The README's
 * configuration table is generated from this list (`signx config table`), so they cannot drift.
 */
export const settings = {
  NODE_ENV: {
    kind: 'enum',
    values: ['development', 'production', 'test'],
    default: 'development',
    description: 'Runtime environment',
  },
  SIGNX_VERSION: {
    kind: 'string',
    default: '0.1.0',
    description: 'Version recorded in audit events and /health',
  },
  HOST: { kind: 'string', default: '0.0.0.0', description: 'Interface the HTTP server binds to' },
  PORT: { kind: 'int', min: 0, max: 65535, default: 8080, description: 'HTTP port' },
  PUBLIC_URL: {
    kind: 'string',
    pattern: /^https?:\/\//,
    description: 'External base URL used in links sent by mail (default http://localhost:PORT)',
  },
  TRUSTED_PROXIES: {
    kind: 'list',
    default: [],
    description: 'Comma-separated proxy addresses/CIDRs whose X-Forwarded-For is believed',
  },
  CORS_ORIGINS: {
    kind: 'list',
    default: [],
    description: 'Comma-separated origins allowed by CORS (none by default)',
  },
  BODY_LIMIT_BYTES: { kind: 'int', min: 1024, default: 1_048_576, description: 'Largest JSON request body' },
  PUBLIC_BODY_LIMIT_BYTES: {
    kind: 'int',
    min: 1024,
    default: 16_384,
    description: 'Largest request body of a route that needs no sign-in (login, password reset, ...)',
  },
  JSON_MAX_DEPTH: {
    kind: 'int',
    min: 8,
    max: 512,
    default: 64,
    description: 'Deepest nesting of arrays/objects a JSON body may have (deeper: 40001 before parsing)',
  },
  UPLOAD_LIMIT_BYTES: { kind: 'int', min: 1024, default: 52_428_800, description: 'Largest uploaded file' },
  RATE_LIMIT_MAX: { kind: 'int', min: 1, default: 600, description: 'Requests per client IP per window' },
  RATE_LIMIT_WINDOW_MS: { kind: 'int', min: 1000, default: 60_000, description: 'Rate-limit window' },
  SHUTDOWN_GRACE_MS: {
    kind: 'int',
    min: 0,
    default: 10_000,
    description: 'How long shutdown waits for in-flight requests and jobs',
  },
  LOG_LEVEL: {
    kind: 'enum',
    values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    default: 'info',
    description: 'pino log level',
  },
  DATA_DIR: {
    kind: 'string',
    default: './data',
    description: 'Directory for the embedded database, files and keys',
  },
  DATABASE_URL: {
    kind: 'string',
    description: 'sqlite:<file> or postgres://user:pass@host:5432/db (default: SQLite at DATA_DIR/signx.db)',
  },
  DATABASE_POOL_MAX: {
    kind: 'int',
    min: 1,
    max: 200,
    default: 10,
    description: 'PostgreSQL pool size per process',
  },
  STORAGE_BACKEND: {
    kind: 'enum',
    values: ['local', 's3'],
    default: 'local',
    description: 'File storage: local (content-addressed files) or s3',
  },
  STORAGE_PATH: { kind: 'string', description: 'Root of local storage (default DATA_DIR/storage)' },
  S3_BUCKET: { kind: 'string', description: 'Bucket for STORAGE_BACKEND=s3' },
  S3_ENDPOINT: {
    kind: 'string',
    pattern: /^https?:\/\//,
    description: 'S3-compatible endpoint URL (omit for AWS)',
  },
  S3_REGION: { kind: 'string', default: 'us-east-1', description: 'S3 region' },
  S3_ACCESS_KEY_ID: { kind: 'string', description: 'S3 access key id' },
  S3_SECRET_ACCESS_KEY: { kind: 'string', secret: true, description: 'S3 secret key' },
  S3_FORCE_PATH_STYLE: {
    kind: 'bool',
    default: true,
    description: 'Path-style bucket addressing (MinIO and most S3-compatible servers)',
  },
  S3_PREFIX: { kind: 'string', default: '', description: 'Key prefix inside the bucket' },
  SECRET_KEY: {
    kind: 'string',
    minLength: 32,
    secret: true,
    description: 'Master secret for tokens; generated into the keyring on first start when unset',
  },
  KEYRING_DIR: {
    kind: 'string',
    description: 'Directory for platform keys kept outside the database (default DATA_DIR/keyring)',
  },
  QUEUE_URL: {
    kind: 'string',
    pattern: /^rediss?:\/\//,
    description: 'redis://… switches the job runtime to BullMQ; unset runs jobs in-process from the database',
  },
  REALTIME_CHANNEL: {
    kind: 'string',
    pattern: /^[\w:.-]{1,100}$/,
    default: 'signx:realtime',
    description: 'Redis pub/sub channel that carries in-app messages between nodes (with QUEUE_URL)',
  },
  JOBS_CONCURRENCY: {
    kind: 'int',
    min: 1,
    max: 1000,
    default: 16,
    description: 'Background jobs one process runs at the same time',
  },
  JOBS_RETENTION_DAYS: {
    kind: 'int',
    min: 1,
    max: 3650,
    default: 14,
    description: 'Days finished (succeeded/cancelled) jobs and schedule fires are kept; dead letters stay',
  },
  OUTBOUND_ALLOW_LIST: {
    kind: 'list',
    default: [],
    description: 'Private hosts/CIDRs that outbound HTTP may reach (refused by default)',
  },
  OUTBOUND_TIMEOUT_MS: {
    kind: 'int',
    min: 100,
    default: 10_000,
    description: 'Timeout of outbound HTTP calls',
  },
  MAIL_SERVER: { kind: 'string', description: 'SMTP host; mail is not sent when unset' },
  MAIL_PORT: { kind: 'int', min: 1, max: 65535, default: 587, description: 'SMTP port' },
  MAIL_USERNAME: { kind: 'string', description: 'SMTP user' },
  MAIL_PASSWORD: { kind: 'string', secret: true, description: 'SMTP password' },
  MAIL_USE_TLS: {
    kind: 'bool',
    default: true,
    description: 'Require STARTTLS (or implicit TLS on port 465)',
  },
  MAIL_POOL_SIZE: {
    kind: 'int',
    min: 1,
    max: 50,
    default: 5,
    description: 'Pooled SMTP connections per process',
  },
  MAIL_FROM: { kind: 'string', default: 'SignX <noreply@localhost>', description: 'Sender address' },
  LIBREOFFICE_PATH: {
    kind: 'string',
    default: 'soffice',
    description: 'LibreOffice executable for DOCX → PDF',
  },
  ...convertSettings,
  ...keysSettings,
  ...imSettings,
  AUDIT_ANCHOR_DIR: {
    kind: 'string',
    description:
      'Directory outside the database where signed audit checkpoints are anchored (default DATA_DIR/audit-anchors)',
  },
  AUDIT_CHECKPOINT_INTERVAL_SECONDS: {
    kind: 'int',
    min: 1,
    default: 300,
    description:
      'How often a signed audit checkpoint is made (the server also signs one at start and at graceful shutdown)',
  },
  AUDIT_RETENTION_DAYS: {
    kind: 'int',
    min: 0,
    default: 0,
    description: 'Archive audit events older than this many days to storage (0 keeps everything online)',
  },
  DOCUMENTS_TRASH_DAYS: {
    kind: 'int',
    min: 0,
    default: 30,
    description:
      'Days a trashed document can be restored before the purge job removes it (if not retained or held)',
  },
  DOCUMENTS_MAX_UNPACKED_BYTES: {
    kind: 'int',
    min: 1_048_576,
    default: 268_435_456,
    description: 'Largest total unpacked size of an uploaded office file (zip-bomb guard)',
  },
  DOCUMENTS_MAX_ARCHIVE_ENTRIES: {
    kind: 'int',
    min: 10,
    default: 5000,
    description: 'Most parts an uploaded office file may hold (zip-bomb guard)',
  },
  PASSWORD_PROFILE: {
    kind: 'enum',
    values: ['ops', 'asvs'],
    default: 'ops',
    description:
      'Password rules: ops (upper, lower, digit, special; PASSWORD_MIN_LENGTH) or asvs (OWASP ASVS 6.2: no composition rules, at least 12)',
  },
  PASSWORD_MIN_LENGTH: { kind: 'int', min: 8, max: 128, default: 8, description: 'Minimum password length' },
  PASSWORD_HISTORY: {
    kind: 'int',
    min: 0,
    max: 50,
    default: 5,
    description: 'Previous passwords a new one may not repeat',
  },
  PASSWORD_MAX_AGE_DAYS: {
    kind: 'int',
    min: 0,
    default: 0,
    description: 'Password expiry in days (0: never)',
  },
  PASSWORD_HASH_COST: {
    kind: 'enum',
    values: ['standard', 'test'],
    default: 'standard',
    description: 'argon2id cost: standard (m=19456 KiB, t=2, p=1); test only for test suites',
  },
  PIN_KEY_VERSION: {
    kind: 'int',
    min: 1,
    max: 999,
    default: 1,
    description: 'Keyring key that hashes new signature PINs (k1..k<n> still verify; raise to rotate)',
  },
  LOCKOUT_THRESHOLD: { kind: 'int', min: 1, default: 5, description: 'Failed logins that lock an account' },
  LOCKOUT_MINUTES: {
    kind: 'int',
    min: 1,
    default: 30,
    description: 'How long a locked account stays locked',
  },
  LOGIN_IP_MAX_FAILURES: {
    kind: 'int',
    min: 1,
    default: 20,
    description: 'Failed logins per client IP per window before throttling',
  },
  LOGIN_IP_WINDOW_MINUTES: {
    kind: 'int',
    min: 1,
    default: 15,
    description: 'Window of the per-IP login throttle',
  },
  ACCESS_TOKEN_MINUTES: { kind: 'int', min: 1, max: 60, default: 15, description: 'Access token lifetime' },
  REFRESH_TOKEN_DAYS: { kind: 'int', min: 1, max: 90, default: 7, description: 'Refresh token lifetime' },
  SESSION_IDLE_MINUTES: { kind: 'int', min: 1, default: 30, description: 'A session unused this long ends' },
  SESSION_MAX_PER_USER: {
    kind: 'int',
    min: 1,
    default: 5,
    description: 'Concurrent sessions per user (the oldest ends)',
  },
  MFA_REQUIRED_DEFAULT: {
    kind: 'bool',
    default: true,
    description:
      'Seeded system roles require MFA on a new installation (then per role: PATCH /roles/{id} mfa_required)',
  },
  DORMANT_ACCOUNT_DAYS: {
    kind: 'int',
    min: 0,
    max: 3650,
    default: 90,
    description:
      'Accounts with no sign-in for this many days are disabled by a daily job (21 CFR 11.300); 0 = never',
  },
  STEP_UP_PROOF_MINUTES: {
    kind: 'int',
    min: 1,
    max: 30,
    default: 5,
    description: 'Lifetime of a step-up re-authentication proof',
  },
} as const satisfies Record<string, Setting>;
