/** Types of api-types.js (used by the API freshness test). */
export function openApiDocument(server: {
  buildApp: (
    config: never,
  ) => Promise<{ ready(): PromiseLike<unknown>; swagger(): unknown; close(): PromiseLike<unknown> }>;
  loadConfig: (env: Record<string, string>) => unknown;
}): Promise<unknown>;
export function apiTypes(document: unknown): Promise<string>;
export function errorCodesModule(document: unknown): string;
