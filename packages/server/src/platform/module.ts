import type { FastifyInstance } from 'fastify';
import type { AppContext } from './app-context.js';
import type { JobDefinition, ScheduleDefinition } from './jobs/index.js';

/**
 * A SignX module as the application sees it: routes to mount under /api/v1 and hooks into
 * the platform's life cycle. Modules are listed in `modules/index.ts`.
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
  /** The module's job kinds; buildApp registers them with the job runtime. */
  // biome-ignore lint/suspicious/noExplicitAny: jobs of any payload type
  jobs?: JobDefinition<any>[];
  /** Recurring jobs the module declares (see platform/jobs/schedule-definition.ts). */
  schedules?: ScheduleDefinition[];
}
