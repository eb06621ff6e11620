import { Type } from '@sinclair/typebox';
import { channel } from '../templates/templates.schemas.js';

/** Schemas of `POST /notifications/send` and the full-message view. */
const recipient = Type.Object(
  {
    type: Type.String({
      maxLength: 30,
      description:
        'user, role, department, project (with a projects module), email, phone or group (robot/webhook group)',
    }),
    id: Type.Optional(Type.String({ maxLength: 100, description: 'user, department or project id' })),
    code: Type.Optional(Type.String({ maxLength: 100, description: 'role or group code' })),
    address: Type.Optional(Type.String({ maxLength: 320, description: 'email address or phone number' })),
    name: Type.Optional(Type.String({ maxLength: 200, description: 'Name for a raw address' })),
    locale: Type.Optional(Type.String({ maxLength: 10, description: 'Locale for a raw address' })),
    include_children: Type.Optional(Type.Boolean({ description: 'department: its sub-departments too' })),
    params: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'Values for this recipient only' }),
    ),
  },
  { additionalProperties: false },
);

export const sendBody = Type.Object(
  {
    template: Type.String({ maxLength: 100, description: 'Template code' }),
    channels: Type.Array(channel, { minItems: 1, maxItems: 7, description: 'Channels to send on' }),
    recipients: Type.Array(recipient, { minItems: 1, maxItems: 5000 }),
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Template variables' })),
    priority: Type.Optional(
      Type.Union(
        [Type.Literal('low'), Type.Literal('normal'), Type.Literal('high'), Type.Literal('urgent')],
        {
          description: 'urgent skips quiet hours and is never merged into a digest',
        },
      ),
    ),
    dedupe_key: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Same key, same message: sent once' }),
    ),
    images: Type.Optional(
      Type.Array(
        Type.Object(
          {
            cid: Type.String({
              pattern: '^[\\w.@-]{1,100}$',
              description: 'Referenced in the HTML as cid:<cid>',
            }),
            filename: Type.String({ maxLength: 200 }),
            content_base64: Type.String({
              maxLength: 1_400_000,
              description: 'PNG, JPEG or GIF, up to 1 MB',
            }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 5, description: 'Inline images for email' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const sendResultView = Type.Object({
  message_id: Type.String(),
  is_new: Type.Boolean({ description: 'False when dedupe_key matched an earlier message' }),
  queued: Type.Integer(),
  failed: Type.Integer(),
  deliveries: Type.Array(
    Type.Object({
      id: Type.Union([Type.String(), Type.Null()]),
      channel: Type.String(),
      recipient: Type.String({ description: 'user:<id>, email:<address>, group:<code>, …' }),
      status: Type.String({ description: 'queued or failed' }),
      error: Type.Union([Type.String(), Type.Null()], { description: 'Why this recipient × channel failed' }),
    }),
  ),
});

export const viewParams = Type.Object({ token: Type.String({ maxLength: 64 }) });
export const fullMessageView = Type.Object({
  subject: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
  format: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
});
