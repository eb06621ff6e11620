import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { defineFileRoute, type RouteDefinition } from '../../../platform/http/route.js';
import type { WorkflowDeps } from '../workflow.deps.js';
import { acceptCardCallback, checkWecomUrl } from './card-callback.service.js';
import { imCardErrors as errors } from './im-cards.errors.js';

/** A card callback is a small JSON envelope; anything larger is not one. */
const callbackBodyLimit = 65_536;

/**
 * The IM apps' card callbacks (docs/workflow.md, "IM approval cards"): public (the IM
 * platform calls them), rate-limited per IP like every route, verified by the provider's
 * signature and encryption before the body is parsed. The route's scope keeps the body as
 * text, since the signature covers the exact bytes.
 */
export function cardCallbackRoutes(deps: WorkflowDeps): RouteDefinition[] {
  return [
    defineFileRoute({
      method: 'POST',
      url: '/im/:provider/card-callback',
      access: {
        public: true,
        reason: "IM approval-card buttons: the provider's signature, encryption and verification token",
      },
      bodyLimit: callbackBodyLimit,
      summary:
        'An IM approval card button press (Feishu card.action.trigger, DingTalk card callback, WeCom template_card_event)',
      description:
        'Answers as each provider expects: Feishu a toast (or the url_verification challenge), DingTalk an encrypted `success`, WeCom an empty text.',
      params: Type.Object({
        provider: Type.Union([Type.Literal('feishu'), Type.Literal('dingtalk'), Type.Literal('wecom')]),
      }),
      querystring: Type.Object({
        msg_signature: Type.Optional(Type.String({ maxLength: 128 })),
        timestamp: Type.Optional(Type.String({ maxLength: 32 })),
        nonce: Type.Optional(Type.String({ maxLength: 128 })),
      }),
      body: Type.String({ maxLength: callbackBodyLimit }),
      file: Type.Record(Type.String(), Type.Unknown()),
      errors: [
        errors.IM_CALLBACK_REFUSED,
        errors.IM_CALLBACK_STALE,
        errors.IM_USER_MISMATCH,
        errors.IM_APP_NOT_CONFIGURED,
        errors.IM_CARD_UNKNOWN,
        errors.IM_CALLBACK_REPLAYED,
      ],
      handler: async (request, reply) => {
        const answer = await acceptCardCallback(
          deps,
          request.params.provider,
          { rawBody: request.body, headers: request.headers, query: request.query, now: deps.clock.now() },
          { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id },
        );
        return typeof answer === 'string' ? reply.type('text/plain').send(answer) : reply.send(answer);
      },
    }),
    defineFileRoute({
      method: 'GET',
      url: '/im/:provider/card-callback',
      access: {
        public: true,
        reason: "WeCom's callback URL check: msg_signature over the encrypted echostr",
      },
      summary: 'WeCom callback URL verification (answers the decrypted echostr)',
      params: Type.Object({ provider: Type.Literal('wecom') }),
      querystring: Type.Object({
        msg_signature: Type.String({ maxLength: 128 }),
        timestamp: Type.String({ maxLength: 32 }),
        nonce: Type.String({ maxLength: 128 }),
        echostr: Type.String({ maxLength: 1024 }),
      }),
      file: Type.String(),
      errors: [errors.IM_CALLBACK_REFUSED, errors.IM_CALLBACK_STALE, errors.IM_APP_NOT_CONFIGURED],
      handler: async (request, reply) => {
        const plain = checkWecomUrl(
          deps,
          { rawBody: '', headers: request.headers, query: request.query, now: deps.clock.now() },
          request.query.echostr,
        );
        return reply.type('text/plain').send(plain);
      },
    }),
  ];
}

/** The callback scope reads JSON (and WeCom's XML) bodies as text: the signature is checked on the bytes received. */
export function keepCallbackText(scope: FastifyInstance): void {
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser(
    ['application/json', 'text/xml', 'application/xml'],
    { parseAs: 'string', bodyLimit: callbackBodyLimit },
    (_request, body, done) => done(null, body),
  );
}
