// Relative imports: the unit tests (test/) type-check this file without the @ alias.
import { api, call } from '../../platform/api/http-client';
import type { paths } from '../../platform/api/schema';

type Body<P extends keyof paths, M extends 'post' | 'put'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
type Query<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;

export type InboxQuery = Query<'/api/v1/notifications/inbox'>;
export type TemplateQuery = Query<'/api/v1/notifications/templates'>;
export type DeliveryQuery = Query<'/api/v1/notifications/deliveries'>;
export type PreferencesInput = Body<'/api/v1/notifications/preferences', 'put'>;
export type NewTemplate = Body<'/api/v1/notifications/templates', 'post'>;
export type TemplateUpdate = Body<'/api/v1/notifications/templates/{code}', 'put'>;
export type DraftPreview = Body<'/api/v1/notifications/templates/preview', 'post'>;
export type GroupInput = Body<'/api/v1/notifications/channels/groups', 'post'>;
export type EndpointInput = Body<'/api/v1/notifications/channels/groups/{id}/endpoints', 'post'>;
export type ProviderInput = Body<'/api/v1/notifications/channels/providers', 'post'>;
export type TestInput = Body<'/api/v1/notifications/channels/test', 'post'>;
export type SendInput = Body<'/api/v1/notifications/send', 'post'>;
export type WordQuery = Query<'/api/v1/notifications/words'>;
export type WordChange = Body<'/api/v1/notifications/words', 'post'>;

const byId = (id: string) => ({ params: { path: { id } } });
const byCode = (code: string) => ({ params: { path: { code } } });

/** Every call the notification pages make; the types come from the server's OpenAPI document. */
export const notificationsApi = {
  inbox: (query: InboxQuery) => call(api.GET('/api/v1/notifications/inbox', { params: { query } })),
  unread: () => call(api.GET('/api/v1/notifications/inbox/unread')),
  markRead: (ids: string[] | 'all') =>
    call(api.POST('/api/v1/notifications/inbox/read', { body: ids === 'all' ? { all: true } : { ids } })),
  removeInbox: (id: string) => call(api.DELETE('/api/v1/notifications/inbox/{id}', byId(id))),

  preferences: () => call(api.GET('/api/v1/notifications/preferences')),
  savePreferences: (body: PreferencesInput) => call(api.PUT('/api/v1/notifications/preferences', { body })),

  templates: (query: TemplateQuery) =>
    call(api.GET('/api/v1/notifications/templates', { params: { query } })),
  template: (code: string, version?: number) =>
    call(
      api.GET('/api/v1/notifications/templates/{code}', {
        params: { path: { code }, query: version ? { version } : {} },
      }),
    ),
  createTemplate: (body: NewTemplate) => call(api.POST('/api/v1/notifications/templates', { body })),
  saveTemplate: (code: string, body: TemplateUpdate) =>
    call(api.PUT('/api/v1/notifications/templates/{code}', { ...byCode(code), body })),
  versions: (code: string) => call(api.GET('/api/v1/notifications/templates/{code}/versions', byCode(code))),
  diff: (code: string, from: number, to: number) =>
    call(
      api.GET('/api/v1/notifications/templates/{code}/diff', {
        params: { path: { code }, query: { from, to } },
      }),
    ),
  rollback: (code: string, version: number) =>
    call(api.POST('/api/v1/notifications/templates/{code}/rollback', { ...byCode(code), body: { version } })),
  setStatus: (code: string, status: 'active' | 'disabled') =>
    call(api.POST('/api/v1/notifications/templates/{code}/status', { ...byCode(code), body: { status } })),
  previewDraft: (body: DraftPreview) => call(api.POST('/api/v1/notifications/templates/preview', { body })),
  send: (body: SendInput) => call(api.POST('/api/v1/notifications/send', { body })),

  channels: () => call(api.GET('/api/v1/notifications/channels')),
  createGroup: (body: GroupInput) => call(api.POST('/api/v1/notifications/channels/groups', { body })),
  updateGroup: (id: string, body: GroupInput) =>
    call(api.PUT('/api/v1/notifications/channels/groups/{id}', { ...byId(id), body })),
  removeGroup: (id: string) => call(api.DELETE('/api/v1/notifications/channels/groups/{id}', byId(id))),
  addEndpoint: (groupId: string, body: EndpointInput) =>
    call(api.POST('/api/v1/notifications/channels/groups/{id}/endpoints', { ...byId(groupId), body })),
  updateEndpoint: (id: string, body: EndpointInput) =>
    call(api.PUT('/api/v1/notifications/channels/endpoints/{id}', { ...byId(id), body })),
  removeEndpoint: (id: string) => call(api.DELETE('/api/v1/notifications/channels/endpoints/{id}', byId(id))),
  addProvider: (body: ProviderInput) => call(api.POST('/api/v1/notifications/channels/providers', { body })),
  updateProvider: (id: string, body: ProviderInput) =>
    call(api.PUT('/api/v1/notifications/channels/providers/{id}', { ...byId(id), body })),
  removeProvider: (id: string) => call(api.DELETE('/api/v1/notifications/channels/providers/{id}', byId(id))),
  test: (body: TestInput) => call(api.POST('/api/v1/notifications/channels/test', { body })),

  deliveries: (query: DeliveryQuery) =>
    call(api.GET('/api/v1/notifications/deliveries', { params: { query } })),
  delivery: (id: string) => call(api.GET('/api/v1/notifications/deliveries/{id}', byId(id))),
  stats: (from: string, to: string) =>
    call(api.GET('/api/v1/notifications/stats', { params: { query: { from, to } } })),
  resend: (id: string) => call(api.POST('/api/v1/notifications/deliveries/{id}/resend', byId(id))),

  words: (query: WordQuery) => call(api.GET('/api/v1/notifications/words', { params: { query } })),
  changeWords: (body: WordChange) => call(api.POST('/api/v1/notifications/words', { body })),
  checkText: (text: string) => call(api.POST('/api/v1/notifications/words/check', { body: { text } })),
};

