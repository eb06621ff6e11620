import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { defineFileRoute, defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import { notificationsErrors as errors } from '../notifications.errors.js';
import { acceptConsoleReceipts, acceptTwilioReceipt } from './receipts.service.js';

/** Receipts batch several reports per push; a larger body than other public routes read. */
const receiptBodyLimit = 262_144;

const access = {
  public: true,
  reason: 'SMS delivery receipts from providers: a Twilio signature or a capability token in the URL',
} as const;

const tallyView = Type.Object({
  applied: Type.Integer(),
  repeated: Type.Integer(),
  progress: Type.Integer(),
  unmatched: Type.Integer(),
});

/** Each of Aliyun's and Tencent's pushes is a JSON array; anything else is not a receipt. */
const reportsBody = Type.Array(Type.Record(Type.String(), Type.Unknown()), { maxItems: 1000 });

/**
 * Delivery receipts: a provider reports whether the handset got the message. Every receipt
 * is verified before anything is read from the database beyond the provider record: an
 * unknown provider, a wrong kind, a bad signature or token all answer 403 alike (40341).
 */
export function receiptRoutes(deps: NotificationsDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/notifications/callbacks/twilio/:id',
      access,
      bodyLimit: receiptBodyLimit,
      summary: 'Twilio message status callback (form body, X-Twilio-Signature)',
      params: Type.Object({ id: Type.String({ maxLength: 36 }) }),
      response: tallyView,
      errors: [errors.RECEIPT_REFUSED],
      handler: async (request) =>
        acceptTwilioReceipt(deps, {
          providerId: request.params.id,
          path: request.url,
          params: (request.body ?? {}) as Record<string, string>,
          signature: request.headers['x-twilio-signature'],
        }),
    }),
    defineFileRoute({
      method: 'POST',
      url: '/notifications/callbacks/:kind/:id/:token',
      access,
      bodyLimit: receiptBodyLimit,
      summary: 'Aliyun SmsReport / Tencent Cloud SMS status callback (JSON array; the URL carries the token)',
      description:
        'Answers as each provider documents: Aliyun `{"code":0,"msg":"接收成功"}`, Tencent `{"result":0,"errmsg":"OK"}`.',
      params: Type.Object({
        kind: Type.Union([Type.Literal('aliyun'), Type.Literal('tencent')]),
        id: Type.String({ maxLength: 36 }),
        token: Type.String({ maxLength: 100 }),
      }),
      body: reportsBody,
      file: Type.Union([
        Type.Object({ code: Type.Integer(), msg: Type.String() }),
        Type.Object({ result: Type.Integer(), errmsg: Type.String() }),
      ]),
      errors: [errors.RECEIPT_REFUSED],
      handler: async (request, reply) => {
        const { kind, id, token } = request.params;
        await acceptConsoleReceipts(deps, { kind, providerId: id, token, body: request.body });
        return reply.send(kind === 'aliyun' ? { code: 0, msg: '接收成功' } : { result: 0, errmsg: 'OK' });
      },
    }),
  ];
}

/** Twilio posts its callbacks as a form; only the receipt routes accept one. */
export function acceptReceiptForms(scope: FastifyInstance): void {
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: receiptBodyLimit },
    (_request: FastifyRequest, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );
}
