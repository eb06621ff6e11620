import type { FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/access.js';
import { dataScopeOf, maskPhone } from '../identity/index.js';
import type { RequestBundle } from './signing.presenter.js';

/**
 * Who may read which signing requests. Requests carry no department, so identity's data
 * scope reduces to: everything (a role with data scope "all", or `signing.request.read_all`),
 * else the requests the caller created or is a party to (internal signer, user_id).
 */
export interface ReadScope {
  all: boolean;
  userId: string | null;
}

export function readScopeOf(request: FastifyRequest): ReadScope {
  const actor = actorOf(request);
  if (actor.permissions.has('signing.request.read_all')) return { all: true, userId: actor.userId };
  let all = false;
  try {
    all = request.principal ? dataScopeOf(request.principal).all : false;
  } catch {
    // A principal without identity details (none today) gets the narrow scope, never the wide one.
    all = false;
  }
  return { all, userId: actor.userId };
}

export function canSee(scope: ReadScope, bundle: RequestBundle): boolean {
  if (scope.all) return true;
  if (!scope.userId) return false;
  return (
    bundle.request.requested_by === scope.userId || bundle.signers.some((s) => s.user_id === scope.userId)
  );
}

/** A request outside the scope is absent (404), never a hint that it exists. */
export function requireVisible(scope: ReadScope, bundle: RequestBundle): RequestBundle {
  if (!canSee(scope, bundle)) throw notFound('Signature request');
  return bundle;
}

/** `alice@example.com` → `a***@example.com`. */
export function maskEmail(email: string | null): string | null {
  if (!email) return email;
  const at = email.lastIndexOf('@');
  return at <= 0 ? '***' : `${email.slice(0, 1)}***${email.slice(at)}`;
}

interface Presented {
  requested_by: string | null;
  signers: { signer_phone: string | null; signer_email: string | null; user_id: string | null }[];
  signatures: { signer_email: string | null }[];
}

/**
 * Column masking for readers who are neither the request's owner nor allowed to see all:
 * other parties' phone numbers (`138****1234`) and emails (`a***@example.com`); their own
 * row stays readable.
 */
export function maskFor<T extends Presented>(scope: ReadScope, view: T): T {
  if (scope.all || (scope.userId && view.requested_by === scope.userId)) return view;
  const own = (userId: string | null) => scope.userId !== null && userId === scope.userId;
  return {
    ...view,
    signers: view.signers.map((s) =>
      own(s.user_id)
        ? s
        : { ...s, signer_phone: maskPhone(s.signer_phone), signer_email: maskEmail(s.signer_email) },
    ),
    signatures: view.signatures.map((s) => ({ ...s, signer_email: maskEmail(s.signer_email) })),
  };
}
