import { Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../../platform/db/pagination.js';

/** Schemas of the send log, resend and statistics routes. */
const nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);
const text = Type.String();

export const logQuery = Type.Composite([
  pageQuerySchema(['created_at', 'status'] as const, 'created_at'),
  Type.Object({
    channel: Type.Optional(Type.String({ maxLength: 16 })),
    status: Type.Optional(
      Type.String({
        maxLength: 16,
        description: 'queued, sending, sent, delivered, failed, dead, suppressed, deferred, held, digested',
      }),
    ),
    template: Type.Optional(Type.String({ maxLength: 100 })),
    recipient: Type.Optional(
      Type.String({ maxLength: 200, description: 'Recipient key, address or name contains' }),
    ),
    message_id: Type.Optional(Type.String({ maxLength: 36 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
  }),
]);

export const deliveryView = Type.Object({
  id: text,
  message_id: text,
  channel: text,
  recipient: text,
  recipient_name: nullable(text),
  address: nullable(text),
  locale: text,
  template: text,
  category: text,
  priority: text,
  subject: nullable(text),
  body: nullable(Type.String({ description: 'Null for sensitive messages' })),
  is_sensitive: Type.Boolean(),
  status: text,
  attempts: Type.Integer(),
  next_attempt_at: nullable(text),
  last_error: nullable(text),
  provider: nullable(text),
  provider_message_id: nullable(text),
  is_digest: Type.Boolean(),
  digest_id: nullable(text),
  merged: Type.Array(text, { description: 'Deliveries a digest merged' }),
  created_at: text,
  sent_at: nullable(text),
  delivered_at: nullable(text),
});

export const attemptView = Type.Object({
  attempt: Type.Integer(),
  provider: text,
  status: Type.String({
    description: 'sending, sent, failed, interrupted (the process died; outcome unknown)',
  }),
  response: nullable(Type.String({ description: 'The provider’s answer' })),
  error: nullable(text),
  started_at: text,
  finished_at: nullable(text),
  provider_message_id: nullable(Type.String({ description: 'The id the provider gave the message (SMS)' })),
  receipt_status: nullable(
    Type.String({ description: 'delivered or failed, from the provider’s delivery receipt' }),
  ),
  receipt_code: nullable(Type.String({ description: 'The provider’s status or error code in its receipt' })),
  receipt_at: nullable(text),
});

export const deliveryDetailView = Type.Object({ delivery: deliveryView, attempts: Type.Array(attemptView) });
export const deliveryParams = Type.Object({ id: Type.String({ maxLength: 36 }) });
export const statsQuery = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
});
export const statsView = Type.Array(
  Type.Object({
    day: text,
    channel: text,
    template: text,
    category: Type.String({ description: 'The template’s category (what preferences go by)' }),
    total: Type.Integer(),
    counts: Type.Record(Type.String(), Type.Integer(), { description: 'By status' }),
    success_rate: Type.Union([Type.Number(), Type.Null()], { description: 'sent+delivered over settled' }),
  }),
);
