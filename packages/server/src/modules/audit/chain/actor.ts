import type { FastifyRequest } from 'fastify';
import type { AuditActor } from './chain.types.js';

/**
 * The actor of an HTTP request from what the server knows: the authenticated principal,
 * the client IP as resolved through the trusted proxies, the user agent and the request id.
 */
export function actorFromRequest(request: FastifyRequest): AuditActor {
  const principal = request.principal;
  const userAgent = request.headers['user-agent'];
  const context = {
    requestId: String(request.id),
    ip: request.ip ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 500) : null,
  };
  if (!principal) return { type: 'anonymous', id: null, name: 'anonymous', authMethod: null, ...context };
  return {
    type: principal.kind,
    id: principal.kind === 'user' ? (principal.userId ?? principal.id) : principal.id,
    name: principal.username,
    authMethod: principal.authMethod,
    ...context,
  };
}

/** The actor for work the platform does itself (jobs, retention, checkpoints). */
export function systemActor(name: string): AuditActor {
  return { type: 'system', id: name, name: `system:${name}`, authMethod: null };
}
