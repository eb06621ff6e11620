import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import { type DomainErrorCode, errorCodes, platformErrors } from '../errors.js';
import type { ModuleDefinition, ModuleTag } from '../module.js';
import type { AuditEventDeclaration } from './audit-event-catalogue.js';
import type { IntegrationEventDeclaration } from './integration-event-catalogue.js';
import type { PermissionDeclaration } from './permission-catalogue.js';
import '../typebox-formats.js';

/**
 * What the mounted modules declared, collected once per app context: tags, permissions,
 * audit event types and domain error codes. Built from the module list the app (or a CLI
 * command) was given, so two apps in one process with different modules see different
 * catalogues, and a module that forgot to list something is caught where it is used.
 */
export interface Catalogues {
  readonly modules: readonly string[];
  readonly tags: ReadonlyMap<string, ModuleTag>;
  readonly permissions: ReadonlyMap<string, PermissionDeclaration>;
  readonly auditEvents: ReadonlyMap<string, AuditEventDeclaration>;
  /** Event types modules emit to other systems (webhook subscriptions name these). */
  readonly integrationEvents: ReadonlyMap<string, IntegrationEventDeclaration>;
  /** Domain codes by API number, the platform's own included. */
  readonly errors: ReadonlyMap<number, DomainErrorCode>;
  /** The compiled payload check of a declared audit event type (compiled on first use). */
  payloadCheck(type: string): TypeCheck<AuditEventDeclaration['payload']> | undefined;
}

/**
 * Collects the modules' declarations and refuses, at boot, any clash: two modules of one
 * name, one permission code, audit event type, tag or domain error number declared twice.
 * The error lists every clash, so one start shows all of them.
 */
export function buildCatalogues(modules: readonly ModuleDefinition[]): Catalogues {
  const problems: string[] = [];
  const claim = <K, V>(map: Map<K, V>, key: K, value: V, what: string, owner: (v: V) => string) => {
    const earlier = map.get(key);
    if (earlier === undefined) map.set(key, value);
    else problems.push(`${what} ${String(key)} is declared by ${owner(earlier)} and ${owner(value)}`);
  };
  const names = new Map<string, string>();
  const tags = new Map<string, ModuleTag & { module: string }>();
  const permissions = new Map<string, PermissionDeclaration>();
  const auditEvents = new Map<string, AuditEventDeclaration>();
  const integrationEvents = new Map<string, IntegrationEventDeclaration>();
  const errors = new Map<number, DomainErrorCode>();
  for (const code of Object.values(platformErrors)) errors.set(code.api, code);
  for (const module of modules) {
    claim(names, module.name, module.name, 'module', (m) => `module ${m}`);
    for (const tag of module.tags ?? []) {
      claim(tags, tag.name, { ...tag, module: module.name }, 'tag', (t) => t.module);
    }
    for (const p of module.permissions?.declarations ?? [])
      claim(permissions, p.code, p, 'permission', (d) => d.module);
    for (const e of module.auditEvents?.declarations ?? [])
      claim(auditEvents, e.type, e, 'audit event', (d) => d.module);
    for (const e of module.integrationEvents?.declarations ?? [])
      claim(integrationEvents, e.type, e, 'integration event', (d) => d.module);
    for (const e of Object.values(module.errors ?? {})) claim(errors, e.api, e, 'error code', describeError);
  }
  for (const base of Object.values(errorCodes)) {
    if (errors.has(base.api)) problems.push(`error code ${base.api} is a platform family code`);
  }
  if (problems.length > 0) throw new Error(`Module catalogues clash:\n- ${problems.join('\n- ')}`);
  return {
    modules: [...names.keys()],
    tags,
    permissions,
    auditEvents,
    integrationEvents,
    errors,
    payloadCheck: compiledChecks(auditEvents),
  };
}

function describeError(code: DomainErrorCode): string {
  return `${code.module} (${code.name})`;
}

function compiledChecks(events: ReadonlyMap<string, AuditEventDeclaration>) {
  const compiled = new Map<string, TypeCheck<AuditEventDeclaration['payload']>>();
  return (type: string) => {
    const declaration = events.get(type);
    if (!declaration) return undefined;
    let check = compiled.get(type);
    if (!check) {
      check = TypeCompiler.Compile(declaration.payload);
      compiled.set(type, check);
    }
    return check;
  };
}
