/** Seed 004's eight entity types; modules add theirs with `signing.registerEntityType`. */
export const SEED_ENTITY_TYPES = [
  'invoice',
  'contract',
  'quote',
  'repair',
  'customer',
  'document',
  'project',
  'purchase_order',
] as const;

const NAME = /^[a-z][a-z0-9_]{0,49}$/;

/** The registry of entity types requests may point at, one per app context (signing.deps.ts). */
export class EntityTypeRegistry {
  readonly #types = new Set<string>(SEED_ENTITY_TYPES);

  register(type: string): void {
    if (!NAME.test(type))
      throw new Error(`entity type ${JSON.stringify(type)} must be lower_snake_case, ≤ 50`);
    this.#types.add(type);
  }

  has(type: string): boolean {
    return this.#types.has(type);
  }

  list(): string[] {
    return [...this.#types];
  }
}
