import { Type } from '@sinclair/typebox';
import { inboxKind } from '../templates/templates.schemas.js';

/** Schemas of the inbox routes. */
export const inboxQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  page_size: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  unread: Type.Optional(Type.Boolean({ description: 'Only unread messages' })),
  kind: Type.Optional(inboxKind),
});
export const inboxItemView = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'system, approval, task or alert' }),
  category: Type.String(),
  title: Type.String(),
  body: Type.String({ description: 'Markdown; values are escaped' }),
  link: Type.Union([Type.String(), Type.Null()]),
  read_at: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
});
export const unreadView = Type.Object({
  total: Type.Integer(),
  by_kind: Type.Object({
    system: Type.Integer(),
    approval: Type.Integer(),
    task: Type.Integer(),
    alert: Type.Integer(),
  }),
});
export const readBody = Type.Object(
  {
    ids: Type.Optional(Type.Array(Type.String({ maxLength: 36 }), { maxItems: 500 })),
    all: Type.Optional(Type.Boolean({ description: 'Mark every message read' })),
  },
  { additionalProperties: false },
);
export const readResult = Type.Object({ marked: Type.Integer() });
export const idParams = Type.Object({ id: Type.String({ maxLength: 36 }) });
export const streamQuery = Type.Object({
  after: Type.Optional(
    Type.String({ maxLength: 36, description: 'Replay messages after this id (also Last-Event-ID)' }),
  ),
});
