import type { ApiError } from '@/platform/api/api-error';
import { api, call } from '@/platform/api/http-client';
import type { paths } from '@/platform/api/schema';
import type { DefinitionBody } from './model/definition';
import type { Issue } from './model/precheck';

type ListQuery = NonNullable<paths['/api/v1/workflows']['get']['parameters']['query']>;
const byId = (id: string) => ({ params: { path: { id } } });
// The schema leaves the body open (`unknown`); the designer's own types describe it.
type Body = paths['/api/v1/workflows']['post']['requestBody']['content']['application/json']['body'];
const asBody = (body: DefinitionBody) => body as unknown as Body;

export const workflowApi = {
  list: (query: ListQuery) => call(api.GET('/api/v1/workflows', { params: { query } })),
  get: (id: string) => call(api.GET('/api/v1/workflows/{id}', byId(id))),
  create: (input: { key: string; name: string; description?: string | null; body: DefinitionBody }) =>
    call(api.POST('/api/v1/workflows', { body: { ...input, body: asBody(input.body) } })),
  update: (id: string, input: { name: string; description?: string | null; body: DefinitionBody }) =>
    call(api.PUT('/api/v1/workflows/{id}', { ...byId(id), body: { ...input, body: asBody(input.body) } })),
  remove: (id: string) => call(api.DELETE('/api/v1/workflows/{id}', byId(id))),
  publish: (id: string) => call(api.POST('/api/v1/workflows/{id}/publish', byId(id))),
  archive: (id: string) => call(api.POST('/api/v1/workflows/{id}/archive', byId(id))),
  newVersion: (id: string) => call(api.POST('/api/v1/workflows/{id}/versions', byId(id))),
  validate: (body: DefinitionBody) =>
    call(api.POST('/api/v1/workflows/validate', { body: { body: asBody(body) } })),
};

export type DefinitionRow = Awaited<ReturnType<typeof workflowApi.list>>['items'][number];
export type Definition = Awaited<ReturnType<typeof workflowApi.get>>;
export const statusColor: Record<string, string> = { draft: 'blue', published: 'green', archived: 'default' };

/** The node issues of a 40053 answer (`errors[].field` is `node:<id>` or `form`). */
export function issuesOf(error: ApiError): Issue[] {
  if (error.code !== 40053) return [];
  return error.fieldErrors.map((e) => ({
    node_id: e.field.startsWith('node:') ? e.field.slice(5) : null,
    message: e.message,
  }));
}
