import type { Actor } from './actor.js';
import type { AppContext } from './app-context.js';
import type { DbOrTrx } from './db/schema.js';
import type { Principal } from './http/access.js';

/**
 * Record data providers: how one module lends the fields of its records to another (a
 * document template filled from a document's metadata, a user, later a project's contract)
 * without that module reading the other's tables. A module declares its providers on its
 * ModuleDefinition (`recordData`), one per entity type; the registry is the list of the
 * context's modules, so nothing registers at run time and two apps never share a provider.
 */
export interface RecordField {
  /** Key in the data the provider answers (a template variable of the same name takes it). */
  name: string;
  /** What people see when they choose a field. */
  label: string;
  type: 'text' | 'number' | 'date' | 'boolean';
}

/** Who reads: the actor (its permissions) and the principal (for the owning module's data scope). */
export interface RecordReader {
  actor: Actor;
  principal: Principal | null;
}

export interface RecordDataProvider {
  /** The entity type whose records this provider reads (`document`, `user`). */
  entityType: string;
  description: string;
  /** The permission a reader needs; the provider also applies its own module's data scope. */
  permission: string;
  fields: readonly RecordField[];
  /** The record's fields, or null when it does not exist or lies outside the reader's scope. */
  load(
    ctx: AppContext,
    db: DbOrTrx,
    reader: RecordReader,
    id: string,
  ): Promise<Record<string, unknown> | null>;
}

/** Every provider of the context's modules, by entity type (module order; the first wins). */
export function recordDataProviders(ctx: AppContext): Map<string, RecordDataProvider> {
  const providers = new Map<string, RecordDataProvider>();
  for (const module of ctx.modules) {
    for (const provider of module.recordData ?? []) {
      if (providers.has(provider.entityType))
        throw new Error(`two record data providers for "${provider.entityType}" (module ${module.name})`);
      providers.set(provider.entityType, provider);
    }
  }
  return providers;
}
