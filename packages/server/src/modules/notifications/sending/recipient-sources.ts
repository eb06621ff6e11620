import type { DbOrTrx } from '../../../platform/db/schema.js';

/** A person a recipient reference resolves to, with what their profile says. */
export interface Person {
  user_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  /** Inactive people are reported per recipient and not sent to. */
  active: boolean;
}

/** One entry of `recipients` in a send request. */
export interface RecipientRef {
  type: string;
  id?: string;
  code?: string;
  address?: string;
  name?: string;
  locale?: string;
  include_children?: boolean;
  /** Values for this recipient only (merged over the message's params). */
  params?: Record<string, unknown>;
}

/**
 * How another module lets messages address its people: identity provides `user`, `role`
 * and `department`; a projects module provides `project` (its team). A source answers each
 * reference with the people it names, or an error the sender sees for that reference.
 */
export interface RecipientSource {
  type: string;
  /** The module providing it; the source is used only where that module is mounted. */
  module: string;
  description: string;
  resolve(db: DbOrTrx, refs: readonly RecipientRef[]): Promise<(Person[] | { error: string })[]>;
}

const provided = new Map<string, RecipientSource>();

/**
 * Registers a source (at import time, like a job definition). The notification center of
 * an app context uses the sources whose module that context mounts.
 */
export function provideRecipientSource(source: RecipientSource): void {
  const existing = provided.get(source.type);
  if (existing && existing.module !== source.module) {
    throw new Error(`recipient type ${source.type} is provided by ${existing.module} already`);
  }
  provided.set(source.type, source);
}

export function sourcesFor(moduleNames: readonly string[]): ReadonlyMap<string, RecipientSource> {
  const mounted = new Set(moduleNames);
  return new Map([...provided].filter(([, source]) => mounted.has(source.module)));
}
