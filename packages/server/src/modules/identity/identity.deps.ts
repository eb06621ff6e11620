import type { Config } from '../../config.js';
import type { AppContext } from '../../platform/app-context.js';
import { defineModuleDeps } from '../../platform/module-deps.js';
import { createPasswordHasher, type PasswordHasher } from './passwords/password-hasher.js';
import { createPinHasher, type PinHasher, pinKeysFromKeyring } from './passwords/pin-hasher.js';
import { adoptModulePermissions } from './roles/permission-catalogue.js';
import type { AuthzCache } from './roles/user-authz.service.js';
import type { AccessClaims } from './sessions/access-token.service.js';
import type { ListedUser } from './users/users.repository.js';

/**
 * What the identity module keeps per process, each cache with its type and its owner, so
 * nothing is shared through an untyped bag and two app contexts never share a cache.
 */
export interface IdentityCaches {
  /** Roles, permissions and departments at one authz version, and users resolved against them (user-authz.service.ts). */
  authz: AuthzCache;
  /** Listed user rows by id, valid while their row_version matches (user-row-cache.ts). */
  userRows: Map<string, ListedUser>;
  /** Role codes per user at one authz version (user-row-cache.ts). */
  userRoleCodes: { version: number; codes: Map<string, string[]> };
  /** Verified access tokens by token string (access-token.service.ts). */
  accessTokens: Map<string, AccessClaims>;
}

/**
 * What the identity services share inside one process: settings, the password hasher, the
 * keys derived from the keyring, and the typed caches. One value per AppContext
 * (platform/module-deps.ts), so the exported service functions (step-up verifier, data
 * scope) can reach it from `ctx` alone.
 */
export interface IdentityDeps {
  ctx: AppContext;
  settings: Config['identity'];
  hasher: PasswordHasher;
  /** Signature PINs: HMAC under a keyring key (pin-hasher.ts), argon2id hashes still read. */
  pinHasher: PinHasher;
  jwtKey: Uint8Array;
  totpKey: Buffer;
  caches: IdentityCaches;
}

export const identityDeps = defineModuleDeps('identity', (ctx): IdentityDeps => {
  adoptModulePermissions(ctx.catalogues.permissions.values());
  const hasher = createPasswordHasher(ctx.config.identity.passwordHashCost);
  return {
    ctx,
    settings: ctx.config.identity,
    hasher,
    pinHasher: createPinHasher(pinKeysFromKeyring(ctx.keyring, ctx.config.identity.pinKeyVersion), hasher),
    jwtKey: new Uint8Array(ctx.keyring.secret('jwt')),
    totpKey: ctx.keyring.secret('identity-totp'),
    caches: {
      authz: { snapshot: null, loading: null, users: new Map(), synced: null },
      userRows: new Map(),
      userRoleCodes: { version: -1, codes: new Map() },
      accessTokens: new Map(),
    },
  };
});
