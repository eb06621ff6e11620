import { mountRoutes } from '../../platform/http/route.js';
import type { ModuleDefinition } from '../../platform/module.js';
import { apiKeyRoutes } from './api-keys/api-keys.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { installRefreshCookie, logoutEverywhereRoute } from './auth/refresh-cookie.js';
import { departmentRoutes } from './departments/departments.routes.js';
import { createAdministrator } from './first-admin.js';
import { identityTags } from './identity.catalogue.js';
import { loginLogRoutes } from './login-log/login-log.routes.js';
import { mfaRoutes } from './mfa/mfa.routes.js';
import { roleRoutes } from './roles/roles.routes.js';
import { ensureCatalogue } from './roles/user-authz.js';
import { createAuthenticator } from './sessions/authenticator.js';
import { sessionRoutes } from './sessions/sessions.routes.js';
import { identityRuntime } from './shared/identity-runtime.js';
import { meRoutes } from './users/me.routes.js';
import { userAdminRoutes } from './users/user-admin.routes.js';
import { userRoutes } from './users/users.routes.js';
import './users/notification-recipients.js';

/**
 * Identity and access: installs the platform authenticator (Bearer JWT + X-API-Key),
 * mounts /auth, /me, /users, /departments, /roles, /permissions, /sessions, /api-keys,
 * /login-log, and creates the first administrator on the first start.
 */
export const identityModule: ModuleDefinition = {
  name: 'identity',
  tags: Object.values(identityTags),
  install: async (app, ctx) => {
    if (ctx.config.isProduction && ctx.config.identity.passwordHashCost !== 'standard')
      throw new Error('PASSWORD_HASH_COST=test is for test suites only; it is refused in production');
    const runtime = identityRuntime(ctx);
    app.setAuthenticator(createAuthenticator(runtime));
    app.addHook('onReady', async () => {
      await ensureCatalogue(runtime);
      await runtime.hasher.warm();
    });
  },
  routes: async (api, ctx) => {
    const runtime = identityRuntime(ctx);
    installRefreshCookie(api, runtime);
    await authRoutes(api, runtime);
    await logoutEverywhereRoute(api, runtime);
    await mfaRoutes(api, runtime);
    await meRoutes(api, runtime);
    await userRoutes(api, runtime);
    await userAdminRoutes(api, runtime);
    await departmentRoutes(api, runtime);
    mountRoutes(api, identityTags.roles, roleRoutes(runtime));
    mountRoutes(api, identityTags.sessions, sessionRoutes(runtime));
    mountRoutes(api, identityTags.apiKeys, apiKeyRoutes(runtime));
    mountRoutes(api, identityTags.loginLog, loginLogRoutes(runtime));
  },
  onFirstStart: async (ctx, output) => {
    const { password } = await createAdministrator(identityRuntime(ctx), {
      username: 'admin',
      fullName: 'Administrator',
      email: null,
      actor: 'first-start',
    });
    output('SignX first start: created the administrator account "admin".');
    output(`password: ${password}`);
    output('This password is shown once and must be changed at the first sign-in.');
  },
};
