import { pendingMigrations } from '../../platform/db/migrator.js';
import { mountRoutes } from '../../platform/http/route.js';
import type { ModuleDefinition } from '../../platform/module.js';
import { apiKeyRoutes } from './api-keys/api-keys.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { installRefreshCookie } from './auth/refresh-cookie.js';
import { dormantAccountsJob, dormantAccountsSchedule } from './credentials/credentials.jobs.js';
import { departmentRoutes } from './departments/departments.routes.js';
import { createAdministrator } from './first-admin.js';
import { identityTags } from './identity.catalogue.js';
import { identityDeps } from './identity.deps.js';
import { identityErrors } from './identity.errors.js';
import { loginLogRoutes } from './login-log/login-log.routes.js';
import { mfaRoutes } from './mfa/mfa.routes.js';
import { passkeyRoutes } from './passkeys/passkeys.routes.js';
import { passkeyAdminRoutes } from './passkeys/passkeys-admin.routes.js';
import { roleRoutes } from './roles/roles.routes.js';
import { ensureCatalogue } from './roles/user-authz.service.js';
import { createAuthenticator } from './sessions/authenticator.service.js';
import { sessionRoutes } from './sessions/sessions.routes.js';
import { identityIntegrationEvents } from './shared/identity-events.js';
import { meRoutes } from './users/me.routes.js';
import { userAdminRoutes } from './users/user-admin.routes.js';
import { userRecordData } from './users/user-record-data.js';
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
  errors: identityErrors,
  recordData: [userRecordData],
  integrationEvents: identityIntegrationEvents,
  jobs: [dormantAccountsJob],
  schedules: [dormantAccountsSchedule],
  install: async (app, ctx) => {
    if (ctx.config.isProduction && ctx.config.identity.passwordHashCost !== 'standard')
      throw new Error('PASSWORD_HASH_COST=test is for test suites only; it is refused in production');
    const runtime = identityDeps(ctx);
    const authenticate = createAuthenticator(runtime);
    app.setAuthenticator((request) => {
      const apiKey = request.headers['x-api-key'];
      return authenticate({
        apiKey: typeof apiKey === 'string' ? apiKey : undefined,
        authorization: request.headers.authorization,
        routeUrl: request.routeOptions.url ?? '',
      });
    });
    app.addHook('onReady', async () => {
      // Permissions declared in code and the seed roles are written when the app starts, never
      // by a read; a database still to be migrated (API document generation) gets them with
      // its first administrator instead.
      if ((await pendingMigrations(ctx.db)).length === 0) await ensureCatalogue(runtime);
      await runtime.hasher.warm();
    });
  },
  routes: async (api, ctx) => {
    const runtime = identityDeps(ctx);
    installRefreshCookie(api, runtime);
    mountRoutes(api, identityTags.auth, authRoutes(runtime));
    mountRoutes(api, identityTags.auth, mfaRoutes(runtime));
    mountRoutes(api, identityTags.auth, passkeyRoutes(runtime));
    mountRoutes(api, identityTags.me, meRoutes(runtime));
    mountRoutes(api, identityTags.users, userRoutes(runtime));
    mountRoutes(api, identityTags.users, userAdminRoutes(runtime));
    mountRoutes(api, identityTags.users, passkeyAdminRoutes(runtime));
    mountRoutes(api, identityTags.departments, departmentRoutes(runtime));
    mountRoutes(api, identityTags.roles, roleRoutes(runtime));
    mountRoutes(api, identityTags.sessions, sessionRoutes(runtime));
    mountRoutes(api, identityTags.apiKeys, apiKeyRoutes(runtime));
    mountRoutes(api, identityTags.loginLog, loginLogRoutes(runtime));
  },
  onFirstStart: async (ctx, output) => {
    const { password } = await createAdministrator(identityDeps(ctx), {
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
