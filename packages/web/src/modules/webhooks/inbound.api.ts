import { api, call } from '@/platform/api/http-client';
import type { paths } from '@/platform/api/schema';

export type CredentialInput = NonNullable<
  paths['/api/v1/webhooks/inbound-credentials']['post']['requestBody']
>['content']['application/json'];
const byId = (id: string) => ({ params: { path: { id } } });

/** The inbound callback credentials API (server module: webhooks, inbound/). */
export const inboundApi = {
  operations: () => call(api.GET('/api/v1/webhooks/inbound-operations')),
  list: (filter: { owner?: string } = {}) =>
    call(
      api.GET('/api/v1/webhooks/inbound-credentials', {
        params: { query: { page: 1, page_size: 100, sort: '-created_at', ...filter } },
      }),
    ),
  create: (body: CredentialInput) => call(api.POST('/api/v1/webhooks/inbound-credentials', { body })),
  update: (id: string, body: CredentialInput) =>
    call(api.PUT('/api/v1/webhooks/inbound-credentials/{id}', { ...byId(id), body })),
  rotate: (id: string) => call(api.POST('/api/v1/webhooks/inbound-credentials/{id}/rotate-secret', byId(id))),
  revoke: (id: string) => call(api.POST('/api/v1/webhooks/inbound-credentials/{id}/revoke', byId(id))),
};

export type Credential = Awaited<ReturnType<typeof inboundApi.list>>['items'][number];
