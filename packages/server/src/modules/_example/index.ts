import { mountRoutes } from '../../platform/http/route.js';
import type { ModuleDefinition } from '../../platform/module.js';
import { exampleAuditEvents, examplePermissions, widgetsTag } from './example.catalogue.js';
import { exampleDeps } from './example.deps.js';
import { exampleErrors } from './example.errors.js';
import { notifyOwnerJob } from './widgets.jobs.js';
import { widgetRoutes } from './widgets.routes.js';

/**
 * The module's public face: its definition (what it adds to the platform) and whatever
 * service API other modules may call (none yet).
 * @templateNote The template module (docs/architecture.md): one entity, widgets, end to
 * end. It is not in modules/index.ts, so the server never mounts it; tests mount it beside
 * the real modules. `npm run new-module -- <name>` copies it into a real module.
 */
export const exampleModule: ModuleDefinition = {
  name: 'example',
  tags: [widgetsTag],
  permissions: examplePermissions,
  auditEvents: exampleAuditEvents,
  errors: exampleErrors,
  jobs: [notifyOwnerJob],
  routes: async (api, ctx) => mountRoutes(api, widgetsTag, widgetRoutes(exampleDeps(ctx))),
};
