import { Type } from '@sinclair/typebox';

/** Schemas of my preferences and the unsubscribe link. */
const hhmm = Type.Union([Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }), Type.Null()], {
  description: 'HH:MM, local time',
});
const optionalText = (maxLength: number, description: string) =>
  Type.Optional(Type.Union([Type.String({ maxLength }), Type.Null()], { description }));

export const preferencesBody = Type.Object(
  {
    locale: Type.Optional(
      Type.Union([Type.Literal('zh-CN'), Type.Literal('en'), Type.Literal('he'), Type.Null()]),
    ),
    time_zone: optionalText(64, 'IANA time zone of the quiet hours'),
    dnd_start: Type.Optional(hhmm),
    dnd_end: Type.Optional(hhmm),
    dingtalk_id: optionalText(100, 'DingTalk user id (for @mentions)'),
    feishu_id: optionalText(100, 'Feishu open_id (for @mentions)'),
    wecom_id: optionalText(100, 'WeCom user id (for @mentions)'),
    switches: Type.Optional(
      Type.Array(
        Type.Object(
          {
            category: Type.String({ maxLength: 50, description: "A category or '*'" }),
            channel: Type.String({ maxLength: 16, description: "A channel or '*'" }),
            enabled: Type.Boolean(),
          },
          { additionalProperties: false },
        ),
        { maxItems: 200 },
      ),
    ),
  },
  { additionalProperties: false },
);

const nullable = Type.Union([Type.String(), Type.Null()]);
export const preferencesView = Type.Object({
  profile: Type.Union([
    Type.Object({
      locale: nullable,
      time_zone: nullable,
      dnd_start: nullable,
      dnd_end: nullable,
      dingtalk_id: nullable,
      feishu_id: nullable,
      wecom_id: nullable,
    }),
    Type.Null(),
  ]),
  switches: Type.Array(
    Type.Object({ category: Type.String(), channel: Type.String(), enabled: Type.Boolean() }),
  ),
  categories: Type.Array(
    Type.Object({
      category: Type.String(),
      is_transactional: Type.Boolean({ description: 'Always sent; switches do not apply' }),
    }),
  ),
});
export const tokenParams = Type.Object({ token: Type.String({ maxLength: 300 }) });
export const unsubscribeView = Type.Object({
  category: Type.String(),
  channel: Type.String(),
  unsubscribed: Type.Boolean(),
});
