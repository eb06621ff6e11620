import type { Actor } from '../../platform/actor.js';
import { hasPermission } from '../../platform/actor.js';
import type { SignatureOrder, SignerRole, SignerStatus } from './signing.tables.js';

/**
 * Who may sign when: pure rules the services apply on every signing action (the server, not
 * the email order, enforces the sequence: a copied link is refused until its signer's turn).
 */
export const SIGNING_ROLES: ReadonlySet<SignerRole> = new Set([
  'signer',
  'approver',
  'witness',
  'author',
  'reviewer',
]);
/** Roles that take a turn: the signing roles, and assistants (they fill fields, before their signer). */
export const ACTING_ROLES: ReadonlySet<SignerRole> = new Set([...SIGNING_ROLES, 'assistant']);

interface TurnSigner {
  id: string;
  role: SignerRole;
  status: SignerStatus;
  signing_order: number;
  signing_group?: string | null;
  assists_signer_id?: string | null;
}

const isOpen = (s: TurnSigner) => s.status === 'pending' || s.status === 'sent' || s.status === 'viewed';

/** Signers that still have to sign (not signed, not declined or cancelled). */
export function outstanding<T extends TurnSigner>(signers: readonly T[]): T[] {
  return signers.filter(
    (s) =>
      SIGNING_ROLES.has(s.role) && (s.status === 'pending' || s.status === 'sent' || s.status === 'viewed'),
  );
}

/**
 * The signers whose turn it is: with `any`, every outstanding signer; with `sequential`,
 * those with the lowest outstanding signing_order (equal orders sign in parallel).
 */
export function currentTurn<T extends TurnSigner>(order: SignatureOrder, signers: readonly T[]): Set<string> {
  const open = signers.filter((s) => ACTING_ROLES.has(s.role) && isOpen(s));
  // A signer whose assistant has not filled their fields yet waits for it, in any order mode.
  const assisted = new Set(
    open.flatMap((s) => (s.role === 'assistant' && s.assists_signer_id ? [s.assists_signer_id] : [])),
  );
  const ready = open.filter((s) => !assisted.has(s.id));
  if (order === 'any') return new Set(ready.map((s) => s.id));
  const lowest = Math.min(...open.map((s) => s.signing_order));
  return new Set(ready.filter((s) => s.signing_order === lowest).map((s) => s.id));
}

/**
 * The signing places of a request: each signing-role signer outside a group is one place; an
 * any-of-N group (same `signing_group`) is one place, signed when any member signed. This is
 * what a template's `required_signatures_count` and the completion percentage count.
 */
export function signingPlaces(signers: readonly TurnSigner[]): { signed: boolean }[] {
  const groups = new Map<string, boolean>();
  const places: { signed: boolean }[] = [];
  for (const s of signers) {
    if (!SIGNING_ROLES.has(s.role)) continue;
    const signed = s.status === 'signed';
    if (s.signing_group) groups.set(s.signing_group, (groups.get(s.signing_group) ?? false) || signed);
    else places.push({ signed });
  }
  for (const signed of groups.values()) places.push({ signed });
  return places;
}

/** Completion: share of signing places (an any-of-N group counts once) that are signed (0–100). */
export function completionPercentage(signers: readonly TurnSigner[]): number {
  const places = signingPlaces(signers);
  if (places.length === 0) return 0;
  return Math.floor((places.filter((p) => p.signed).length * 100) / places.length);
}

/** Deny by default: what an authenticated actor may do with requests, templates and signatures. */
export function may(
  actor: Actor,
  action: 'read' | 'create' | 'cancel' | 'revoke' | 'template.read' | 'template.manage',
): boolean {
  const code = {
    read: 'signing.request.read',
    create: 'signing.request.create',
    cancel: 'signing.request.cancel',
    revoke: 'signing.signature.revoke',
    'template.read': 'signing.template.read',
    'template.manage': 'signing.template.manage',
  }[action];
  return hasPermission(actor, code);
}
