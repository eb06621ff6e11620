/**
 * The permission catalogue: every action code any module checks. Modules declare theirs
 * with `definePermissions` at import time; identity writes new codes to the `permissions`
 * table on start, and the seeded roles receive them by rule (super admin: all; auditor:
 * every `.read` plus audit), so a module added later needs no identity change.
 */
export interface PermissionDeclaration {
  code: string;
  module: string;
  description: string;
}

const registry = new Map<string, PermissionDeclaration>();

const codePattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){1,4}$/;

export function definePermissions<const P extends Record<string, string>>(
  module: string,
  permissions: P,
): { [K in keyof P]: K } {
  for (const [code, description] of Object.entries(permissions)) {
    if (!codePattern.test(code)) throw new Error(`invalid permission code "${code}"`);
    registry.set(code, { code, module, description });
  }
  return Object.fromEntries(Object.keys(permissions).map((k) => [k, k])) as { [K in keyof P]: K };
}

export function declaredPermissions(): PermissionDeclaration[] {
  return [...registry.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export function isDeclaredPermission(code: string): boolean {
  return registry.has(code);
}

export const identityPermissions = definePermissions('identity', {
  'identity.user.read': 'List and view user accounts',
  'identity.user.create': 'Create user accounts',
  'identity.user.update': 'Change user accounts and their roles',
  'identity.user.disable': 'Disable and re-enable user accounts',
  'identity.user.reset_password': 'Send a user a password reset link',
  'user.phone.view': 'See phone numbers unmasked',
  'identity.department.read': 'View departments',
  'identity.department.create': 'Create departments',
  'identity.department.update': 'Change departments and their heads',
  'identity.department.delete': 'Delete empty departments',
  'identity.role.read': 'View roles and the permission catalogue',
  'identity.role.create': 'Create roles',
  'identity.role.update': 'Change roles, their permissions and data scopes',
  'identity.role.delete': 'Delete roles no user holds',
  'identity.session.read': 'See online users and sessions',
  'identity.session.kick': 'End other users’ sessions',
  'identity.api_key.read': 'List API keys',
  'identity.api_key.create': 'Create API keys',
  'identity.api_key.revoke': 'Revoke API keys',
  'identity.login_log.read': 'Read the login log',
});

/**
 * Takes in the permissions that modules on the module template declare in their
 * ModuleDefinition (collected per app context in `ctx.catalogues`), so they are synced to
 * the permissions table, granted to the seed roles by rule and accepted in role edits like
 * the codes declared here.
 */
export function adoptModulePermissions(
  declarations: Iterable<{ code: string; module: string; description: string }>,
): void {
  for (const d of declarations) {
    if (!registry.has(d.code))
      registry.set(d.code, { code: d.code, module: d.module, description: d.description });
  }
}
