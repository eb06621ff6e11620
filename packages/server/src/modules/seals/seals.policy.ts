import type { AuthorisationRow } from './seals.repository.js';

/** Who is asking to use a seal, with what, when: everything comes from the server's side. */
export interface UseContext {
  userId: string;
  departmentId: string | null;
  /** Role codes (of those the seal's authorisations name) the user holds. */
  roles: ReadonlySet<string>;
  /** The document's category; absent when listing the seals a user may use on some document. */
  category?: string;
  now: string;
}

/** True when the authorisation names the user (directly, by role or by department). */
function namesUser(auth: AuthorisationRow, who: UseContext): boolean {
  if (auth.subject_type === 'user') return auth.subject_id === who.userId;
  if (auth.subject_type === 'role') return who.roles.has(auth.subject_id);
  return who.departmentId !== null && auth.subject_id === who.departmentId;
}

function coversCategory(auth: AuthorisationRow, category: string | undefined): boolean {
  const list = JSON.parse(auth.categories) as string[];
  return list.length === 0 || category === undefined || list.includes(category);
}

/**
 * The authorisation that lets this use happen, deny by default: not revoked, inside its
 * validity window, naming the user and covering the document's category. Of several, one
 * without approval wins over one that needs it.
 */
export function matchingAuthorisation(
  auths: readonly AuthorisationRow[],
  who: UseContext,
): AuthorisationRow | undefined {
  const fitting = auths.filter(
    (a) =>
      a.revoked_at === null &&
      a.valid_from <= who.now &&
      who.now < a.valid_until &&
      namesUser(a, who) &&
      coversCategory(a, who.category),
  );
  return fitting.find((a) => a.requires_approval === 0) ?? fitting[0];
}

/**
 * Whose seal-use requests a caller may list: everyone's with the seals management
 * permission, their own with the permission to use seals, nobody's otherwise (deny by default).
 */
export function useRequestReach(permissions: ReadonlySet<string>): 'all' | 'own' | null {
  if (permissions.has('seals.seal.manage')) return 'all';
  if (permissions.has('seals.seal.use')) return 'own';
  return null;
}
