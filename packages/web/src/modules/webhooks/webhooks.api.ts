import { api, call } from '@/platform/api/http-client';
import type { paths } from '@/platform/api/schema';

export type EndpointInput = NonNullable<
  paths['/api/v1/webhooks/endpoints']['post']['requestBody']
>['content']['application/json'];
export type DeliveryQuery = NonNullable<
  paths['/api/v1/webhooks/endpoints/{id}/deliveries']['get']['parameters']['query']
>;
const byId = (id: string) => ({ params: { path: { id } } });

/** The webhooks API (server module: webhooks). */
export const webhooksApi = {
  eventTypes: () => call(api.GET('/api/v1/webhooks/event-types')),
  teams: () => call(api.GET('/api/v1/webhooks/teams')),
  list: (filter: { owner?: string } = {}) =>
    call(
      api.GET('/api/v1/webhooks/endpoints', {
        params: { query: { page: 1, page_size: 100, sort: '-created_at', ...filter } },
      }),
    ),
  create: (body: EndpointInput) => call(api.POST('/api/v1/webhooks/endpoints', { body })),
  update: (id: string, body: EndpointInput) =>
    call(api.PUT('/api/v1/webhooks/endpoints/{id}', { ...byId(id), body })),
  remove: (id: string) => call(api.DELETE('/api/v1/webhooks/endpoints/{id}', byId(id))),
  rotate: (id: string) => call(api.POST('/api/v1/webhooks/endpoints/{id}/rotate-secret', byId(id))),
  test: (id: string) => call(api.POST('/api/v1/webhooks/endpoints/{id}/test', byId(id))),
  deliveries: (id: string, query: DeliveryQuery) =>
    call(api.GET('/api/v1/webhooks/endpoints/{id}/deliveries', { params: { path: { id }, query } })),
  delivery: (id: string) => call(api.GET('/api/v1/webhooks/deliveries/{id}', byId(id))),
  redeliver: (id: string) => call(api.POST('/api/v1/webhooks/deliveries/{id}/redeliver', byId(id))),
};

export type Endpoint = Awaited<ReturnType<typeof webhooksApi.list>>['items'][number];
export type Delivery = Awaited<ReturnType<typeof webhooksApi.deliveries>>['items'][number];
export type DeliveryDetail = Awaited<ReturnType<typeof webhooksApi.delivery>>;
export const deliveryStates = ['pending', 'sending', 'retrying', 'succeeded', 'dead'] as const;
export const stateColor: Record<string, string> = {
  pending: 'blue',
  sending: 'processing',
  retrying: 'orange',
  succeeded: 'green',
  dead: 'red',
};
