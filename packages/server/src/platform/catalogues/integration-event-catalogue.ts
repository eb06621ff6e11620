/**
 * The event types a module emits to other systems (webhooks): declared once per module,
 * listed in its ModuleDefinition (`integrationEvents`) and collected into the platform's
 * catalogue, so a subscription can only name an event some mounted module emits and the
 * API can list every one of them with its description.
 */
export interface IntegrationEventSpec {
  description: string;
  /** The kind of resource `data` carries: 'signing_request', 'approval', 'user', ... */
  resourceType: string;
}

export interface IntegrationEventDeclaration extends IntegrationEventSpec {
  /** `<module>.<resource>.<verb>`, e.g. 'signing.request.completed'. */
  type: string;
  module: string;
}

export interface IntegrationEventTypes<M extends string = string, K extends string = string> {
  readonly module: M;
  readonly declarations: readonly IntegrationEventDeclaration[];
  /** Typed constants: `set.types['request.sent']` is 'signing.request.sent'. */
  readonly types: { readonly [P in K]: `${M}.${P}` };
}

const keyPattern = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;

export function defineIntegrationEvents<
  const M extends string,
  const E extends Record<string, IntegrationEventSpec>,
>(module: M, specs: E): IntegrationEventTypes<M, keyof E & string> {
  const declarations: IntegrationEventDeclaration[] = [];
  const types: Record<string, string> = {};
  for (const [key, spec] of Object.entries(specs)) {
    if (!keyPattern.test(key)) throw new Error(`integration event ${module}.${key}: use <resource>.<verb>`);
    types[key] = `${module}.${key}`;
    declarations.push({ type: `${module}.${key}`, module, ...spec });
  }
  return { module, declarations, types: types as IntegrationEventTypes<M, keyof E & string>['types'] };
}
