import type { Static, TSchema } from '@sinclair/typebox';

/**
 * A module's audit event types with typed payloads: the module declares each type once
 * (description, entity type, payload schema), lists the set in its ModuleDefinition, and
 * records through a typed trail (platform/audit-trail.ts), where the type names a
 * discriminated union, so a payload that does not match its type is a compile error.
 */
export interface AuditEventSpec {
  description: string;
  /** The kind of record the event is about: 'widget', 'user', 'job', ... */
  entityType: string;
  /** What the event stores as details (TypeBox); checked at record time outside production. */
  payload: TSchema;
}

export interface AuditEventDeclaration {
  /** `<module>.<entity>.<verb>`, e.g. 'example.widget.submitted'. */
  type: string;
  module: string;
  description: string;
  entityType: string;
  payload: TSchema;
}

export interface AuditEventTypes<
  M extends string = string,
  E extends Record<string, AuditEventSpec> = Record<string, AuditEventSpec>,
> {
  readonly module: M;
  readonly declarations: readonly AuditEventDeclaration[];
  /** Typed constants: `set.types['widget.created']` is 'example.widget.created'. */
  readonly types: { readonly [K in keyof E & string]: `${M}.${K}` };
  /** The specs as declared (read by the types below). */
  readonly specs: E;
}

/** The discriminated union of one set's events: `{type: 'example.widget.created', payload: {...}} | ...`. */
export type AuditEventOf<T> =
  T extends AuditEventTypes<infer M, infer E>
    ? { [K in keyof E & string]: { type: `${M}.${K}`; payload: Static<E[K]['payload']> } }[keyof E & string]
    : never;

const keyPattern = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$/;

export function defineAuditEventTypes<const M extends string, const E extends Record<string, AuditEventSpec>>(
  module: M,
  specs: E,
): AuditEventTypes<M, E> {
  const declarations: AuditEventDeclaration[] = [];
  const types: Record<string, string> = {};
  for (const [key, spec] of Object.entries(specs)) {
    if (!keyPattern.test(key)) throw new Error(`audit event ${module}.${key}: use <entity>.<verb>`);
    const type = `${module}.${key}`;
    types[key] = type;
    declarations.push({ type, module, ...spec });
  }
  return { module, declarations, types: types as AuditEventTypes<M, E>['types'], specs };
}
