import type { FastifyInstance } from 'fastify';
import type { AppContext } from './app-context.js';
import type { AuditEventTypes } from './catalogues/audit-event-catalogue.js';
import type { IntegrationEventTypes } from './catalogues/integration-event-catalogue.js';
import type { PermissionSet } from './catalogues/permission-catalogue.js';
import type { DomainErrorCode } from './errors.js';
import type { JobDefinition, ScheduleDefinition } from './jobs/index.js';
import type { RecordDataProvider } from './record-data.js';

/** An OpenAPI tag a module declares once, with the description the API documentation shows. */
export interface ModuleTag {
  name: string;
  description: string;
}

/**
 * A SignX module as the application sees it: routes to mount under /api/v1, hooks into
 * the platform's life cycle, and what it adds to the platform's catalogues (tags,
 * permissions, audit event types, domain error codes). Modules are listed in
 * `modules/index.ts`; the app and the CLI pass that list to the platform, which never
 * imports modules itself.
 */
export interface ModuleDefinition {
  name: string;
  /** Registers the module's routes (mounted under /api/v1) and request hooks. */
  routes?: (app: FastifyInstance, ctx: AppContext) => Promise<void>;
  /** Hooks on the root instance (e.g. the authenticator); runs before any routes. */
  install?: (app: FastifyInstance, ctx: AppContext) => Promise<void>;
  /**
   * Runs exactly once per installation, on the first start after migrations (e.g. identity
   * creates the first administrator). `output` reaches the console, never the log.
   */
  onFirstStart?: (ctx: AppContext, output: (line: string) => void) => Promise<void>;
  /**
   * Runs when the app closes, after in-flight requests drained and job workers stopped,
   * while the database is still open (e.g. audit signs a last checkpoint). Errors are logged.
   */
  onShutdown?: (ctx: AppContext) => Promise<void>;
  /**
   * Runs in a serving process just before its job runtime starts (never in tests or CLI
   * commands): e.g. schedules made from settings, which only a process running jobs needs.
   */
  onStart?: (ctx: AppContext) => void;
  /** The module's job kinds; buildApp registers them with the job runtime. */
  // biome-ignore lint/suspicious/noExplicitAny: jobs of any payload type
  jobs?: JobDefinition<any>[];
  /** Recurring jobs the module declares (see platform/jobs/schedule-definition.ts). */
  schedules?: ScheduleDefinition[];
  /** OpenAPI tags of the module's routes, with descriptions (the route helper uses them). */
  tags?: ModuleTag[];
  /** The permissions the module's routes and policies check (platform/catalogues/permission-catalogue.ts). */
  permissions?: PermissionSet;
  /** The audit event types the module records (platform/catalogues/audit-event-catalogue.ts). */
  auditEvents?: AuditEventTypes;
  /** The event types the module emits to other systems (platform/catalogues/integration-event-catalogue.ts). */
  integrationEvents?: IntegrationEventTypes;
  /** The module's domain error codes (`defineErrorCodes` in its `*.errors.ts`). */
  errors?: Readonly<Record<string, DomainErrorCode>>;
  /** Fields of the module's records that other modules may read (platform/record-data.ts). */
  recordData?: RecordDataProvider[];
}

/** What a serving process does after it listens: each module's `onStart`, then the job runtime. */
export async function startBackgroundWork(ctx: AppContext): Promise<void> {
  for (const module of ctx.modules) module.onStart?.(ctx);
  await ctx.jobs.start();
}
