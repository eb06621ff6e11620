import type {
  FastifyInstance,
  FastifyRequest,
  preParsingAsyncHookHandler,
  preValidationAsyncHookHandler,
} from 'fastify';
import { AppError } from '../errors.js';
import type { Principal } from './access.js';

/**
 * Inbound callbacks (docs/integration.md): routes with `access: { callback: '<permission>' }`
 * are called by other systems with an HMAC-signed request instead of a token. The platform
 * only runs the check at the right moments; the webhooks module installs the verifier that
 * knows the credentials (`setCallbackVerifier`). Until one is installed every callback is 401.
 *
 * - `screen` runs in preParsing, before the body is read: headers, timestamp window,
 *   credential state, IP allow-list and the operation, so a refused caller costs no parsing;
 * - `verify` runs in preValidation, with the raw body text: the signature and the replay
 *   check; it returns the principal the handler acts as.
 */
export interface CallbackVerifier {
  screen(request: FastifyRequest, operation: string): Promise<void>;
  verify(request: FastifyRequest, rawBody: string): Promise<Principal>;
}

declare module 'fastify' {
  interface FastifyInstance {
    setCallbackVerifier(verifier: CallbackVerifier): void;
  }
  interface FastifyRequest {
    /** The body text exactly as received, kept for callback routes only (their signature covers it). */
    rawBody?: string;
  }
}

const unverified = () => new AppError('UNAUTHENTICATED', 'This callback route needs a signed request');

/** Decorates `setCallbackVerifier` and answers the two hooks a callback route gets for its operation. */
export function installCallbackAccess(app: FastifyInstance) {
  let verifier: CallbackVerifier | null = null;
  app.decorate('setCallbackVerifier', (next: CallbackVerifier) => {
    verifier = next;
  });
  const screen =
    (operation: string): preParsingAsyncHookHandler =>
    async (request, _reply, payload) => {
      if (!verifier) throw unverified();
      await verifier.screen(request, operation);
      return payload;
    };
  const verify: preValidationAsyncHookHandler = async (request) => {
    if (!verifier) throw unverified();
    request.principal = await verifier.verify(request, request.rawBody ?? '');
  };
  return (operation: string) => ({ preParsing: screen(operation), preValidation: verify });
}

/** Whether the request's route is a callback route (the JSON parser keeps its raw text then). */
export function isCallbackRoute(request: FastifyRequest): boolean {
  const access = request.routeOptions.config?.access;
  return access !== undefined && 'callback' in access;
}
