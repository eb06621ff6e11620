import type { FastifyRequest } from 'fastify';
import type { DbOrTrx } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/access.js';
import { dataScopeOf, maskPhone } from '../identity/index.js';
import * as repo from './requests.repository.js';
import { findSignature, type SignatureRow } from './signatures.repository.js';
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

/**
 * The guard of every route that names a request by id (reads and writes: signers, send,
 * reassign, cancel, second factor, in person, evidence): a request outside the caller's scope
 * answers exactly as a missing one (404 "Signature request not found"), so ids cannot be probed.
 */
export async function requireRequestInScope(db: DbOrTrx, scope: ReadScope, requestId: string): Promise<void> {
  const row = await repo.findRequest(db, requestId);
  if (!row) throw notFound('Signature request');
  if (scope.all || (scope.userId !== null && row.requested_by === scope.userId)) return;
  const signers = scope.userId ? await repo.signersOf(db, [requestId]) : [];
  if (!signers.some((s) => s.user_id === scope.userId)) throw notFound('Signature request');
}

/** A signature by id, within the scope of its request; outside it, as missing (404 "Signature not found"). */
export async function signatureInScope(db: DbOrTrx, scope: ReadScope, id: string): Promise<SignatureRow> {
  const row = await findSignature(db, id);
  if (!row) throw notFound('Signature');
  try {
    await requireRequestInScope(db, scope, row.request_id);
  } catch {
    throw notFound('Signature');
  }
  return row;
}

/** The rows whose request the caller may read (lists by record). */
export async function filterInScope<T extends { request_id: string }>(
  db: DbOrTrx,
  scope: ReadScope,
  rows: T[],
): Promise<T[]> {
  if (scope.all || rows.length === 0) return rows;
  const ids = [...new Set(rows.map((r) => r.request_id))];
  const visible = new Set<string>();
  for (const id of ids) {
    try {
      await requireRequestInScope(db, scope, id);
      visible.add(id);
    } catch {
      // outside the scope: left out
    }
  }
  return rows.filter((r) => visible.has(r.request_id));
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
