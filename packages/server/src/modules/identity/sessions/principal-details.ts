import { AppError } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import type { DataScope } from '../roles/data-scope.js';

/**
 * What identity knows about a principal beyond the platform's `Principal` shape: its data
 * scope, department and roles. Kept beside the principal object (WeakMap) so the platform
 * type stays small and other modules ask through `dataScopeOf`.
 */
export interface PrincipalDetails {
  scope: DataScope;
  departmentId: string | null;
  roleCodes: readonly string[];
  mfaRequired: boolean;
  /** The authorization version the principal was resolved at (keys per-process caches). */
  authzVersion: number;
}

const details = new WeakMap<Principal, PrincipalDetails>();

export function attachDetails(principal: Principal, value: PrincipalDetails): Principal {
  details.set(principal, value);
  return principal;
}

export function detailsOf(principal: Principal): PrincipalDetails {
  const value = details.get(principal);
  if (!value) throw new AppError('UNAUTHENTICATED', 'Please sign in');
  return value;
}

/** The caller's data scope, for `applyDataScope` in any module's list and detail queries. */
export function dataScopeOf(principal: Principal): DataScope {
  return detailsOf(principal).scope;
}
