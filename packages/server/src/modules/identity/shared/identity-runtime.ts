import type { Config } from '../../../config.js';
import type { AppContext } from '../../../platform/app-context.js';
import { createPasswordHasher, type PasswordHasher } from '../passwords/password-hasher.js';
import { adoptModulePermissions } from '../roles/permission-catalogue.js';

/**
 * What the identity services share inside one process: settings, the password hasher, the
 * keys derived from the keyring, and the per-process caches. One per AppContext, so the
 * exported service functions (step-up verifier, data scope) can reach it from `ctx` alone.
 */
export interface IdentityRuntime {
  ctx: AppContext;
  settings: Config['identity'];
  hasher: PasswordHasher;
  jwtKey: Uint8Array;
  totpKey: Buffer;
  /** Free-form per-process caches owned by the session and authorization code. */
  caches: Map<string, unknown>;
}

const runtimes = new WeakMap<AppContext, IdentityRuntime>();

export function identityRuntime(ctx: AppContext): IdentityRuntime {
  let runtime = runtimes.get(ctx);
  if (!runtime) {
    adoptModulePermissions(ctx.catalogues.permissions.values());
    runtime = {
      ctx,
      settings: ctx.config.identity,
      hasher: createPasswordHasher(ctx.config.identity.passwordHashCost),
      jwtKey: new Uint8Array(ctx.keyring.secret('jwt')),
      totpKey: ctx.keyring.secret('identity-totp'),
      caches: new Map(),
    };
    runtimes.set(ctx, runtime);
  }
  return runtime;
}

/** A per-process cache slot, created on first use. */
export function cacheSlot<T>(runtime: IdentityRuntime, name: string, create: () => T): T {
  let value = runtime.caches.get(name) as T | undefined;
  if (value === undefined) {
    value = create();
    runtime.caches.set(name, value);
  }
  return value;
}
