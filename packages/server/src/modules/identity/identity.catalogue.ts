import type { ModuleTag } from '../../platform/module.js';

/**
 * The identity module's OpenAPI tags, declared once with the descriptions the API
 * documentation shows (ModuleDefinition.tags); every identity route is mounted under one.
 * Its permissions are in roles/permission-catalogue.ts, its audit events in
 * shared/identity-audit.ts.
 */
export const identityTags = {
  auth: {
    name: 'auth',
    description: 'Sign-in, token refresh, sign-out, second factors, password changes and resets',
  },
  me: { name: 'me', description: 'The signed-in user’s own account' },
  users: { name: 'users', description: 'User accounts: creation, profile, roles, status, lockout' },
  departments: { name: 'departments', description: 'The department tree and department heads' },
  roles: {
    name: 'roles',
    description: 'Roles with inheritance, data scopes and MFA requirement; the permission catalogue',
  },
  sessions: { name: 'sessions', description: 'Signed-in sessions: listing and ending them' },
  apiKeys: {
    name: 'api-keys',
    description: 'Integration keys: shown once, stored as SHA-256, scoped, revocable at once',
  },
  loginLog: { name: 'login-log', description: 'Every sign-in attempt, successful or not' },
} as const satisfies Record<string, ModuleTag>;
