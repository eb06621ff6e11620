import type { AccessRule } from '../http/access.js';

/**
 * A module's permissions, declared by the module that checks them (never by another
 * module on its behalf) and listed in its ModuleDefinition. The platform collects them per
 * app (platform/catalogues/catalogues.ts): the route helper documents each route's
 * permission with its description, and identity seeds the codes into roles.
 */
export interface PermissionSpec {
  description: string;
  /**
   * Whether identity's data scopes (self / department / all) narrow what this permission
   * reaches, e.g. reading users; false for permissions about the whole installation.
   */
  dataScoped?: boolean;
}

export interface PermissionDeclaration {
  code: string;
  module: string;
  description: string;
  dataScoped: boolean;
}

export interface PermissionSet<C extends string = string> {
  readonly module: string;
  readonly declarations: readonly PermissionDeclaration[];
  /** Typed constants, so a typo in a code is a compile error: `set.codes['example.widget.read']`. */
  readonly codes: { readonly [K in C]: K };
  /** The access rule of a route that needs `code`. */
  access(code: C): AccessRule;
}

const codePattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){1,4}$/;

export function definePermissions<const S extends Record<string, PermissionSpec>>(
  module: string,
  specs: S,
): PermissionSet<keyof S & string> {
  const declarations: PermissionDeclaration[] = [];
  for (const [code, spec] of Object.entries(specs)) {
    if (!codePattern.test(code)) throw new Error(`invalid permission code "${code}" (module ${module})`);
    if (!spec.description) throw new Error(`permission ${code} needs a description`);
    declarations.push({ code, module, description: spec.description, dataScoped: spec.dataScoped ?? false });
  }
  const codes = Object.fromEntries(declarations.map((d) => [d.code, d.code]));
  return {
    module,
    declarations,
    codes: codes as { readonly [K in keyof S & string]: K },
    access: (code) => ({ permission: code }),
  };
}
