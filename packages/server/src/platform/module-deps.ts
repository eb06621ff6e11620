import type { AppContext } from './app-context.js';

/**
 * How a module reaches its own runtime (settings, derived keys, caches, its typed audit
 * trail): a typed value created once per AppContext, never a process global, so two apps
 * in one process (tests do this all the time) never share a cache or a setting.
 *
 *   export const widgetDeps = defineModuleDeps('example', (ctx) => ({ db: ctx.db, ... }));
 *   const deps = widgetDeps(ctx);            // in routes, job handlers, CLI commands
 *
 * Each accessor keeps its values in its own WeakMap keyed by the context: typed end to end
 * (no `Map<string, unknown>` and no casts), and released with the context.
 */
export interface ModuleDepsAccessor<T> {
  (ctx: AppContext): T;
  /** The module the deps belong to (error messages, docs). */
  readonly module: string;
  /** Builds a fresh value without remembering it (tests that want their own clock or settings). */
  create(ctx: AppContext): T;
}

export function defineModuleDeps<T>(module: string, create: (ctx: AppContext) => T): ModuleDepsAccessor<T> {
  const values = new WeakMap<AppContext, T>();
  const accessor = (ctx: AppContext): T => {
    let value = values.get(ctx);
    if (value === undefined) {
      value = create(ctx);
      values.set(ctx, value);
    }
    return value;
  };
  return Object.assign(accessor, { module, create });
}
