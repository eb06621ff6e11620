import { Type } from '@sinclair/typebox';
import { channel } from '../templates/templates.schemas.js';

/** Schemas of channel setup. Secrets go in, never out. */
const time = Type.String({ format: 'date-time' });
export const idParams = Type.Object({ id: Type.String({ maxLength: 36 }) });

export const groupBody = Type.Object(
  {
    channel: Type.Union([
      Type.Literal('dingtalk'),
      Type.Literal('feishu'),
      Type.Literal('wecom'),
      Type.Literal('webhook'),
    ]),
    code: Type.String({
      pattern: '^[a-z][a-z0-9_.-]{0,99}$',
      description: 'Code used in recipients: {type:"group", code}',
    }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    is_default: Type.Optional(
      Type.Boolean({ description: 'Used when a message names no group of its channel' }),
    ),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const endpointBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    url: Type.Optional(Type.String({ maxLength: 2000, description: 'Robot webhook URL (kept sealed)' })),
    secret: Type.Optional(
      Type.Union([Type.String({ maxLength: 500 }), Type.Null()], {
        description: 'Signing secret (kept sealed)',
      }),
    ),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const providerBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('aliyun'), Type.Literal('tencent'), Type.Literal('twilio')]),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    position: Type.Integer({
      minimum: 0,
      maximum: 100,
      description: 'Order in the failover chain (lowest first)',
    }),
    settings: Type.Record(Type.String({ maxLength: 50 }), Type.String({ maxLength: 500 }), {
      description:
        'aliyun: access_key_id, sign_name, region, endpoint; tencent: secret_id, sdk_app_id, sign_name, region, endpoint; twilio: account_sid, from, endpoint',
    }),
    secret: Type.Optional(
      Type.String({
        maxLength: 500,
        description: 'Access key secret / secret key / auth token (kept sealed)',
      }),
    ),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const testBody = Type.Object(
  {
    channel,
    group: Type.Optional(Type.String({ maxLength: 100 })),
    address: Type.Optional(Type.String({ maxLength: 320, description: 'Email address or phone number' })),
  },
  { additionalProperties: false },
);

const endpointView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  url_hint: Type.String({ description: 'Host and path only' }),
  has_secret: Type.Boolean(),
  enabled: Type.Boolean(),
  updated_at: time,
});
export const groupView = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  code: Type.String(),
  name: Type.String(),
  is_default: Type.Boolean(),
  enabled: Type.Boolean(),
  endpoints: Type.Array(endpointView),
});
export const providerView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  position: Type.Integer(),
  settings: Type.Record(Type.String(), Type.String()),
  enabled: Type.Boolean(),
  breaker_open: Type.Boolean({ description: 'Skipped after repeated failures, until its cool-down passes' }),
  receipt_url: Type.Union([Type.String(), Type.Null()], {
    description:
      'Where the provider posts delivery receipts (Aliyun, Tencent: enter it in their console; it holds a token, so only channel managers see it; Twilio gets it with each message)',
  }),
  updated_at: time,
});
export const overviewView = Type.Object({
  email: Type.Object({
    configured: Type.Boolean(),
    host: Type.Union([Type.String(), Type.Null()]),
    from: Type.String(),
  }),
  providers: Type.Array(providerView),
  groups: Type.Array(groupView),
  im_apps: Type.Array(
    Type.Object({
      provider: Type.Union([Type.Literal('feishu'), Type.Literal('dingtalk'), Type.Literal('wecom')]),
      configured: Type.Boolean({
        description: 'App credentials and callback secrets are all set (IM_* settings)',
      }),
      app_id: Type.Union([Type.String(), Type.Null()], {
        description: 'Feishu app id, DingTalk app key or WeCom corp id',
      }),
      api_url: Type.Union([Type.String(), Type.Null()]),
      callback_url: Type.String({ description: "Enter it as the app's card callback address" }),
    }),
    { description: 'IM apps that send approval cards (from the server configuration; secrets never shown)' },
  ),
});
export const okView = Type.Object({ ok: Type.Boolean() });
export { endpointView };