export type InboxItem = Awaited<ReturnType<typeof notificationsApi.inbox>>['items'][number];
export type Unread = Awaited<ReturnType<typeof notificationsApi.unread>>;
export type Preferences = Awaited<ReturnType<typeof notificationsApi.preferences>>;
export type Template = Awaited<ReturnType<typeof notificationsApi.templates>>['items'][number];
export type TemplateDetail = Awaited<ReturnType<typeof notificationsApi.template>>;
export type Version = TemplateDetail['version'];
export type Variant = Version['variants'][number];
export type Preview = Awaited<ReturnType<typeof notificationsApi.previewDraft>>;
export type ChannelOverview = Awaited<ReturnType<typeof notificationsApi.channels>>;
export type Stats = Awaited<ReturnType<typeof notificationsApi.stats>>;
export type Delivery = Awaited<ReturnType<typeof notificationsApi.deliveries>>['items'][number];
export type DeliveryDetail = Awaited<ReturnType<typeof notificationsApi.delivery>>;
export type Word = Awaited<ReturnType<typeof notificationsApi.words>>['items'][number];

export const channels = ['email', 'sms', 'in_app', 'dingtalk', 'feishu', 'wecom', 'webhook'] as const;
export type Channel = (typeof channels)[number];
export const locales = ['zh-CN', 'en', 'he'] as const;
export const deliveryStatuses = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'failed',
  'dead',
  'suppressed',
  'deferred',
  'held',
  'digested',
] as const;
export const statusColor: Record<string, string> = {
  queued: 'blue',
  sending: 'processing',
  sent: 'green',
  delivered: 'green',
  failed: 'orange',
  dead: 'red',
  suppressed: 'default',
  deferred: 'purple',
  held: 'gold',
  digested: 'cyan',
};
