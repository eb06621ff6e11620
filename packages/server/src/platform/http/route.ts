import type { Static, TSchema } from '@sinclair/typebox';
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  HTTPMethods,
} from 'fastify';
import { type DomainErrorCode, type ErrorCode, errorCodes } from '../errors.js';
import type { ModuleTag } from '../module.js';
import type { AccessRule } from './access.js';
import { envelope, errorEnvelope, ok } from './envelope.js';

type Infer<S> = S extends TSchema ? Static<S> : unknown;

/** The request a handler gets, typed by the route's schemas. */
export type RouteRequest<P, Q, B> = FastifyRequest<{
  Params: Infer<P>;
  Querystring: Infer<Q>;
  Body: Infer<B>;
}>;

/** What every route states; the helper turns it into Fastify's options block. */
interface RouteBase<P, Q, B> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under /api/v1, e.g. '/widgets/:id'. */
  url: string;
  access: AccessRule;
  /** One line for the API documentation's operation list. */
  summary: string;
  description?: string;
  params?: P;
  querystring?: Q;
  body?: B;
  /** Request headers the route reads (documented and validated, e.g. a step-up proof header). */
  headers?: TSchema;
  /**
   * Failures the handler may raise beyond what the helper derives (validation 400 when a
   * schema is given, 401/403 from the access rule, 400/409 for idempotency): families such
   * as 'NOT_FOUND', or the module's declared domain codes, which are also listed in the
   * operation's description and in `x-signx-errors`.
   */
  errors?: readonly (ErrorCode | DomainErrorCode)[];
  /** Accept an Idempotency-Key header (writes a client may retry). */
  idempotent?: boolean;
  /** Largest body in bytes, when the default (or a public route's smaller one) does not fit. */
  bodyLimit?: number;
  /**
   * Runs when the request fails, before the error handler answers, including failures that
   * never reached the handler (schema validation): e.g. a refused sign-in is still logged.
   */
  onError?: (request: FastifyRequest, error: FastifyError) => Promise<void>;
}

/** A JSON route: the handler returns the data; the helper wraps it in the envelope. */
export interface JsonRouteSpec<P, Q, B, R extends TSchema> extends RouteBase<P, Q, B> {
  response: R;
  /** Success status (default 200; 201 for creations, 202 for accepted work). */
  status?: 200 | 201 | 202;
  handler: (request: RouteRequest<P, Q, B>, reply: FastifyReply) => Promise<Static<R>>;
}

/** A file route (CSV, PDF, bundle): the handler sends through `reply` itself. */
export interface FileRouteSpec<P, Q, B> extends RouteBase<P, Q, B> {
  /** Schema of the 200 body as the documentation shows it (e.g. `{type:'string', format:'binary'}`). */
  file: TSchema;
  handler: (request: RouteRequest<P, Q, B>, reply: FastifyReply) => Promise<FastifyReply>;
}

/** A route ready to mount: the method, the url, and Fastify's options block written once. */
export interface RouteDefinition {
  method: HTTPMethods;
  url: string;
  config: { access: AccessRule; idempotent?: boolean };
  bodyLimit?: number;
  onError?: (request: FastifyRequest, reply: FastifyReply, error: FastifyError) => Promise<void>;
  schema: FastifySchema & Record<string, unknown>;
  handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

/**
 * Declares a JSON route: access rule, schemas, summary and handler in one object, from
 * which the options block (`config`, `schema.params/querystring/body`, the envelope
 * response and every error response) is derived, so no module writes it by hand.
 */
export function defineRoute<
  R extends TSchema,
  P extends TSchema | undefined = undefined,
  Q extends TSchema | undefined = undefined,
  B extends TSchema | undefined = undefined,
>(spec: JsonRouteSpec<P, Q, B, R>): RouteDefinition {
  const status = spec.status ?? 200;
  const handler = spec.handler as (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  return {
    ...options(spec, { [status]: envelope(spec.response) }),
    handler: async (request, reply) => {
      const data = await handler(request, reply);
      if (status !== 200) reply.status(status);
      return ok(data);
    },
  };
}

/** Declares a route that answers with a file instead of the JSON envelope. */
export function defineFileRoute<
  P extends TSchema | undefined = undefined,
  Q extends TSchema | undefined = undefined,
  B extends TSchema | undefined = undefined,
>(spec: FileRouteSpec<P, Q, B>): RouteDefinition {
  return {
    ...options(spec, { 200: spec.file }),
    handler: spec.handler as (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
  };
}

/**
 * Mounts a module's routes under one of its declared tags. Call it from the module's
 * `routes` hook with the instance it receives (already under /api/v1). A tag the mounted
 * modules did not declare (ModuleDefinition.tags) is refused, so every tag in the API
 * documentation has its description.
 */
export function mountRoutes(api: FastifyInstance, tag: ModuleTag, routes: readonly RouteDefinition[]): void {
  if (!api.signx.catalogues.tags.has(tag.name)) {
    throw new Error(`Tag ${tag.name} is not declared in its module's definition (ModuleDefinition.tags)`);
  }
  for (const route of routes) {
    api.route({ ...route, schema: { ...route.schema, tags: [tag.name] } });
  }
}

function options<P, Q, B>(spec: RouteBase<P, Q, B>, success: Record<number, TSchema>) {
  const domain = (spec.errors ?? []).filter((e): e is DomainErrorCode => typeof e !== 'string');
  const schema: RouteDefinition['schema'] = {
    summary: spec.summary,
    response: { ...success, ...errorStatuses(spec) },
  };
  const listed = domain.map((e) => `- \`${e.api}\` ${e.name}: ${e.description}`);
  const description = [spec.description, listed.length > 0 ? `Domain errors:\n${listed.join('\n')}` : '']
    .filter(Boolean)
    .join('\n\n');
  if (description) schema.description = description;
  if (domain.length > 0) {
    schema['x-signx-errors'] = domain.map((e) => ({
      code: e.api,
      name: e.name,
      status: errorCodes[e.family].http,
    }));
  }
  if (spec.params) schema.params = spec.params;
  if (spec.querystring) schema.querystring = spec.querystring;
  if (spec.body) schema.body = spec.body;
  if (spec.headers) schema.headers = spec.headers;
  const config = spec.idempotent ? { access: spec.access, idempotent: true } : { access: spec.access };
  const limit = spec.bodyLimit === undefined ? {} : { bodyLimit: spec.bodyLimit };
  const onError = spec.onError;
  const hook = onError
    ? {
        onError: (request: FastifyRequest, _reply: FastifyReply, error: FastifyError) =>
          onError(request, error),
      }
    : {};
  return { method: spec.method, url: spec.url, config, schema, ...limit, ...hook };
}

/** The error statuses a route can answer with, each documented with the error envelope. */
function errorStatuses<P, Q, B>(spec: RouteBase<P, Q, B>): Record<number, TSchema> {
  const statuses = new Set<number>();
  if (spec.params || spec.querystring || spec.body || spec.headers) statuses.add(400);
  if (!('public' in spec.access)) statuses.add(401);
  if ('permission' in spec.access || 'callback' in spec.access) statuses.add(403);
  if (spec.idempotent) {
    statuses.add(400);
    statuses.add(409);
  }
  for (const e of spec.errors ?? []) {
    statuses.add(errorCodes[typeof e === 'string' ? e : e.family].http);
  }
  return Object.fromEntries([...statuses].sort().map((s) => [s, errorEnvelope]));
}
